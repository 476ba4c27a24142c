/**
 * Keyless signing: an ephemeral key whose certificate Fulcio issues for the CI's OIDC identity,
 * and the signature witnessed by Rekor (the transparency log), both through the Sigstore
 * project's `@sigstore/sign` (FulcioSigner, RekorWitness). The public Sigstore instance by
 * default; another (a private deployment, or the mock services in the tests) by URL.
 */
import {DEFAULT_FULCIO_URL, DEFAULT_REKOR_URL, FulcioSigner, RekorWitness} from '@sigstore/sign'
import type {Signing} from './signing-key.js'

export interface KeylessOptions {
  fulcioUrl?: string
  rekorUrl?: string
  /** The OIDC identity token (audience `sigstore`); asked for once, when signing. */
  identityToken: () => Promise<string>
}

export function keylessSigning(options: KeylessOptions): Signing {
  let token: Promise<string> | undefined
  const identityProvider = {getToken: (): Promise<string> => (token ??= options.identityToken())}
  return {
    signer: new FulcioSigner({
      identityProvider,
      fulcioBaseURL: options.fulcioUrl ?? DEFAULT_FULCIO_URL
    }),
    witnesses: [new RekorWitness({rekorBaseURL: options.rekorUrl ?? DEFAULT_REKOR_URL})]
  }
}
