import {join} from 'node:path'
import {debianContent, debianImage, requireFile} from '../support/debian.js'
import {freshDirs, removeDirs} from '../support/local-registry.js'
import {run} from '../support/run.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

const reused = 'reusing the cached scan'

/**
 * `scapgate scan` of the Debian image with `--cache-dir`: cold (a fresh, empty cache directory
 * each run) against warm (a cache directory filled by one scan before timing), each into a fresh
 * `--out`. The warm run still opens and verifies the image (every layer digest) and renders every
 * output again; it skips extraction and oscap. Each run checks that the cache was (not) used.
 */
async function measure(context: BenchContext): Promise<BenchOutcome> {
  const image = await debianImage(context.log)
  const cli = join(context.root, 'dist/cli/index.js')
  requireFile(cli, 'the bundled CLI (node scripts/build.mjs)')
  requireFile(debianContent, 'the SSG Debian 11 data stream')
  const base = join(context.scratch, 'cached-rescan')
  const out = join(base, 'out')
  const coldCache = join(base, 'cold-cache')
  const warmCache = join(base, 'warm-cache')
  await freshDirs(base)
  const scan = async (cacheDir: string, expectReuse: boolean): Promise<void> => {
    const {stderr} = await run(
      process.execPath,
      [cli, 'scan', `docker-archive:${image.dockerArchive}`, '--cache-dir', cacheDir, '--out', out],
      {okCodes: [0, 1]}
    )
    if (stderr.includes(reused) !== expectReuse)
      throw new Error(
        `Expected the scan with --cache-dir ${cacheDir} ${expectReuse ? 'to reuse' : 'not to reuse'} the cached scan:\n${stderr.slice(-1000)}`
      )
  }
  try {
    await freshDirs(warmCache)
    await scan(warmCache, false)
    const samples = await alternate(
      [
        {
          label: 'warm cache',
          before: () => freshDirs(out),
          run: () => scan(warmCache, true),
          after: () => removeDirs(out)
        },
        {
          label: 'cold scan',
          before: () => freshDirs(out, coldCache),
          run: () => scan(coldCache, false),
          after: () => removeDirs(out, coldCache)
        }
      ],
      context.repeat,
      context.log
    )
    const command = (cache: string): string =>
      `node dist/cli/index.js scan docker-archive:${image.dockerArchive} --cache-dir ${cache} --out OUT (fresh OUT each run)`
    return {
      status: 'measured',
      comparisons: [
        {
          title: 'Scan of the Debian 11 image (wall time, end to end)',
          metric: 'share',
          target: 0.05,
          subject: {
            label: 'warm cache',
            command: command('FILLED'),
            seconds: samples.get('warm cache') ?? []
          },
          baselines: [
            {
              label: 'cold scan',
              command: command('EMPTY'),
              seconds: samples.get('cold scan') ?? []
            }
          ],
          notes: [
            `Every warm run logged "${reused}", no cold run did (checked).`,
            'The warm run still reads and verifies the archive (every layer digest) and writes every output again (report.html, results.json, SARIF, JUnit, Code Quality, summary.md); it skips extraction and oscap.'
          ]
        }
      ]
    }
  } finally {
    await removeDirs(base)
  }
}

export const cachedRescan: Benchmark = {
  id: 'cached-rescan',
  title: 'Cached rescan vs cold scan',
  issue: 5,
  goal: 'a rescan served from the result cache takes at most 5% of the cold scan’s time.',
  run: measure
}
