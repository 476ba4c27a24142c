/**
 * How `scan --attest` and `attest` sign: with a key (`--attest-key`/`--key`: a PEM file or
 * `env://VAR`, passphrase from COSIGN_PASSWORD), or keyless (`--keyless`: Fulcio and Rekor with
 * the CI's OIDC token; the public Sigstore instance unless `--fulcio-url`/`--rekor-url` name
 * another). Keyless is never implied: it publishes the CI identity in a public log. `scan` takes
 * the same options from its `SCAPGATE_*` variables too (docs/options.md), which is how the GitLab
 * component and the Jenkins step pass them: the key by reference (`$NAME`, a file), never its text.
 */
import {resolve} from 'node:path'
import {
  ciIdentityToken,
  ciRunUrl,
  ConfigurationError,
  hasCiIdentityToken,
  keylessSigning,
  loadSigningKeyFrom,
  optionTable,
  type Given,
  type OptionKey,
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

/** How the user named each signing option (`--attest-key`, `SCAPGATE_KEYLESS`, …), for messages. */
export interface SigningNames {
  key: string
  keyless: string
  fulcioUrl: string
  rekorUrl: string
}

/**
 * What is wrong with the combination, worded with the names the user gave; undefined when it is
 * right. The caller throws it as its own kind of error (a usage error for flags, a configuration
 * error once variables may be involved).
 */
export function signingProblem(flags: SigningFlags, names: SigningNames): string | undefined {
  if (flags.key !== undefined && flags.keyless)
    return `Expected \`${names.key}\` or \`${names.keyless}\`, got both`
  if (flags.key === undefined && !flags.keyless)
    return `Expected \`${names.key} FILE|env://NAME|$NAME\` or \`${names.keyless}\`, got neither`
  for (const [name, value] of [
    [names.fulcioUrl, flags.fulcioUrl],
    [names.rekorUrl, flags.rekorUrl]
  ] as const) {
    if (value === undefined) continue
    if (!flags.keyless) return `Expected \`${name}\` only with \`${names.keyless}\``
    if (!httpUrl.test(value)) return `Expected \`${name}\` to be an http(s) URL`
  }
  return undefined
}

/** Checks the flags' combination; `keyFlag` names the key flag in messages. */
export function checkSigningFlags(flags: SigningFlags, keyFlag: string): void {
  const problem = signingProblem(flags, {
    key: keyFlag,
    keyless: '--keyless',
    fulcioUrl: '--fulcio-url',
    rekorUrl: '--rekor-url'
  })
  if (problem !== undefined) throw new UsageError(problem)
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

/** The name an option came by (`--attest-key`, `SCAPGATE_ATTEST_KEY`), else its flag. */
function nameOf(given: Given, key: OptionKey): string {
  return given.from[key]?.name ?? optionTable[key].flag ?? key
}

/**
 * `scan`'s signing settings from its flags and variables (`given`): undefined without attestation;
 * the signing options without it are a configuration error naming the first, as they were given.
 * The key is read here, before any image is opened: a wrong key or passphrase costs no scan.
 */
export async function scanAttestSettings(
  given: Given,
  io: CliIo
): Promise<{key: Signing; runUrl?: string} | undefined> {
  const g = given.values
  const flags: SigningFlags = {
    ...(g.attestKey === undefined ? {} : {key: g.attestKey}),
    keyless: g.keyless === true,
    ...(g.fulcioUrl === undefined ? {} : {fulcioUrl: g.fulcioUrl}),
    ...(g.rekorUrl === undefined ? {} : {rekorUrl: g.rekorUrl})
  }
  if (g.attest !== true) {
    const stray = (['attestKey', 'keyless', 'fulcioUrl', 'rekorUrl'] as const).find(key =>
      key === 'keyless' ? g.keyless === true : g[key] !== undefined
    )
    if (stray === undefined) return undefined
    const attest = given.from[stray]?.kind === 'env' ? `${optionTable.attest.env}=true` : '--attest'
    throw new ConfigurationError(`Expected \`${nameOf(given, stray)}\` only with \`${attest}\``)
  }
  const problem = signingProblem(flags, {
    key: nameOf(given, 'attestKey'),
    keyless: nameOf(given, 'keyless'),
    fulcioUrl: nameOf(given, 'fulcioUrl'),
    rekorUrl: nameOf(given, 'rekorUrl')
  })
  if (problem !== undefined) throw new ConfigurationError(problem)
  const runUrl = ciRunUrl(io.env)
  return {key: await signingFrom(flags, io), ...(runUrl === undefined ? {} : {runUrl})}
}
