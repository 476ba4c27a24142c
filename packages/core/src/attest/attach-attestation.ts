/**
 * Attaches a signed attestation to an image in its registry with scapgate's registry client
 * (credentials, TLS, retries, no Authorization to other origins), in cosign's layout
 * (cosign-layout.ts). Blobs first, the manifest last, so a failure leaves no manifest pointing
 * at a missing blob. Two concurrent attachments to one image can lose one of the two layers (the
 * tag is read, extended and written back): the later writer wins, as with cosign.
 */
import type {DockerReference} from '../image/docker-reference.js'
import {InvalidImageError} from '../errors.js'
import {RegistryClient} from '../image/registry/registry-client.js'
import {defaultTimeBudgetMs, retryPolicy} from '../image/registry/pull-image.js'
import type {RegistryOptions} from '../image/types.js'
import {
  attestationConfig,
  attestationLayers,
  attestationManifest,
  attestationTag,
  type AttestationLayer,
  cosignSignatureAnnotation,
  dsseEnvelopeMediaType,
  ociManifestMediaType
} from './cosign-layout.js'
import type {SignedAttestation} from './sign-statement.js'

export interface AttachedAttestation {
  /** The `.att` tag in the image's repository. */
  tag: string
  /** Digest of the `.att` manifest written. */
  manifestDigest: string
  /** Digest of the layer that holds this attestation's envelope. */
  layerDigest: string
}

/**
 * A keyless attestation's certificate and Rekor entry, in the layer annotations where cosign
 * looks for them (`dev.sigstore.cosign/certificate`, `dev.sigstore.cosign/bundle`); nothing for
 * a key-based one.
 */
export function keylessAnnotations(attestation: SignedAttestation): Record<string, string> {
  const material = attestation.bundle.verificationMaterial
  const certificate = material.certificate?.rawBytes
  // A key-based bundle has no tlog entries: its JSON may leave the list out altogether.
  const entries = material.tlogEntries as typeof material.tlogEntries | undefined
  const entry = entries?.[0]
  if (certificate === undefined || entry === undefined) return {}
  const pem = `-----BEGIN CERTIFICATE-----\n${certificate.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`
  const set = entry.inclusionPromise?.signedEntryTimestamp
  return {
    'dev.sigstore.cosign/certificate': pem,
    ...(set === undefined
      ? {}
      : {
          'dev.sigstore.cosign/bundle': JSON.stringify({
            SignedEntryTimestamp: set,
            Payload: {
              body: entry.canonicalizedBody,
              integratedTime: Number(entry.integratedTime),
              logIndex: Number(entry.logIndex),
              logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex')
            }
          })
        })
  }
}

export async function attachAttestation(
  image: {reference: DockerReference; manifestDigest: string},
  attestation: SignedAttestation,
  registry: RegistryOptions,
  log?: (message: string) => void
): Promise<AttachedAttestation> {
  const label = `${image.reference.domain}/${image.reference.repository}`
  const context = {policy: retryPolicy(defaultTimeBudgetMs), ...(log === undefined ? {} : {log})}
  const client = await RegistryClient.create(image.reference, registry, context, label)
  try {
    const tag = attestationTag(image.manifestDigest)
    const existing = await client.fetchManifestIfPresent(tag)
    let layers: AttestationLayer[] = []
    if (existing !== undefined) {
      let parsed: unknown
      try {
        parsed = JSON.parse(existing.bytes.toString('utf8'))
      } catch {
        throw new InvalidImageError(`${label}: the existing ${tag} is not JSON`, tag)
      }
      layers = attestationLayers(parsed)
    }
    const envelope = Buffer.from(JSON.stringify(attestation.envelope))
    const layer = await client.pushBlob(envelope, `${label}: attestation layer`)
    if (!layers.some(l => l.digest === layer.digest))
      layers.push({
        mediaType: dsseEnvelopeMediaType,
        ...layer,
        annotations: {
          [cosignSignatureAnnotation]: '',
          predicateType: attestation.predicateType,
          ...keylessAnnotations(attestation)
        }
      })
    const config = await client.pushBlob(attestationConfig(layers), `${label}: attestation config`)
    const manifestDigest = await client.pushManifest(
      tag,
      attestationManifest(config, layers),
      ociManifestMediaType
    )
    return {tag, manifestDigest, layerDigest: layer.digest}
  } finally {
    client.close()
  }
}
