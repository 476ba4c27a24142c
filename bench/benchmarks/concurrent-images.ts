import {existsSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import {cpus} from 'node:os'
import {join} from 'node:path'
import {debianContent, debianImage, requireFile} from '../support/debian.js'
import {freshDirs, removeDirs} from '../support/local-registry.js'
import {run} from '../support/run.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

/**
 * One `scapgate scan IMG1 IMG2 --no-cache` with `--concurrency 2` against `--concurrency 1`
 * (the same process scanning one image after the other). The two images are the Debian image as
 * a docker archive (uncompressed layers) and as an OCI archive (gzip layers): distinct sources of
 * the same size, so neither scan hides behind a much shorter one.
 */
async function measure(context: BenchContext): Promise<BenchOutcome> {
  const image = await debianImage(context.log)
  const cli = join(context.root, 'dist/cli/index.js')
  requireFile(cli, 'the bundled CLI (node scripts/build.mjs)')
  requireFile(debianContent, 'the SSG Debian 11 data stream')
  const out = join(context.scratch, 'concurrent-out')
  const images = [`docker-archive:${image.dockerArchive}`, `oci-archive:${image.ociArchive}`]
  const scan = async (concurrency: number): Promise<void> => {
    await run(
      process.execPath,
      [cli, 'scan', ...images, '--concurrency', String(concurrency), '--no-cache', '--out', out],
      {okCodes: [0, 1]}
    )
    const entries = await readdir(out, {withFileTypes: true})
    const scanned = entries.filter(
      entry => entry.isDirectory() && existsSync(join(out, entry.name, 'results.json'))
    )
    if (scanned.length !== images.length)
      throw new Error(
        `Expected results.json for ${images.length} images in ${out}, found ${scanned.length}`
      )
  }
  const samples = await alternate(
    [
      {
        label: '--concurrency 2',
        before: () => freshDirs(out),
        run: () => scan(2),
        after: () => removeDirs(out)
      },
      {
        label: '--concurrency 1',
        before: () => freshDirs(out),
        run: () => scan(1),
        after: () => removeDirs(out)
      }
    ],
    context.repeat,
    context.log
  )
  const command = (n: number): string =>
    `node dist/cli/index.js scan docker-archive:…/docker-archive.tar oci-archive:…/oci-archive.tar --concurrency ${n} --no-cache --out OUT`
  return {
    status: 'measured',
    comparisons: [
      {
        title: `Two scans of the Debian 11 image (docker archive + OCI archive) on ${cpus().length} cores`,
        metric: 'speed-up',
        target: 1.6,
        subject: {
          label: '--concurrency 2',
          command: command(2),
          seconds: samples.get('--concurrency 2') ?? []
        },
        baselines: [
          {
            label: '--concurrency 1',
            command: command(1),
            seconds: samples.get('--concurrency 1') ?? []
          }
        ],
        notes: [
          'One process each time; with `--concurrency 1` the second image starts when the first is done. Both exit 1 (the gate fails on this image), which counts as completed scans.'
        ]
      }
    ]
  }
}

export const concurrentImages: Benchmark = {
  id: 'concurrent-images',
  title: 'Two images at once vs one after the other',
  issue: 5,
  goal: 'scanning two images concurrently on 2 cores is at least 1.6× faster than scanning them one after the other.',
  run: measure
}
