import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import {
  CancelledError,
  EnvironmentError,
  InvalidImageError,
  LimitExceededError,
  sanitizeForDisplay
} from '../errors.js'
import type {VerifiedLayer} from '../image/types.js'
import {ByteReader} from './byte-reader.js'
import {decompressedChunks} from './decompress.js'
import {PendingDirectories} from './dir-metadata.js'
import {limitError, resolveLimits} from './limits.js'
import {TarReader} from './tar-stream-reader.js'
import {LayerFacts} from './layer-record.js'
import type {ApplyOptions, ApplyResult, LayerChanges} from './types.js'
import {LayerWriter, type ImageState} from './write-entry.js'

const diffIdPattern = /^sha256:[a-f0-9]{64}$/

interface Counters {
  entries: number
  bytes: number
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError('layer extraction cancelled')
}

/** Owner fidelity is the data for compliance rules (file_owner_etc_shadow, SUID audits). */
function requireRoot(): void {
  const uid = process.getuid?.()
  if (uid !== undefined && uid !== 0) {
    throw new EnvironmentError(
      `Applying image layers needs root (uid 0), but this process runs as uid ${uid}: without chown the ` +
        "root filesystem would carry the runner's uid instead of the image owners, and owner-based " +
        'compliance rules would be wrong. Run as root inside a user namespace (e.g. `podman unshare`).'
    )
  }
}

function prepareRoot(root: string): Buffer {
  const real = fs.realpathSync(root)
  const stat = fs.lstatSync(real)
  if (!stat.isDirectory()) throw new TypeError(`Expected the layer root ${root} to be a directory`)
  if (fs.readdirSync(real).length > 0)
    throw new TypeError(`Expected the layer root ${root} to be empty`)
  return Buffer.from(real, 'utf8')
}

/** See ImageState.creator: certain only when the root itself is not setgid. */
function newInodeOwner(root: Buffer): {uid: number; gid: number} | undefined {
  const uid = process.geteuid?.()
  const gid = process.getegid?.()
  if (uid === undefined || gid === undefined) return undefined
  return (fs.statSync(root).mode & 0o2000) === 0 ? {uid, gid} : undefined
}

function isTyped(error: unknown): boolean {
  return (
    error instanceof InvalidImageError ||
    error instanceof LimitExceededError ||
    error instanceof CancelledError
  )
}

async function applyLayer(
  layer: VerifiedLayer,
  image: ImageState,
  counters: Counters,
  options: ApplyOptions,
  facts: LayerFacts
): Promise<LayerChanges> {
  if (!diffIdPattern.test(layer.diffId)) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: expected a diff_id matching sha256:<64 hex>, got \`${sanitizeForDisplay(layer.diffId)}\``,
      layer.digest
    )
  }
  const {limits} = image
  const hash = createHash('sha256')
  let layerBytes = 0
  const chunks = decompressedChunks(layer)
  const bytes = new ByteReader(chunks, chunk => {
    hash.update(chunk)
    layerBytes += chunk.length
    counters.bytes += chunk.length
    if (layerBytes > limits.maxLayerBytes) {
      throw limitError(
        'maxLayerBytes',
        limits.maxLayerBytes,
        layer.digest,
        'the uncompressed layer'
      )
    }
    if (counters.bytes > limits.maxImageBytes) {
      throw limitError(
        'maxImageBytes',
        limits.maxImageBytes,
        layer.digest,
        'the uncompressed image'
      )
    }
    throwIfAborted(options.signal)
    options.onProgress?.(layer.index, layerBytes)
  })
  const tar = new TarReader(bytes, layer.digest, limits.maxHeaderBytes)
  const writer = new LayerWriter(image, layer.digest, facts)
  try {
    for (;;) {
      throwIfAborted(options.signal)
      const header = await tar.next()
      if (header === undefined) break
      if (++counters.entries > limits.maxEntries) {
        throw limitError(
          'maxEntries',
          limits.maxEntries,
          layer.digest,
          'the number of tar entries in the image'
        )
      }
      try {
        await writer.apply(header, tar)
      } catch (error) {
        if (isTyped(error)) throw error
        const entry = sanitizeForDisplay(header.name)
        throw new Error(`Layer ${layer.digest} entry "${entry}": ${(error as Error).message}`, {
          cause: error
        })
      }
    }
  } finally {
    await chunks.return(undefined)
  }
  const actual = `sha256:${hash.digest('hex')}`
  if (actual !== layer.diffId) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: the uncompressed layer has digest ${actual}, but the image config says ${layer.diffId}`,
      layer.digest
    )
  }
  facts.removed = writer.removed
  return {
    index: layer.index,
    digest: layer.digest,
    diffId: layer.diffId,
    written: writer.written,
    removed: writer.removed
  }
}

/**
 * Applies verified layers, in order, to `options.root` (an existing, empty, private directory)
 * following docs/reference/security.md 1.4: a strict tar parser, in-root path resolution, whiteouts, owners and
 * modes exactly as the tar says, no devices or FIFOs (recorded in `nonMaterialised`), and each
 * layer's diff_id verified over the whole decompressed stream (drained to the real end).
 *
 * Does not: delete the root on failure (the caller does; nothing is ever written outside it),
 * apply xattrs (`security.capability`, SELinux labels and the rest are ignored), mknod, follow
 * any symlink out of the root, or protect against other processes writing into the root
 * concurrently (the root must be private). Needs uid 0; otherwise throws EnvironmentError.
 */
export async function applyLayers(options: ApplyOptions): Promise<ApplyResult> {
  requireRoot()
  const limits = resolveLimits(options.limits)
  throwIfAborted(options.signal)
  const root = prepareRoot(options.root)
  const creator = newInodeOwner(root)
  const image: ImageState = {
    root,
    limits,
    directories: new PendingDirectories(),
    nonMaterialised: [],
    ...(creator === undefined ? {} : {creator})
  }
  const counters: Counters = {entries: 0, bytes: 0}
  const layers: LayerChanges[] = []
  const facts: LayerFacts[] = []
  for (const layer of options.layers) {
    throwIfAborted(options.signal)
    const recorded = new LayerFacts(layer.index)
    layers.push(await applyLayer(layer, image, counters, options, recorded))
    facts.push(recorded)
  }
  image.directories.apply(image.root)
  return {
    layers,
    facts: {layers: facts},
    nonMaterialised: image.nonMaterialised,
    entries: counters.entries,
    bytes: counters.bytes
  }
}
