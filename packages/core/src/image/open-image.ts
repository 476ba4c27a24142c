import {randomBytes} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import {mkdir, open, rm, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {byteLimit} from './byte-limit.js'
import {pipeline} from 'node:stream/promises'
import {createGunzip} from 'node:zlib'
import {InvalidImageError, LimitExceededError, getErrorMessage} from '../errors.js'
import {DirectorySource, type BlobSource} from './blob-source.js'
import {exportFromDaemon} from './daemon/docker-daemon.js'
import {saveFromPodman} from './daemon/podman-store.js'
import {loadDockerArchive} from './docker-archive.js'
import type {ImageParts} from './manifest-image.js'
import {loadManifestImage} from './manifest-image.js'
import {
  collectManifests,
  namesOf,
  readLayoutIndex,
  readManifest,
  selectByRef,
  selectPlatform
} from './oci-layout.js'
import {formatPlatform, platformMatches} from './platform.js'
import {pullRegistryImage} from './registry/pull-image.js'
import {TarIndex} from './tar-index.js'
import type {ImageReference, OpenImageOptions, Platform, ResolvedImage} from './types.js'

/** Decompressed size cap for a gzip-compressed outer archive (gzip bomb guard). */
export const maxDecompressedArchiveBytes = 64 * 1024 ** 3

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(2)
    const {bytesRead} = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b
  } finally {
    await handle.close()
  }
}

/** Decompresses a gzip'd archive into `workDir`; the file is registered for `close()` first. */
async function gunzipArchive(
  file: string,
  options: OpenImageOptions,
  label: string,
  created: string[]
): Promise<string> {
  const target = join(options.workDir, `intake-${randomBytes(8).toString('hex')}.tar`)
  created.push(target)
  try {
    await pipeline(
      createReadStream(file),
      createGunzip(),
      byteLimit(maxDecompressedArchiveBytes, label, 'decompressed archive'),
      createWriteStream(target, {flags: 'wx', mode: 0o600}),
      {signal: options.signal}
    )
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error
    throw new InvalidImageError(
      `${label}: cannot decompress the gzip archive: ${getErrorMessage(error)}`,
      label,
      {cause: error}
    )
  }
  return target
}

async function openArchive(
  ref: ImageReference,
  options: OpenImageOptions,
  created: string[],
  path = ref.path
): Promise<TarIndex> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InvalidImageError(
      `${ref.raw}: cannot read the archive: ${getErrorMessage(error)}`,
      path,
      {cause: error}
    )
  })
  if (!info.isFile())
    throw new InvalidImageError(`${ref.raw}: \`${path}\` is not a regular file`, path)
  const file = (await isGzip(path)) ? await gunzipArchive(path, options, ref.raw, created) : path
  return TarIndex.read(file, ref.raw)
}

/** A new private file name in the work directory, registered for removal first. */
function stagedFile(options: OpenImageOptions, created: string[], suffix: string): string {
  const file = join(options.workDir, `intake-${randomBytes(8).toString('hex')}${suffix}`)
  created.push(file)
  return file
}

/**
 * `docker-daemon:` and `podman:` become archives in the work directory (the daemon's export is a
 * docker-archive, podman's save an OCI archive) read by the same verifying code as user archives.
 * The archive holds the one image asked for, so no REF selects inside it.
 */
async function loadFromDaemon(
  ref: ImageReference,
  options: OpenImageOptions,
  created: string[]
): Promise<ImageParts & {names: string[]}> {
  const label = ref.raw
  if (ref.transport === 'docker-daemon') {
    const file = stagedFile(options, created, '.docker.tar')
    options.log?.(`${label}: exporting from the Docker API socket`)
    await exportFromDaemon(ref.path, file, {
      dockerHost: options.daemon?.dockerHost,
      signal: options.signal,
      label
    })
    const parts = await loadDockerArchive(
      await openArchive(ref, options, created, file),
      undefined,
      options.signal
    )
    return {...parts, names: parts.names.length > 0 ? parts.names : [ref.path]}
  }
  const file = stagedFile(options, created, '.oci.tar')
  options.log?.(`${label}: saving from podman's store`)
  await saveFromPodman(ref.path, file, {
    podmanPath: options.daemon?.podmanPath,
    env: options.daemon?.podmanEnv,
    signal: options.signal,
    label
  })
  const parts = await loadLayout(
    await openArchive(ref, options, created, file),
    undefined,
    options.platform,
    options.signal
  )
  return {...parts, names: [ref.path]}
}

async function loadLayout(
  source: BlobSource,
  ref: string | undefined,
  platform: Platform | undefined,
  signal?: AbortSignal
): Promise<ImageParts & {names: string[]}> {
  const index = await readLayoutIndex(source)
  const entries = selectByRef(index, ref, source.label)
  const descriptor = selectPlatform(await collectManifests(source, entries), platform, source.label)
  const manifest = await readManifest(source, descriptor)
  const parts = await loadManifestImage(source, manifest, descriptor.digest, signal)
  return {...parts, names: [...new Set(entries.flatMap(namesOf))]}
}

/**
 * Resolves `ref` into an image whose documents (index, manifest, config) are size-capped and
 * digest-checked, and whose layer blobs are checked for size and compression here. Each layer's
 * sha256 is checked while it is read: `VerifiedLayer.open()` errors at the end of a blob that does
 * not match, and the applier checks the diff_ids, so a root built from a tampered blob is never
 * scanned (one read of each layer instead of two). Archives are indexed in place;
 * only a gzip-compressed archive is copied (decompressed) into `workDir`.
 *
 * The platform: when the source holds several images for different platforms, `options.platform`
 * (default linux/amd64) selects one; when it holds exactly one, that image is used unless an
 * explicit `options.platform` contradicts its config.
 *
 * `registry`, `docker-daemon` and `podman` references are fetched first (see `pullRegistryImage`,
 * `exportFromDaemon`, `saveFromPodman`) into `workDir` (or the blob cache) and then read by the
 * same verifying code.
 *
 * It does not extract layers or read outside the archive/layout/work directory.
 * @throws InvalidImageError (or LimitExceededError) naming the reference and the blob at fault;
 *   anything created in `workDir` is removed before it throws.
 */
export async function openImage(
  ref: ImageReference,
  options: OpenImageOptions
): Promise<ResolvedImage> {
  const created: string[] = []
  const close = async (): Promise<void> => {
    for (const file of created.splice(0)) await rm(file, {force: true, recursive: true})
  }
  try {
    options.signal?.throwIfAborted()
    await mkdir(options.workDir, {recursive: true, mode: 0o700})
    let parts: ImageParts & {names: string[]}
    if (ref.transport === 'registry') {
      parts = await pullRegistryImage(ref, options, dir => created.push(dir))
    } else if (ref.transport === 'docker-daemon' || ref.transport === 'podman') {
      parts = await loadFromDaemon(ref, options, created)
    } else if (ref.transport === 'oci') {
      parts = await loadLayout(
        await DirectorySource.open(ref.path, ref.raw),
        ref.ref,
        options.platform,
        options.signal
      )
    } else {
      const archive = await openArchive(ref, options, created)
      parts =
        ref.transport === 'docker-archive'
          ? await loadDockerArchive(archive, ref.ref, options.signal)
          : await loadLayout(archive, ref.ref, options.platform, options.signal)
    }
    const {config} = parts
    const platform: Platform = config.variant
      ? {os: config.os, architecture: config.architecture, variant: config.variant}
      : {os: config.os, architecture: config.architecture}
    if (options.platform && !platformMatches(options.platform, platform)) {
      throw new InvalidImageError(
        `${ref.raw} is for platform ${formatPlatform(platform)}, not the requested ${formatPlatform(options.platform)}`,
        'platform'
      )
    }
    const image: ResolvedImage = {
      reference: ref,
      configDigest: parts.configDigest,
      config,
      platform,
      names: parts.names,
      layers: parts.layers,
      close
    }
    if (parts.manifestDigest) image.manifestDigest = parts.manifestDigest
    return image
  } catch (error) {
    await close()
    throw error
  }
}
