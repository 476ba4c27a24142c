import {InvalidImageError, sanitizeForDisplay} from '../errors.js'
import {readLocation, requireLocation, type BlobSource} from './blob-source.js'
import {describeValue, isRecord, parseJson, type Descriptor} from './descriptor.js'
import {blobPath, shortDigest} from './digest.js'
import {parseManifestDocument, type IndexDocument, type ManifestDocument} from './manifest.js'
import {indexMediaTypes, manifestMediaTypes, schema1MediaTypes} from './media-types.js'
import {
  containerdNameAnnotation,
  nameMatches,
  parseSourceIndex,
  refNameAnnotation
} from './names.js'
import {defaultPlatform, formatPlatform, normalizePlatform, platformMatches} from './platform.js'
import {readVerified} from './verify.js'
import type {Platform} from './types.js'

/** Manifests, configs and indexes above this size are refused (containers/image iolimits). */
export const maxDocumentBytes = 4 * 1024 * 1024
/** index → index → … → manifest; the containerd store nests one level, nothing legitimate nests eight. */
export const maxIndexDepth = 8

/** Reads `oci-layout` (version 1.0.0) and `index.json` of a layout. */
export async function readLayoutIndex(source: BlobSource): Promise<IndexDocument> {
  const layoutFile = await requireLocation(source, 'oci-layout', 'layout marker')
  const layout = parseJson(
    await readLocation(layoutFile, 64 * 1024, 'oci-layout'),
    `${source.label}: oci-layout`
  )
  const version = isRecord(layout) ? layout.imageLayoutVersion : undefined
  if (version !== '1.0.0') {
    throw new InvalidImageError(
      `${source.label}: oci-layout: expected imageLayoutVersion 1.0.0, found ${describeValue(version)}`,
      'oci-layout'
    )
  }
  const indexFile = await requireLocation(source, 'index.json', 'layout index')
  const what = `${source.label}: index.json`
  const document = parseManifestDocument(
    await readLocation(indexFile, maxDocumentBytes, what),
    undefined,
    what
  )
  if (document.kind !== 'index')
    throw new InvalidImageError(`${what} is not an image index`, 'index.json')
  return document
}

export function namesOf(descriptor: Descriptor): string[] {
  const names = [
    descriptor.annotations[containerdNameAnnotation],
    descriptor.annotations[refNameAnnotation]
  ]
  return names.filter((n): n is string => n !== undefined && n !== '')
}

/**
 * Picks the top-level entries of `index.json` that `ref` names (ref name annotation, containerd
 * name, or `@N`). Without a ref, all entries are candidates unless they carry several different
 * names, which is an error listing them.
 */
export function selectByRef(
  index: IndexDocument,
  ref: string | undefined,
  label: string
): Descriptor[] {
  const entries = index.manifests
  if (entries.length === 0)
    throw new InvalidImageError(`${label}: index.json lists no images`, 'index.json')
  if (ref !== undefined) {
    const position = parseSourceIndex(ref)
    const picked =
      position === undefined
        ? entries.filter(e => namesOf(e).some(n => nameMatches(n, ref)))
        : entries.slice(position, position + 1)
    if (picked.length > 0) return picked
    const known = [...new Set(entries.flatMap(namesOf))]
    throw new InvalidImageError(
      `${label}: no image named \`${sanitizeForDisplay(ref)}\`; the layout has ${known.length > 0 ? known.join(', ') : 'no named images'} (${entries.length} entries, @0…@${entries.length - 1})`,
      'index.json'
    )
  }
  const names = new Set(
    entries.map(
      e => e.annotations[refNameAnnotation] ?? e.annotations[containerdNameAnnotation] ?? ''
    )
  )
  if (names.size > 1) {
    const listed = [...names].map(n => (n === '' ? '(unnamed)' : n)).join(', ')
    throw new InvalidImageError(
      `${label} holds several images (${listed}); add :REF to pick one`,
      'index.json'
    )
  }
  return entries
}

export function isAttestation(descriptor: Descriptor): boolean {
  const p = descriptor.platform
  return (
    descriptor.annotations['vnd.docker.reference.type'] === 'attestation-manifest' ||
    (p?.os === 'unknown' && p.architecture === 'unknown')
  )
}

/**
 * Follows nested indexes (verified, at most {@link maxIndexDepth} deep, refusing cycles) and
 * returns the image manifests they reach, without BuildKit attestation manifests. Entries of other
 * media types (signatures, SBOM artifacts) are ignored.
 */
export async function collectManifests(
  source: BlobSource,
  entries: Descriptor[],
  ancestors: string[] = []
): Promise<Descriptor[]> {
  const found: Descriptor[] = []
  const skipped: string[] = []
  for (const entry of entries) {
    if (isAttestation(entry)) continue
    if (manifestMediaTypes.includes(entry.mediaType)) {
      found.push(entry)
    } else if (indexMediaTypes.includes(entry.mediaType)) {
      const what = `index ${shortDigest(entry.digest)} of ${source.label}`
      if (ancestors.includes(entry.digest))
        throw new InvalidImageError(
          `${what} refers to itself through nested indexes (a cycle)`,
          entry.digest
        )
      if (ancestors.length >= maxIndexDepth)
        throw new InvalidImageError(
          `${what}: indexes nest more than ${maxIndexDepth} levels deep`,
          entry.digest
        )
      const location = await requireLocation(source, blobPath(entry.digest), 'blob')
      const document = parseManifestDocument(
        await readVerified(location, entry, maxDocumentBytes, what),
        entry.mediaType,
        what
      )
      if (document.kind !== 'index')
        throw new InvalidImageError(`${what} is not an index`, entry.digest)
      found.push(
        ...(await collectManifests(source, document.manifests, [...ancestors, entry.digest]))
      )
    } else if (schema1MediaTypes.includes(entry.mediaType)) {
      throw new InvalidImageError(
        `${source.label}: manifest ${shortDigest(entry.digest)} has media type \`${entry.mediaType}\`: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        entry.digest
      )
    } else {
      skipped.push(entry.mediaType)
    }
  }
  if (ancestors.length === 0 && found.length === 0) {
    const types = [...new Set(skipped)].map(t => `\`${sanitizeForDisplay(t, 100)}\``)
    throw new InvalidImageError(
      `${source.label} has no container image manifests${types.length > 0 ? ` (found ${types.join(', ')})` : ''}`,
      'index.json'
    )
  }
  return found
}

/**
 * Chooses one manifest. A single image is used as it is (the caller checks an explicit platform
 * against its config); among several, the requested platform (default linux/amd64) must match,
 * and an exact variant match is preferred.
 * @throws InvalidImageError listing the platforms on offer.
 */
export function selectPlatform(
  manifests: Descriptor[],
  wanted: Platform | undefined,
  label: string
): Descriptor {
  const only = manifests[0]
  if (manifests.length === 1 && only && (!only.platform || !wanted)) return only
  const target = wanted ?? defaultPlatform
  const matching = manifests.filter(m => m.platform && platformMatches(target, m.platform))
  const exact = matching.find(
    m => m.platform && normalizePlatform(m.platform).variant === normalizePlatform(target).variant
  )
  const chosen = exact ?? matching[0]
  if (chosen) return chosen
  const offered = manifests.map(m => (m.platform ? formatPlatform(m.platform) : 'unspecified'))
  throw new InvalidImageError(
    `${label} has no image for platform ${formatPlatform(target)}; it has ${offered.length > 0 ? [...new Set(offered)].join(', ') : 'no images'}`,
    'platform'
  )
}

/** Reads and verifies the chosen image manifest. */
export async function readManifest(
  source: BlobSource,
  descriptor: Descriptor
): Promise<ManifestDocument> {
  const what = `manifest ${shortDigest(descriptor.digest)} of ${source.label}`
  const location = await requireLocation(source, blobPath(descriptor.digest), 'manifest blob')
  const document = parseManifestDocument(
    await readVerified(location, descriptor, maxDocumentBytes, what),
    descriptor.mediaType,
    what
  )
  if (document.kind !== 'manifest')
    throw new InvalidImageError(`${what} is not an image manifest`, descriptor.digest)
  return document
}
