import {join} from 'node:path'
import {
  freshDirs,
  pullAndExtract,
  registryWithDebian,
  removeDirs,
  type RegistryImage
} from '../support/local-registry.js'
import {run} from '../support/run.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

/** `skopeo copy` from the registry into an OCI layout, with the registry's CA and credentials. */
function skopeoCopy(target: RegistryImage, layout: string): Promise<unknown> {
  const {registry} = target
  return run('skopeo', [
    'copy',
    '--quiet',
    '--src-cert-dir',
    registry.certs.certDir,
    '--src-creds',
    `${registry.username}:${registry.password}`,
    `docker://${target.reference}`,
    `oci:${layout}:bench`
  ])
}

/**
 * Pull + extraction of the Debian image from a local TLS registry with htpasswd auth, from
 * nothing each run: scapgate with an empty blob cache against skopeo copy into an empty OCI
 * layout + umoci unpack (a bundle: rootfs, config.json and the mtree manifest umoci keeps for
 * `repack`) and + `umoci raw unpack` (the rootfs only, the closer match to scapgate's output).
 */
async function measure(context: BenchContext): Promise<BenchOutcome> {
  const base = join(context.scratch, 'registry-pull')
  const root = join(base, 'root')
  const work = join(base, 'work')
  const cache = join(base, 'blobs')
  const layout = join(base, 'layout')
  const bundle = join(base, 'bundle')
  await freshDirs(base)
  const target = await registryWithDebian(context.log)
  let bytes = 0
  try {
    const clean = async (): Promise<void> => removeDirs(root, work, cache, layout, bundle)
    const samples = await alternate(
      [
        {
          label: 'scapgate',
          before: () => freshDirs(root, work, cache),
          run: async () => {
            const pulled = await pullAndExtract(target, {root, work, cacheDir: cache})
            if (pulled.downloaded !== pulled.wanted)
              throw new Error(
                `Expected a cold pull to download every blob, it downloaded ${pulled.downloaded} of ${pulled.wanted}`
              )
            bytes = pulled.bytes
          },
          after: clean
        },
        {
          label: 'skopeo copy + umoci unpack',
          before: clean,
          run: async () => {
            await skopeoCopy(target, layout)
            await run('umoci', ['unpack', '--image', `${layout}:bench`, bundle])
          },
          after: clean
        },
        {
          label: 'skopeo copy + umoci raw unpack',
          before: clean,
          run: async () => {
            await skopeoCopy(target, layout)
            await run('umoci', ['raw', 'unpack', '--image', `${layout}:bench`, bundle])
          },
          after: clean
        }
      ],
      context.repeat,
      context.log
    )
    const series = (
      label: string,
      command: string
    ): {label: string; command: string; seconds: number[]; bytes: number} => ({
      label,
      command,
      seconds: samples.get(label) ?? [],
      bytes
    })
    const skopeo = `skopeo copy --src-cert-dir CERTS --src-creds USER:PASS docker://${target.reference.replace(/^[^/]+/, '127.0.0.1:PORT')} oci:LAYOUT:bench`
    return {
      status: 'measured',
      comparisons: [
        {
          title: 'Debian 11 image from a local registry (TLS, htpasswd), empty cache each run',
          metric: 'speed-up',
          target: 1,
          subject: series(
            'scapgate',
            "openImage(parseImageReference('127.0.0.1:PORT/scapgate/debian11-app:bench'), {registry: {caFile, credentials, cacheDir: EMPTY}}) + applyLayers() in-process"
          ),
          baselines: [
            series(
              'skopeo copy + umoci unpack',
              `${skopeo} && umoci unpack --image LAYOUT:bench BUNDLE`
            ),
            series(
              'skopeo copy + umoci raw unpack',
              `${skopeo} && umoci raw unpack --image LAYOUT:bench ROOTFS`
            )
          ],
          goalAgainst: ['skopeo copy + umoci unpack'],
          notes: [
            `${(bytes / 1024 ** 2).toFixed(0)} MiB uncompressed in 6 gzip layers; the registry is Debian's docker-registry on 127.0.0.1, pushed once from the image's OCI layout before timing.`,
            'Every tool verifies the blob digests. `umoci unpack` also writes an mtree manifest of the rootfs (for `umoci repack`); `umoci raw unpack` does not, and is shown for that reason, outside the goal.',
            'Every output directory (root, work, blob cache, OCI layout, bundle) is removed outside the timing.'
          ]
        }
      ]
    }
  } finally {
    await target.registry.stop()
    await removeDirs(base)
  }
}

export const registryPull: Benchmark = {
  id: 'registry-pull',
  title: 'Registry pull + extraction vs skopeo copy + umoci unpack',
  issue: 3,
  goal: 'pull plus extraction of a ~200 MB image from a local registry at least 1.0× the speed of `skopeo copy` + `umoci unpack` (or `podman pull` + `podman image mount`).',
  run: measure
}
