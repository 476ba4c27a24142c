import {join} from 'node:path'
import {
  freshDirs,
  pullAndExtract,
  registryWithDebian,
  removeDirs
} from '../support/local-registry.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

/**
 * The same pull + extraction as `registry-pull`, twice over: with an empty blob cache each run
 * (cold) and with the cache filled once before timing (warm: the manifest still comes from the
 * registry, every blob from the cache, re-hashed on use). Each run checks the download count
 * (all blobs cold, none warm), so a warm figure cannot come from a silent re-download.
 */
async function measure(context: BenchContext): Promise<BenchOutcome> {
  const base = join(context.scratch, 'warm-cache')
  const root = join(base, 'root')
  const work = join(base, 'work')
  const coldCache = join(base, 'cold-blobs')
  const warmCache = join(base, 'warm-blobs')
  await freshDirs(base)
  const target = await registryWithDebian(context.log)
  let bytes = 0
  let blobs = 0
  try {
    await freshDirs(root, work, warmCache)
    await pullAndExtract(target, {root, work, cacheDir: warmCache})
    const clean = (): Promise<void> => removeDirs(root, work, coldCache)
    const samples = await alternate(
      [
        {
          label: 'warm blob cache',
          before: () => freshDirs(root, work),
          run: async () => {
            const pulled = await pullAndExtract(target, {root, work, cacheDir: warmCache})
            if (pulled.downloaded !== 0)
              throw new Error(
                `Expected a warm rescan to download nothing, it downloaded ${pulled.downloaded} of ${pulled.wanted} blobs`
              )
          },
          after: clean
        },
        {
          label: 'cold pull',
          before: () => freshDirs(root, work, coldCache),
          run: async () => {
            const pulled = await pullAndExtract(target, {root, work, cacheDir: coldCache})
            if (pulled.downloaded !== pulled.wanted)
              throw new Error(
                `Expected a cold pull to download every blob, it downloaded ${pulled.downloaded} of ${pulled.wanted}`
              )
            bytes = pulled.bytes
            blobs = pulled.wanted
          },
          after: clean
        }
      ],
      context.repeat,
      context.log
    )
    const call = (cache: string): string =>
      `openImage(parseImageReference('127.0.0.1:PORT/scapgate/debian11-app:bench'), {registry: {caFile, credentials, cacheDir: ${cache}}}) + applyLayers() in-process`
    return {
      status: 'measured',
      comparisons: [
        {
          title: 'Debian 11 image from a local registry, pull + extraction',
          metric: 'speed-up',
          subject: {
            label: 'warm blob cache',
            command: call('FILLED'),
            seconds: samples.get('warm blob cache') ?? []
          },
          baselines: [
            {
              label: 'cold pull',
              command: call('EMPTY'),
              seconds: samples.get('cold pull') ?? []
            }
          ],
          notes: [
            `${blobs} blobs (config + layers), ${(bytes / 1024 ** 2).toFixed(0)} MiB uncompressed; every warm run downloaded 0 blobs, every cold run all of them (checked).`,
            'Both runs extract into a fresh root: the blob cache saves the download, not the extraction, which dominates on a local registry.'
          ]
        }
      ]
    }
  } finally {
    await target.registry.stop()
    await removeDirs(base)
  }
}

export const warmCacheRescan: Benchmark = {
  id: 'warm-cache-rescan',
  title: 'Warm blob cache rescan from a registry',
  issue: 3,
  goal: 'a rescan with the blobs already in `--cache-dir`, reported against the cold pull.',
  run: measure
}
