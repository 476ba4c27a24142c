/**
 * Signs an in-toto statement into a Sigstore bundle (v0.3, DSSE envelope, public-key
 * verification material) with the Sigstore project's bundle builder. Key-based signing has no
 * transparency-log witness here: verifiers are told so (`cosign … --insecure-ignore-tlog`) in
 * docs/attestations.md.
 */
import {bundleToJSON, type SerializedBundle} from '@sigstore/bundle'
import {DSSEBundleBuilder} from '@sigstore/sign'
import type {Signing} from './signing-key.js'
import {inTotoPayloadType, type InTotoStatement} from './statement.js'

export interface SignedAttestation {
  /** The bundle as JSON (`attestation.sigstore.json`). */
  bundle: SerializedBundle
  /** The DSSE envelope inside it, as cosign stores it in a registry. */
  envelope: NonNullable<SerializedBundle['dsseEnvelope']>
  predicateType: string
}

export async function signStatement(
  statement: InTotoStatement,
  key: Signing
): Promise<SignedAttestation> {
  const builder = new DSSEBundleBuilder({signer: key.signer, witnesses: key.witnesses ?? []})
  const bundle = bundleToJSON(
    await builder.create({data: Buffer.from(JSON.stringify(statement)), type: inTotoPayloadType})
  )
  const envelope = bundle.dsseEnvelope
  if (envelope === undefined)
    throw new Error('the Sigstore bundle builder returned no DSSE envelope')
  return {bundle, envelope, predicateType: statement.predicateType}
}
