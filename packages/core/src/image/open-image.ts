import {mkdir, rm} from 'node:fs/promises'
import {InvalidImageError} from '../errors.js'
import {imageSource} from './image-sources.js'
import {formatPlatform, platformMatches} from './platform.js'
import type {ImageReference, OpenImageOptions, Platform, ResolvedImage} from './types.js'

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
    const parts = await imageSource(ref.transport).open(ref, options, created)
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
