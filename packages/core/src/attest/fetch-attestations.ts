/**
 * Reads the attestations stored for an image in its registry (cosign's `.att` layout): resolves
 * the reference to the platform manifest that a scan would pick (same code as the pull: tags and
 * indexes are followed, every document is verified against its digest), then downloads each DSSE
 * layer, size-capped and digest-checked. Returns the envelopes unparsed beyond JSON; trust is
 * decided by verify-attestation.ts.
 */
import {InvalidImageError} from '../errors.js'
import type {DockerReference} from '../image/docker-reference.js'
import {defaultTimeBudgetMs, resolveManifest, retryPolicy} from '../image/registry/pull-image.js'
import {RegistryClient} from '../image/registry/registry-client.js'
import type {Platform, RegistryOptions} from '../image/types.js'
import {attestationLayers, attestationTag} from './cosign-layout.js'

const maxEnvelopeBytes = 4 * 1024 * 1024
const maxEnvelopes = 256

export interface StoredAttestations {
  /** The platform manifest digest the attestations were looked up for. */
  manifestDigest: string
  envelopes: unknown[]
}

export async function fetchAttestations(
  reference: DockerReference,
  registry: RegistryOptions,
  options: {platform?: Platform; log?: (message: string) => void} = {}
): Promise<StoredAttestations> {
  const label = `${reference.domain}/${reference.repository}`
  const context = {
    policy: retryPolicy(defaultTimeBudgetMs),
    ...(options.log === undefined ? {} : {log: options.log})
  }
  const client = await RegistryClient.create(reference, registry, context, label)
  try {
    const start = reference.digest ?? reference.tag ?? 'latest'
    const {digest} = await resolveManifest(
      client,
      start,
      options.platform === undefined ? {} : {platform: options.platform}
    )
    const tag = attestationTag(digest)
    const manifest = await client.fetchManifestIfPresent(tag)
    if (manifest === undefined) return {manifestDigest: digest, envelopes: []}
    let parsed: unknown
    try {
      parsed = JSON.parse(manifest.bytes.toString('utf8'))
    } catch {
      throw new InvalidImageError(`${label}: ${tag} is not JSON`, tag)
    }
    const layers = attestationLayers(parsed).slice(0, maxEnvelopes)
    const envelopes: unknown[] = []
    for (const layer of layers) {
      const what = `${label}: attestation ${layer.digest.slice(7, 19)}`
      if (layer.size > maxEnvelopeBytes) continue
      const bytes = await client.fetchSmallBlob(layer.digest, maxEnvelopeBytes, what)
      try {
        envelopes.push(JSON.parse(bytes.toString('utf8')))
      } catch {
        envelopes.push(undefined)
      }
    }
    return {manifestDigest: digest, envelopes}
  } finally {
    client.close()
  }
}
