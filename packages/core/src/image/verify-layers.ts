import {createHash} from 'node:crypto'
import {open} from 'node:fs/promises'
import {Transform, pipeline, type Readable, type TransformCallback} from 'node:stream'
import {InvalidImageError} from '../errors.js'
import {openLocation, type BlobLocation} from './blob-source.js'
import {shortDigest} from './digest.js'
import {layerMediaTypes, mediaTypes} from './media-types.js'
import {detectCompression, hashLocation} from './verify.js'
import type {LayerCompression, VerifiedLayer} from './types.js'
/** A layer to verify: either described by a descriptor (OCI, Docker ≥ 25) or bare (legacy docker-archive). */
export interface LayerPlan {
  location: BlobLocation
  diffId: string
  /** From the manifest's descriptor; absent for a legacy docker-archive layer. */
  descriptor?: {digest: string; size: number; mediaType: string}
  /** A digest the member's name claims (`blobs/sha256/<hex>`), checked when there is no descriptor. */
  namedDigest?: string
}

/** Compression from the blob's first bytes (one small read). */
async function sniffCompression(location: BlobLocation): Promise<LayerCompression> {
  if (location.size === 0) return 'none'
  const handle = await open(location.file, 'r')
  try {
    const head = Buffer.alloc(Math.min(4, location.size))
    const {bytesRead} = await handle.read(head, 0, head.length, location.start)
    return detectCompression(head.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

/**
 * A stream of exactly the location's bytes that hashes them on the way and, at the end, fails
 * with an InvalidImageError unless they are `expected.size` bytes with digest `expected.digest`.
 * The error arrives before the end of the stream, so a consumer never sees a clean end of
 * unverified bytes.
 */
function verifyingStream(
  location: BlobLocation,
  expected: {digest: string; size: number},
  what: string
): Readable {
  const hash = createHash('sha256')
  let size = 0
  const check = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      hash.update(chunk)
      size += chunk.length
      callback(null, chunk)
    },
    flush(callback: TransformCallback) {
      if (size !== expected.size) {
        return callback(
          new InvalidImageError(
            `${what}: expected ${expected.size} bytes, found ${size}`,
            expected.digest
          )
        )
      }
      const found = `sha256:${hash.digest('hex')}`
      if (found !== expected.digest) {
        return callback(
          new InvalidImageError(
            `${what}: expected ${expected.digest}, found ${found}`,
            expected.digest
          )
        )
      }
      callback()
    }
  })
  return pipeline(openLocation(location), check, () => {})
}

/**
 * Checks what can be checked without reading the layers: descriptor sizes against the stored
 * sizes, compression (magic bytes) against the media type, a legacy layer's name against its
 * diff_id. The one tolerated disagreement is Docker's `rootfs.diff.tar.gzip` over an uncompressed
 * blob, which older docker/podman writers produce (the magic bytes win).
 *
 * The digests are checked **while the layers are applied**, in the same single read: `open()`
 * returns a stream that hashes the stored bytes and fails at its end on a size or digest mismatch
 * (see {@link VerifiedLayer}). When the blob is uncompressed and its digest is the diff_id, the
 * applier's diff_id check is that same check, and `open()` does not hash again. A legacy
 * docker-archive layer that is compressed and named by nothing is hashed here, eagerly, because
 * nothing else would give it a digest.
 * @throws InvalidImageError `layer <i> (<digest>) of <label>: expected …, found …`.
 */
export async function verifyLayers(
  plans: LayerPlan[],
  label: string,
  signal?: AbortSignal
): Promise<VerifiedLayer[]> {
  const layers: VerifiedLayer[] = []
  for (const [index, plan] of plans.entries()) {
    signal?.throwIfAborted()
    const {location, descriptor} = plan
    const claimed = descriptor?.digest ?? plan.namedDigest ?? plan.diffId
    const what = `layer ${index} (${shortDigest(claimed)}) of ${label}`
    if (descriptor && descriptor.size !== location.size) {
      throw new InvalidImageError(
        `${what}: expected ${descriptor.size} bytes, found ${location.size}`,
        claimed
      )
    }
    const compression = await sniffCompression(location)
    let digest =
      descriptor?.digest ?? plan.namedDigest ?? (compression === 'none' ? plan.diffId : undefined)
    if (digest === undefined) digest = (await hashLocation(location, signal)).digest
    if (
      !descriptor &&
      plan.namedDigest &&
      compression === 'none' &&
      plan.namedDigest !== plan.diffId
    ) {
      throw new InvalidImageError(
        `${what}: the uncompressed layer should equal diff_id ${plan.diffId}, but it is named ${plan.namedDigest}`,
        claimed
      )
    }
    let mediaType: string
    if (descriptor) {
      mediaType = descriptor.mediaType
      const declared = layerMediaTypes.get(mediaType)
      const tolerated = mediaType === mediaTypes.dockerLayerGzip && compression === 'none'
      if (declared !== compression && !tolerated) {
        throw new InvalidImageError(
          `${what}: media type \`${mediaType}\` says ${declared ?? 'unknown'} but the blob is ${compression === 'none' ? 'not compressed' : compression}`,
          claimed
        )
      }
    } else {
      mediaType =
        compression === 'gzip'
          ? mediaTypes.dockerLayerGzip
          : compression === 'zstd'
            ? 'application/vnd.oci.image.layer.v1.tar+zstd'
            : mediaTypes.dockerLayerTar
    }
    const expected = {digest, size: location.size}
    const appliedCheckSuffices = compression === 'none' && digest === plan.diffId
    layers.push({
      index,
      digest,
      diffId: plan.diffId,
      mediaType,
      size: location.size,
      compression,
      open: appliedCheckSuffices
        ? () => openLocation(location)
        : () => verifyingStream(location, expected, what)
    })
  }
  return layers
}

/**
 * Reads every layer blob to its end through `open()`, so that every digest is checked without
 * applying anything (for a caller that does not extract, e.g. one serving cached results).
 * Uncompressed layers whose digest is their diff_id are hashed here against the diff_id.
 * @throws InvalidImageError naming the first layer at fault.
 */
export async function verifyLayerBlobs(
  layers: readonly VerifiedLayer[],
  label: string,
  signal?: AbortSignal
): Promise<void> {
  for (const layer of layers) {
    const hash = createHash('sha256')
    for await (const chunk of layer.open()) {
      signal?.throwIfAborted()
      hash.update(chunk as Buffer)
    }
    const found = `sha256:${hash.digest('hex')}`
    if (layer.compression === 'none' && layer.digest === layer.diffId && found !== layer.diffId) {
      throw new InvalidImageError(
        `layer ${layer.index} (${shortDigest(layer.digest)}) of ${label}: expected ${layer.diffId}, found ${found}`,
        layer.digest
      )
    }
  }
}
