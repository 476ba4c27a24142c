import {mkdir} from 'node:fs/promises'
import {openImage} from '../../packages/core/src/image/open-image.js'
import {parseImageReference} from '../../packages/core/src/image/reference.js'
import type {RegistryOptions, ResolvedImage} from '../../packages/core/src/image/types.js'
import {applyLayers} from '../../packages/core/src/layers/apply-layers.js'
import {startRegistry, type TestRegistry} from '../../test/support/registry.js'
import {debianImage} from './debian.js'
import {run} from './run.js'

export interface RegistryImage {
  registry: TestRegistry
  /** `127.0.0.1:PORT/scapgate/debian11-app:bench`. */
  reference: string
}

/**
 * The local TLS + htpasswd registry of the source tests holding the Debian image, pushed from
 * its OCI layout (gzip layers, as a registry serves them). `registry.stop()` removes it.
 */
export async function registryWithDebian(log: (line: string) => void): Promise<RegistryImage> {
  const image = await debianImage(log)
  const registry = await startRegistry()
  try {
    registry.push(`oci:${image.ociDir}:${image.ociTag}`, 'scapgate/debian11-app:bench')
  } catch (error) {
    await registry.stop()
    throw error
  }
  return {registry, reference: `${registry.host}/scapgate/debian11-app:bench`}
}

/** The registry settings `sourceSettings` would build from `--ca-file`, credentials and `--cache-dir`. */
export function registryOptions(target: RegistryImage, cacheDir?: string): RegistryOptions {
  const {registry} = target
  return {
    caFile: registry.certs.caFile,
    credentials: {username: registry.username, password: registry.password},
    helperEnv: {PATH: process.env.PATH ?? '/usr/bin:/bin'},
    ...(cacheDir === undefined ? {} : {cacheDir})
  }
}

export interface PullResult {
  /** Uncompressed bytes applied. */
  bytes: number
  /** Blobs fetched from the registry (the rest came from the blob cache). */
  downloaded: number
  wanted: number
}

/** scapgate's pull: `openImage` from the registry, then `applyLayers` into `root`. */
export async function pullAndExtract(
  target: RegistryImage,
  paths: {root: string; work: string; cacheDir?: string}
): Promise<PullResult> {
  let image: ResolvedImage | undefined
  let counts: RegExpExecArray | null = null
  try {
    image = await openImage(parseImageReference(target.reference), {
      workDir: paths.work,
      registry: registryOptions(target, paths.cacheDir),
      log: line => (counts = /(\d+) of (\d+) blobs downloaded/.exec(line) ?? counts)
    })
    const {bytes} = await applyLayers({root: paths.root, layers: image.layers})
    const found = counts as RegExpExecArray | null
    if (found === null) throw new Error('Expected the pull to log how many blobs it downloaded')
    return {bytes, downloaded: Number(found[1]), wanted: Number(found[2])}
  } finally {
    await image?.close()
  }
}

/** Removes and recreates `dirs` (mode 0700); outside the timing. */
export async function freshDirs(...dirs: string[]): Promise<void> {
  await removeDirs(...dirs)
  for (const dir of dirs) await mkdir(dir, {mode: 0o700})
}

export async function removeDirs(...dirs: string[]): Promise<void> {
  await run('rm', ['-rf', '--one-file-system', '--', ...dirs])
}
