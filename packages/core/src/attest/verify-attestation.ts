/**
 * Checks scapgate's compliance attestations for one image digest: each candidate DSSE envelope
 * must carry a valid signature by the given public key over its DSSE pre-authentication encoding,
 * hold an in-toto statement whose subject names exactly that digest, and satisfy the caller's
 * requirements (result, age, profile, content). Signature checks use the Sigstore project's
 * `@sigstore/core` (DSSE encoding, verification). An attestation for another digest is never
 * accepted, whatever it says.
 *
 * Without a transparency log or timestamp authority (key-based signing), the time an attestation
 * was made is the scan time it states itself (`scannedAt`), signed with the statement.
 */
import {crypto as sigstoreCrypto, dsse} from '@sigstore/core'
import {isRecord} from '../image/descriptor.js'
import {
  inTotoPayloadType,
  inTotoStatementType,
  testResultPredicateType,
  type AttestedResult
} from './statement.js'

export interface VerifyRequirements {
  /** Required results, e.g. ['PASSED'] or ['PASSED', 'WARNED']; any when undefined. */
  results?: readonly AttestedResult[]
  /** The newest acceptable attestation is at most this old. */
  maxAgeMs?: number
  /** The profile id (full, or its suffix after `_profile_`). */
  profile?: string
  /** The benchmark version of the content, e.g. `0.1.82`. */
  contentVersion?: string
  now?: Date
}

export interface AcceptedAttestation {
  result: AttestedResult
  scannedAt: string
  profile: string
  contentVersion: string
  statement: Record<string, unknown>
}

export interface VerificationOutcome {
  accepted?: AcceptedAttestation
  /** Why each other candidate was rejected, in order; no secret and no untrusted text beyond ids. */
  rejected: string[]
}

/**
 * Verifies `envelopes` (parsed JSON of DSSE envelopes) for `manifestDigest`. Returns the newest
 * accepted attestation, or none with the reasons.
 */
export function verifyAttestations(
  envelopes: readonly unknown[],
  manifestDigest: string,
  publicKeyPem: string,
  requirements: VerifyRequirements = {}
): VerificationOutcome {
  const key = sigstoreCrypto.createPublicKey(publicKeyPem)
  const rejected: string[] = []
  const accepted: AcceptedAttestation[] = []
  envelopes.forEach((envelope, index) => {
    const label = `attestation ${index + 1}`
    const outcome = checkEnvelope(envelope, manifestDigest, key, requirements)
    if (typeof outcome === 'string') rejected.push(`${label}: ${outcome}`)
    else accepted.push(outcome)
  })
  accepted.sort((a, b) => b.scannedAt.localeCompare(a.scannedAt))
  const newest = accepted[0]
  return newest === undefined ? {rejected} : {accepted: newest, rejected}
}

function checkEnvelope(
  envelope: unknown,
  manifestDigest: string,
  key: ReturnType<typeof sigstoreCrypto.createPublicKey>,
  requirements: VerifyRequirements
): AcceptedAttestation | string {
  if (
    !isRecord(envelope) ||
    typeof envelope.payload !== 'string' ||
    typeof envelope.payloadType !== 'string' ||
    !Array.isArray(envelope.signatures)
  )
    return 'not a DSSE envelope'
  if (envelope.payloadType !== inTotoPayloadType) return `payload type is not ${inTotoPayloadType}`
  const payload = Buffer.from(envelope.payload, 'base64')
  const pae = dsse.preAuthEncoding(envelope.payloadType, payload)
  const signed = envelope.signatures.some(
    s =>
      isRecord(s) &&
      typeof s.sig === 'string' &&
      sigstoreCrypto.verify(pae, key, Buffer.from(s.sig, 'base64'), 'sha256')
  )
  if (!signed) return 'no signature verifies with the given key'
  let statement: unknown
  try {
    statement = JSON.parse(payload.toString('utf8'))
  } catch {
    return 'the signed payload is not JSON'
  }
  if (!isRecord(statement) || statement._type !== inTotoStatementType)
    return 'the payload is not an in-toto v1 statement'
  if (statement.predicateType !== testResultPredicateType) return 'not a test-result attestation'
  const wanted = manifestDigest.replace(/^sha256:/, '')
  const subjects = Array.isArray(statement.subject) ? statement.subject : []
  if (!subjects.some(s => isRecord(s) && isRecord(s.digest) && s.digest.sha256 === wanted))
    return `its subject is not ${manifestDigest}`
  const predicate = isRecord(statement.predicate) ? statement.predicate : {}
  const result = predicate.result
  if (result !== 'PASSED' && result !== 'WARNED' && result !== 'FAILED')
    return 'its result is not PASSED, WARNED or FAILED'
  const configuration = Array.isArray(predicate.configuration) ? predicate.configuration : []
  const annotations = (name: string): Record<string, unknown> => {
    const found = configuration.find(c => isRecord(c) && c.name === name)
    return isRecord(found) && isRecord(found.annotations) ? found.annotations : {}
  }
  const scapgate = annotations('scapgate')
  const profileId = String(annotations('xccdf-profile').id ?? '')
  const contentVersion = String(
    configuration
      .map(c =>
        isRecord(c) && isRecord(c.annotations) ? c.annotations.benchmarkVersion : undefined
      )
      .find(v => typeof v === 'string') ?? ''
  )
  const scannedAt = typeof scapgate.scannedAt === 'string' ? scapgate.scannedAt : ''
  const time = Date.parse(scannedAt)
  if (Number.isNaN(time)) return 'it states no scan time'
  if (requirements.results !== undefined && !requirements.results.includes(result))
    return `its result is ${result}, required ${requirements.results.join(' or ')}`
  const now = (requirements.now ?? new Date()).getTime()
  if (requirements.maxAgeMs !== undefined && now - time > requirements.maxAgeMs)
    return `it is older than the maximum age (scanned ${scannedAt})`
  if (time - now > 5 * 60_000) return `its scan time lies in the future (${scannedAt})`
  if (
    requirements.profile !== undefined &&
    profileId !== requirements.profile &&
    !profileId.endsWith(`_profile_${requirements.profile}`)
  )
    return `its profile is not ${requirements.profile}`
  if (requirements.contentVersion !== undefined && contentVersion !== requirements.contentVersion)
    return `its content version is ${contentVersion || 'unknown'}, required ${requirements.contentVersion}`
  return {result, scannedAt, profile: profileId, contentVersion, statement}
}
