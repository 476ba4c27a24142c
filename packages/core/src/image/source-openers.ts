/**
 * The readers behind the image sources (`image-sources.ts`): archives, OCI layouts, the Docker
 * daemon and podman's store. Each yields verified parts; `openImage` does the rest.
 */
import {randomBytes} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import {open, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {byteLimit} from './byte-limit.js'
import {pipeline} from 'node:stream/promises'
import {createGunzip} from 'node:zlib'
import {InvalidImageError, LimitExceededError, getErrorMessage} from '../errors.js'
import type {BlobSource} from './blob-source.js'
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
import {TarIndex} from './tar-index.js'
import type {ImageReference, OpenImageOptions, Platform} from './types.js'

/** What a source yields: the verified image parts and the names the image goes by. */
export type OpenedParts = ImageParts & {names: string[]}

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

export async function openArchive(
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
export async function openDockerDaemon(
  ref: ImageReference,
  options: OpenImageOptions,
  created: string[]
): Promise<OpenedParts> {
  const label = ref.raw
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

/** `podman:NAME`: podman's store saves the image as an OCI archive (see {@link openDockerDaemon}). */
export async function openPodmanStore(
  ref: ImageReference,
  options: OpenImageOptions,
  created: string[]
): Promise<OpenedParts> {
  const label = ref.raw
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

export async function loadLayout(
  source: BlobSource,
  ref: string | undefined,
  platform: Platform | undefined,
  signal?: AbortSignal
): Promise<OpenedParts> {
  const index = await readLayoutIndex(source)
  const entries = selectByRef(index, ref, source.label)
  const descriptor = selectPlatform(await collectManifests(source, entries), platform, source.label)
  const manifest = await readManifest(source, descriptor)
  const parts = await loadManifestImage(source, manifest, descriptor.digest, signal)
  return {...parts, names: [...new Set(entries.flatMap(namesOf))]}
}
