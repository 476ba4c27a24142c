import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import {InvalidImageError, sanitizeForDisplay} from '../../errors.js'
import {DirectorySource} from '../blob-source.js'
import type {Descriptor} from '../descriptor.js'
import {shortDigest} from '../digest.js'
import {formatDockerReference, parseDockerReference, registryHost} from '../docker-reference.js'
import {loadManifestImage, type ImageParts} from '../manifest-image.js'
import {parseManifestDocument, type ManifestDocument} from '../manifest.js'
import {indexMediaTypes, manifestMediaTypes} from '../media-types.js'
import {isAttestation, maxIndexDepth, selectPlatform} from '../oci-layout.js'
import type {ImageReference, OpenImageOptions} from '../types.js'
import {BlobStore} from './blob-store.js'
import {RegistryClient, type PullContext} from './registry-client.js'
import type {RetryPolicy} from './retry.js'

export const defaultTimeBudgetMs = 15 * 60 * 1000

export function retryPolicy(budgetMs: number): RetryPolicy {
  return {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8000,
    maxRetryAfterMs: 60_000,
    deadline: Date.now() + budgetMs
  }
}

/**
 * Runs `task` over `items` with at most `limit` in flight. After the first failure no new item
 * starts, and it rejects only once the running ones have settled, so that nothing keeps
 * downloading after the pull has failed and its connections are closed.
 */
async function eachLimited<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: {error: unknown} | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T
      try {
        await task(item)
      } catch (error) {
        failure ??= {error}
      }
    }
  }
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker))
  if (failure) throw failure.error
}

/**
 * Walks from the tagged (or digested) document to one image manifest: nested indexes are fetched
 * by digest and verified, at most {@link maxIndexDepth} deep and without cycles; attestation
 * entries are skipped; the platform is chosen as for an OCI layout.
 */
export async function resolveManifest(
  client: RegistryClient,
  start: string,
  options: Pick<OpenImageOptions, 'platform'>
): Promise<{manifest: ManifestDocument; digest: string}> {
  const first = await client.fetchManifest(start)
  let document = parseManifestDocument(first.bytes, first.mediaType, `${client.label}: manifest`)
  let digest = first.digest
  const seen = [digest]
  while (document.kind === 'index') {
    if (seen.length > maxIndexDepth)
      throw new InvalidImageError(
        `${client.label}: indexes nest more than ${maxIndexDepth} levels deep`,
        digest
      )
    const candidates: Descriptor[] = document.manifests.filter(
      m =>
        !isAttestation(m) &&
        (manifestMediaTypes.includes(m.mediaType) || indexMediaTypes.includes(m.mediaType))
    )
    const images = candidates.filter(m => manifestMediaTypes.includes(m.mediaType))
    // Nested indexes (containerd-style) are followed only when the level holds no images.
    const chosen =
      images.length > 0
        ? selectPlatform(images, options.platform, client.label)
        : candidates.find(m => indexMediaTypes.includes(m.mediaType))
    if (!chosen)
      throw new InvalidImageError(`${client.label}: the index lists no container images`, digest)
    if (seen.includes(chosen.digest))
      throw new InvalidImageError(
        `${client.label}: index ${shortDigest(chosen.digest)} refers to itself (a cycle)`,
        chosen.digest
      )
    const fetched = await client.fetchManifest(chosen.digest)
    document = parseManifestDocument(
      fetched.bytes,
      chosen.mediaType,
      `${client.label}: manifest ${shortDigest(chosen.digest)}`
    )
    if (fetched.bytes.length !== chosen.size)
      throw new InvalidImageError(
        `${client.label}: manifest ${shortDigest(chosen.digest)}: expected ${chosen.size} bytes, found ${fetched.bytes.length}`,
        chosen.digest
      )
    digest = fetched.digest
    seen.push(digest)
  }
  return {manifest: document, digest}
}

/**
 * Pulls `ref` (transport `registry`) with the OCI Distribution API: manifest → platform → config
 * and layers, downloaded concurrently (bounded, each distinct digest once) into the blob cache or
 * a private store under `workDir`, then read back through the same verifying code as an OCI
 * layout (config digest, layer digests and sizes, diff_id count). Nothing is extracted here.
 *
 * `register` receives directories to delete on `close()`; a failed pull leaves no blob behind
 * that is not verified. Foreign-layer `urls` are never fetched (CVE-2020-15157).
 * @throws InvalidImageError naming the registry, the reference and the blob at fault.
 */
export async function pullRegistryImage(
  ref: ImageReference,
  options: OpenImageOptions,
  register: (path: string) => void
): Promise<ImageParts & {names: string[]}> {
  const reference = parseDockerReference(ref.path)
  const name = formatDockerReference(reference)
  const label = `registry ${registryHost(reference.domain)}, image ${sanitizeForDisplay(
    `${reference.repository}${reference.tag === undefined ? '' : `:${reference.tag}`}${reference.digest === undefined ? '' : `@${reference.digest}`}`
  )}`
  const settings = options.registry ?? {}
  const context: PullContext = {
    signal: options.signal,
    log: options.log,
    policy: retryPolicy(settings.timeBudgetMs ?? defaultTimeBudgetMs)
  }
  const client = await RegistryClient.create(reference, settings, context, label)
  try {
    const {manifest, digest} = await resolveManifest(
      client,
      reference.digest ?? reference.tag ?? 'latest',
      options
    )
    let storeDir = settings.cacheDir
    if (storeDir === undefined) {
      storeDir = join(options.workDir, `registry-${randomBytes(8).toString('hex')}`)
      register(storeDir)
    }
    const store = await BlobStore.open(storeDir)
    const wanted = new Map<string, {digest: string; size: number; what: string}>()
    wanted.set(manifest.config.digest, {
      ...manifest.config,
      what: `${label}: config blob ${manifest.config.digest}`
    })
    manifest.layers.forEach((layer, i) => {
      if (!wanted.has(layer.digest))
        wanted.set(layer.digest, {...layer, what: `${label}: layer ${i} blob ${layer.digest}`})
    })
    let downloaded = 0
    await eachLimited([...wanted.values()], settings.concurrency ?? 4, async blob => {
      const cached = await store.has(blob, options.signal, why =>
        options.log?.(`${blob.what}: cached copy discarded (${why})`)
      )
      if (cached) return
      await client.downloadBlob(blob, store, blob.what)
      downloaded++
    })
    options.log?.(
      `${label}: ${downloaded} of ${wanted.size} blobs downloaded, the rest from the cache`
    )
    const source = await DirectorySource.open(store.root, ref.raw)
    const parts = await loadManifestImage(source, manifest, digest, options.signal)
    return {...parts, names: [name]}
  } finally {
    client.close()
  }
}
