import {cachedRescan} from './benchmarks/cached-rescan.js'
import {cisVsBareOscap} from './benchmarks/cis-vs-bare-oscap.js'
import {concurrentImages} from './benchmarks/concurrent-images.js'
import {cvePrefilter} from './benchmarks/cve-prefilter.js'
import {layerExtraction} from './benchmarks/layer-extraction.js'
import {registryPull} from './benchmarks/registry-pull.js'
import {scanVsOscapPodman} from './benchmarks/scan-vs-oscap-podman.js'
import {warmCacheRescan} from './benchmarks/warm-cache-rescan.js'
import type {Benchmark} from './types.js'

/** Every benchmark, in the order BENCHMARKS.md shows them. A new benchmark is one file + one line. */
export const benchmarks: readonly Benchmark[] = [
  scanVsOscapPodman,
  layerExtraction,
  registryPull,
  warmCacheRescan,
  cachedRescan,
  concurrentImages,
  cvePrefilter,
  cisVsBareOscap
]
