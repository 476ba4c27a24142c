/**
 * How `scan --attest` and `attest` sign: with a key (`--attest-key`/`--key`: a PEM file or
 * `env://VAR`, passphrase from COSIGN_PASSWORD), or keyless (`--keyless`: Fulcio and Rekor with
 * the CI's OIDC token; the public Sigstore instance unless `--fulcio-url`/`--rekor-url` name
 * another). Keyless is never implied: it publishes the CI identity in a public log.
 */
import {resolve} from 'node:path'
import {
  ciIdentityToken,
  ConfigurationError,
  hasCiIdentityToken,
  keylessSigning,
  loadSigningKeyFrom,
  type Signing
} from '@scapgate/core'
import type {CliIo} from './command.js'
import {UsageError} from './exit-codes.js'

export interface SigningFlags {
  key?: string
  keyless: boolean
  fulcioUrl?: string
  rekorUrl?: string
}

const httpUrl = /^https?:\/\/[^\s]+$/

/** Checks the flags' combination; `keyFlag` names the key flag in messages. */
export function checkSigningFlags(flags: SigningFlags, keyFlag: string): void {
  if (flags.key !== undefined && flags.keyless)
    throw new UsageError(`Expected \`${keyFlag}\` or \`--keyless\`, got both`)
  if (flags.key === undefined && !flags.keyless)
    throw new UsageError(`Expected \`${keyFlag} PEM|env://VAR\` or \`--keyless\`, got neither`)
  for (const [flag, value] of [
    ['--fulcio-url', flags.fulcioUrl],
    ['--rekor-url', flags.rekorUrl]
  ] as const) {
    if (value === undefined) continue
    if (!flags.keyless) throw new UsageError(`Expected \`${flag}\` only with \`--keyless\``)
    if (!httpUrl.test(value)) throw new UsageError(`Expected \`${flag}\` to be an http(s) URL`)
  }
}

export async function signingFrom(flags: SigningFlags, io: CliIo): Promise<Signing> {
  if (flags.key !== undefined)
    return loadSigningKeyFrom(flags.key, io.env, path => resolve(io.cwd, path))
  // Checked before any scan: without a token keyless signing cannot succeed (a configuration error).
  if (!hasCiIdentityToken(io.env))
    throw new ConfigurationError(
      'Expected an OIDC identity token for keyless signing (GitHub: `permissions: id-token: write`; GitLab: `id_tokens: {SIGSTORE_ID_TOKEN: {aud: sigstore}}`), found neither'
    )
  return keylessSigning({
    ...(flags.fulcioUrl === undefined ? {} : {fulcioUrl: flags.fulcioUrl}),
    ...(flags.rekorUrl === undefined ? {} : {rekorUrl: flags.rekorUrl}),
    identityToken: () => ciIdentityToken(io.env)
  })
}
