import {InvalidImageError} from '../errors.js'
import {openLocation, type BlobLocation} from './blob-source.js'
import {shortDigest} from './digest.js'
import {layerMediaTypes, mediaTypes} from './media-types.js'
import {hashLocation, type BlobFacts} from './verify.js'
import type {VerifiedLayer} from './types.js'

/** A layer to verify: either described by a descriptor (OCI, Docker ≥ 25) or bare (legacy docker-archive). */
export interface LayerPlan {
  location: BlobLocation
  diffId: string
  /** From the manifest's descriptor; absent for a legacy docker-archive layer. */
  descriptor?: {digest: string; size: number; mediaType: string}
  /** A digest the member's name claims (`blobs/sha256/<hex>`), checked when there is no descriptor. */
  namedDigest?: string
}

/**
 * Verifies every layer **eagerly**, in one sequential read per distinct blob: sha256 and size
 * against the descriptor, or, for a bare uncompressed docker-archive layer, sha256 against the
 * config's diff_id. Compression comes from magic bytes and must agree with the media type; the
 * one tolerated disagreement is Docker's `rootfs.diff.tar.gzip` over an uncompressed blob, which
 * older docker/podman writers produce (the magic bytes win).
 *
 * The returned `open()` re-reads the same byte range without hashing again: it trusts that the
 * archive does not change between intake and apply, and the applier verifies the diff_id of the
 * uncompressed stream in any case.
 * @throws InvalidImageError `layer <i> (<digest>) of <label>: expected …, found …`.
 */
export async function verifyLayers(
  plans: LayerPlan[],
  label: string,
  signal?: AbortSignal
): Promise<VerifiedLayer[]> {
  const cache = new Map<string, BlobFacts>()
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
    const key = `${location.file}\0${location.start}\0${location.size}`
    const facts = cache.get(key) ?? (await hashLocation(location, signal))
    cache.set(key, facts)
    const expected =
      descriptor?.digest ??
      plan.namedDigest ??
      (facts.compression === 'none' ? plan.diffId : undefined)
    if (expected !== undefined && facts.digest !== expected) {
      throw new InvalidImageError(`${what}: expected ${expected}, found ${facts.digest}`, claimed)
    }
    if (
      !descriptor &&
      plan.namedDigest &&
      facts.compression === 'none' &&
      facts.digest !== plan.diffId
    ) {
      throw new InvalidImageError(
        `${what}: the uncompressed layer should equal diff_id ${plan.diffId}, found ${facts.digest}`,
        claimed
      )
    }
    let mediaType: string
    if (descriptor) {
      mediaType = descriptor.mediaType
      const declared = layerMediaTypes.get(mediaType)
      const tolerated = mediaType === mediaTypes.dockerLayerGzip && facts.compression === 'none'
      if (declared !== facts.compression && !tolerated) {
        throw new InvalidImageError(
          `${what}: media type \`${mediaType}\` says ${declared ?? 'unknown'} but the blob is ${facts.compression === 'none' ? 'not compressed' : facts.compression}`,
          claimed
        )
      }
    } else {
      mediaType =
        facts.compression === 'gzip'
          ? mediaTypes.dockerLayerGzip
          : facts.compression === 'zstd'
            ? 'application/vnd.oci.image.layer.v1.tar+zstd'
            : mediaTypes.dockerLayerTar
    }
    layers.push({
      index,
      digest: facts.digest,
      diffId: plan.diffId,
      mediaType,
      size: facts.size,
      compression: facts.compression,
      open: () => openLocation(location)
    })
  }
  return layers
}
