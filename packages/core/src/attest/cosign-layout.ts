/**
 * Where cosign keeps attestations in a registry, so that existing verifiers (`cosign
 * verify-attestation`, Kyverno, the policy-controller) find scapgate's: an OCI image manifest
 * tagged `sha256-<hex of the subject's manifest digest>.att` in the image's repository, one layer
 * per attestation, each layer a DSSE envelope (`application/vnd.dsse.envelope.v1+json`) annotated
 * with its predicate type. New attestations are appended to the layers already there.
 * This is cosign's own attestation layout (its `specs/ATTESTATION_SPEC.md`), checked against
 * Debian's cosign 2.5 in test/integration/attestations.test.ts.
 */
import {isRecord} from '../image/descriptor.js'

export const dsseEnvelopeMediaType = 'application/vnd.dsse.envelope.v1+json'
export const ociManifestMediaType = 'application/vnd.oci.image.manifest.v1+json'
export const ociConfigMediaType = 'application/vnd.oci.image.config.v1+json'
export const cosignSignatureAnnotation = 'dev.cosignproject.cosign/signature'

export interface AttestationLayer {
  mediaType: string
  size: number
  digest: string
  annotations?: Record<string, string>
}

export function attestationTag(manifestDigest: string): string {
  return `${manifestDigest.replace(':', '-')}.att`
}

/** The DSSE layers of an existing `.att` manifest; anything unexpected is left out, not trusted. */
export function attestationLayers(manifest: unknown): AttestationLayer[] {
  if (!isRecord(manifest) || !Array.isArray(manifest.layers)) return []
  return manifest.layers.filter(
    (layer): layer is AttestationLayer =>
      isRecord(layer) &&
      layer.mediaType === dsseEnvelopeMediaType &&
      typeof layer.digest === 'string' &&
      /^sha256:[a-f0-9]{64}$/.test(layer.digest) &&
      typeof layer.size === 'number' &&
      Number.isSafeInteger(layer.size) &&
      layer.size >= 0
  )
}

/** cosign's config for an attestation manifest: an image config whose diff_ids are the layers. */
export function attestationConfig(layers: readonly AttestationLayer[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      config: {},
      created: '0001-01-01T00:00:00Z',
      history: [{created: '0001-01-01T00:00:00Z'}],
      os: '',
      rootfs: {type: 'layers', diff_ids: layers.map(layer => layer.digest)}
    })
  )
}

export function attestationManifest(
  config: {digest: string; size: number},
  layers: readonly AttestationLayer[]
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: ociManifestMediaType,
      config: {mediaType: ociConfigMediaType, size: config.size, digest: config.digest},
      layers
    })
  )
}
