import {notMeasured} from './not-measured.js'

export const warmCacheRescan = notMeasured({
  id: 'warm-cache-rescan',
  title: 'Warm blob cache rescan from a registry',
  issue: 3,
  goal: 'a rescan with the blobs already in `--cache-dir`, reported against the cold pull.',
  reason: 'needs the registry-pull harness (local registry) first.'
})
