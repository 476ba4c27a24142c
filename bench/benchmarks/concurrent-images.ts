import {notMeasured} from './not-measured.js'

export const concurrentImages = notMeasured({
  id: 'concurrent-images',
  title: 'Two images at once vs one after the other',
  issue: 5,
  goal: 'scanning two images concurrently on 2 cores is at least 1.6× faster than scanning them one after the other.',
  reason: 'no harness yet.'
})
