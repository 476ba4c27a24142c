import {InvalidImageError, sanitizeForDisplay} from '../errors.js'
import {readLocation, requireLocation, type BlobSource} from './blob-source.js'
import {parseImageConfig} from './config.js'
import {describeValue, isRecord, parseJson} from './descriptor.js'
import {sha256Digest, shortDigest} from './digest.js'
import {checkLayerCount, loadManifestImage, type ImageParts} from './manifest-image.js'
import {checkMemberReference} from './member-path.js'
import {nameMatches, parseSourceIndex} from './names.js'
import {collectManifests, maxDocumentBytes, readLayoutIndex, readManifest} from './oci-layout.js'
import {verifyLayers, type LayerPlan} from './verify-layers.js'

/** docker-archive `manifest.json` cap (containers/image iolimits). */
export const maxDockerManifestBytes = 1024 * 1024

interface ArchiveEntry {
  config: string
  repoTags: string[]
  layers: string[]
}

const namedBlob = /^(?:blobs\/sha256\/)?([a-f0-9]{64})(?:\.json)?$/

function parseEntries(data: Buffer, label: string): ArchiveEntry[] {
  const what = `${label}: manifest.json`
  const json = parseJson(data, what)
  if (!Array.isArray(json))
    throw new InvalidImageError(
      `${what}: expected an array, found ${describeValue(json)}`,
      'manifest.json'
    )
  return json.map((entry: unknown, i) => {
    const where = `${what}[${i}]`
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        'manifest.json'
      )
    const tags = entry.RepoTags ?? []
    if (!Array.isArray(tags) || !tags.every(t => typeof t === 'string')) {
      throw new InvalidImageError(
        `${where}.RepoTags: expected an array of strings, found ${describeValue(tags)}`,
        'manifest.json'
      )
    }
    const layers = entry.Layers ?? []
    if (!Array.isArray(layers))
      throw new InvalidImageError(
        `${where}.Layers: expected an array, found ${describeValue(layers)}`,
        'manifest.json'
      )
    return {
      config: checkMemberReference(entry.Config, `${where}.Config`),
      repoTags: tags,
      layers: layers.map((layer: unknown, j) =>
        checkMemberReference(layer, `${where}.Layers[${j}]`)
      )
    }
  })
}

function selectEntry(
  entries: ArchiveEntry[],
  ref: string | undefined,
  label: string
): ArchiveEntry {
  const listed = (): string =>
    entries
      .map((e, i) => (e.repoTags.length > 0 ? e.repoTags.join(', ') : `@${i} (untagged)`))
      .join('; ')
  if (ref === undefined) {
    const [only] = entries
    if (entries.length === 1 && only) return only
    if (entries.length === 0)
      throw new InvalidImageError(`${label}: manifest.json lists no images`, 'manifest.json')
    throw new InvalidImageError(
      `${label} holds ${entries.length} images (${listed()}); add :REF to pick one`,
      'manifest.json'
    )
  }
  const position = parseSourceIndex(ref)
  const found =
    position === undefined
      ? entries.find(e => e.repoTags.some(t => nameMatches(t, ref)))
      : entries[position]
  if (!found)
    throw new InvalidImageError(
      `${label}: no image \`${sanitizeForDisplay(ref)}\`; the archive has ${listed()}`,
      'manifest.json'
    )
  return found
}

/**
 * Docker ≥ 25 archives are also OCI layouts: when this one is and its index reaches a manifest
 * whose config is `configDigest`, that manifest gives descriptors (digest, size, media type) for
 * every layer. Platform manifests whose blobs were not exported are skipped.
 */
async function fromEmbeddedLayout(
  source: BlobSource,
  configDigest: string,
  signal?: AbortSignal
): Promise<ImageParts | undefined> {
  if (!(await source.locate('oci-layout')) || !(await source.locate('index.json'))) return undefined
  const index = await readLayoutIndex(source)
  // A broken embedded index falls back to the legacy view, which is verified just as strictly.
  const manifests = await collectManifests(source, index.manifests).catch(() => [])
  for (const descriptor of manifests) {
    if (!(await source.locate(`blobs/sha256/${descriptor.digest.slice(7)}`))) continue
    const manifest = await readManifest(source, descriptor)
    if (manifest.config.digest === configDigest)
      return loadManifestImage(source, manifest, descriptor.digest, signal)
  }
  return undefined
}

/**
 * Resolves one image of a docker-archive: legacy (`<id>/layer.tar`, `repositories`), podman's
 * output, and Docker ≥ 25 OCI-in-tar. Member names from `manifest.json` are checked and only
 * matched against archive members. A legacy layer has no descriptor, so an uncompressed one is
 * verified against its diff_id, and a config named by its digest against that digest.
 */
export async function loadDockerArchive(
  source: BlobSource,
  ref: string | undefined,
  signal?: AbortSignal
): Promise<ImageParts & {names: string[]}> {
  const label = source.label
  const manifestFile = await requireLocation(source, 'manifest.json', 'docker-archive index')
  const entries = parseEntries(
    await readLocation(manifestFile, maxDockerManifestBytes, `${label}: manifest.json`),
    label
  )
  const entry = selectEntry(entries, ref, label)
  const configLocation = await requireLocation(source, entry.config, 'config')
  const configBytes = await readLocation(
    configLocation,
    maxDocumentBytes,
    `${label}: config ${entry.config}`
  )
  const configDigest = sha256Digest(configBytes)
  const claimed = namedBlob.exec(entry.config)?.[1]
  if (claimed !== undefined && `sha256:${claimed}` !== configDigest) {
    throw new InvalidImageError(
      `config (${shortDigest(`sha256:${claimed}`)}) of ${label}: expected sha256:${claimed}, found ${configDigest}`,
      entry.config
    )
  }
  const embedded = await fromEmbeddedLayout(source, configDigest, signal)
  if (embedded) return {...embedded, names: entry.repoTags}
  const config = parseImageConfig(configBytes, `config ${shortDigest(configDigest)} of ${label}`)
  checkLayerCount(config, entry.layers.length, label)
  const plans: LayerPlan[] = []
  for (const [i, member] of entry.layers.entries()) {
    const plan: LayerPlan = {
      location: await requireLocation(source, member, `layer ${i}`),
      diffId: config.diffIds[i] ?? ''
    }
    const hex = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(member)?.[1]
    if (hex !== undefined) plan.namedDigest = `sha256:${hex}`
    plans.push(plan)
  }
  const layers = await verifyLayers(plans, label, signal)
  return {configDigest, config, layers, names: entry.repoTags}
}
