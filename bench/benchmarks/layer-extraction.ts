import {mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {openImage} from '../../packages/core/src/image/open-image.js'
import {parseImageReference} from '../../packages/core/src/image/reference.js'
import type {ResolvedImage} from '../../packages/core/src/image/types.js'
import {applyLayers} from '../../packages/core/src/layers/apply-layers.js'
import {debianImage, ociLayerBlobs} from '../support/debian.js'
import {run} from '../support/run.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome, Comparison} from '../types.js'

interface Case {
  title: string
  /** The IMAGE argument scapgate opens. */
  image: string
  /** The same layers as files, base first, for GNU tar. */
  tarFiles: string[]
  tarFlags: string
}

/**
 * scapgate's time covers `openImage` + `applyLayers`: wherever the blob verification happens
 * (intake or apply), it is part of getting a root, and GNU tar verifies nothing.
 */
async function compare(context: BenchContext, c: Case): Promise<Comparison> {
  const root = join(context.scratch, 'extract-root')
  const work = join(context.scratch, 'extract-work')
  const fresh = async (): Promise<void> => {
    await run('rm', ['-rf', '--one-file-system', '--', root, work])
    await mkdir(root, {mode: 0o700})
    await mkdir(work, {mode: 0o700})
  }
  const clean = (): Promise<void> =>
    run('rm', ['-rf', '--one-file-system', '--', root, work]).then(() => undefined)
  let bytes = 0
  const samples = await alternate(
    [
      {
        label: 'scapgate',
        before: fresh,
        run: async () => {
          let image: ResolvedImage | undefined
          try {
            image = await openImage(parseImageReference(c.image), {workDir: work})
            const result = await applyLayers({root, layers: image.layers})
            bytes = result.bytes
          } finally {
            await image?.close()
          }
        },
        after: clean
      },
      {
        label: 'GNU tar',
        before: fresh,
        run: async () => {
          for (const file of c.tarFiles) {
            await run('tar', [c.tarFlags, file, '-C', root, '--numeric-owner'])
          }
        },
        after: clean
      }
    ],
    context.repeat,
    context.log
  )
  return {
    title: c.title,
    metric: 'throughput',
    target: 0.8,
    subject: {
      label: 'scapgate',
      command: `openImage('${c.image.replace(/:.*\//, ':…/')}') + applyLayers() in-process (verifies sizes, digests and diff_ids)`,
      seconds: samples.get('scapgate') ?? [],
      bytes
    },
    baselines: [
      {
        label: 'GNU tar',
        command: `tar ${c.tarFlags} LAYER -C ROOT --numeric-owner, once per layer in order (no verification, no whiteout handling)`,
        seconds: samples.get('GNU tar') ?? [],
        bytes
      }
    ],
    notes: [
      `${c.tarFiles.length} layers, ${(bytes / 1024 ** 2).toFixed(0)} MiB uncompressed; throughput is uncompressed bytes per second. Neither side fsyncs; the root is removed outside the timing.`
    ]
  }
}

async function measure(context: BenchContext): Promise<BenchOutcome> {
  const image = await debianImage(context.log)
  // The docker archive's layer tars as separate files for tar (scapgate reads them in place).
  const layersDir = join(context.scratch, 'docker-layers')
  await mkdir(layersDir, {recursive: true})
  await run('tar', ['-xf', image.dockerArchive, '-C', layersDir])
  const manifest = JSON.parse(await readFile(join(layersDir, 'manifest.json'), 'utf8')) as {
    Layers?: string[]
  }[]
  const layerPaths = manifest[0]?.Layers ?? []
  if (layerPaths.length === 0)
    throw new Error(`Expected layers in ${image.dockerArchive}, found none`)
  const tarFiles = layerPaths.map(path => join(layersDir, path))
  const comparisons = [
    await compare(context, {
      title: 'Uncompressed layers (docker-archive)',
      image: `docker-archive:${image.dockerArchive}`,
      tarFiles,
      tarFlags: '-xpf'
    }),
    await compare(context, {
      title: 'gzip layers (OCI layout)',
      image: `oci:${image.ociDir}:${image.ociTag}`,
      tarFiles: await ociLayerBlobs(image),
      tarFlags: '-xpzf'
    })
  ]
  return {status: 'measured', comparisons}
}

export const layerExtraction: Benchmark = {
  id: 'extract',
  title: 'Layer extraction vs GNU tar',
  issue: 2,
  goal: 'at least 0.8× the throughput of GNU `tar -x` on the same layers.',
  run: measure
}
