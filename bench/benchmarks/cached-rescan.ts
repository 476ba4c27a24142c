import {notMeasured} from './not-measured.js'

export const cachedRescan = notMeasured({
  id: 'cached-rescan',
  title: 'Cached rescan vs cold scan',
  issue: 5,
  goal: 'a rescan served from the result cache takes at most 5% of the cold scan’s time.',
  reason: 'the result cache is being built (issue 5); no harness yet.'
})
