import {notMeasured} from './not-measured.js'

export const registryPull = notMeasured({
  id: 'registry-pull',
  title: 'Registry pull + extraction vs skopeo copy + umoci unpack',
  issue: 3,
  goal: 'pull plus extraction of a ~200 MB image from a local registry at least 1.0× the speed of `skopeo copy` + `umoci unpack` (or `podman pull` + `podman image mount`).',
  reason: 'the benchmark needs a local registry holding the Debian image; no harness for it yet.'
})
