import {resolve} from 'node:path'
import {
  fetchAttestations,
  parseDockerReference,
  parsePlatform,
  readUserText,
  sourceSettings,
  verifyAttestations,
  type AttestedResult
} from '@scapgate/core'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'

export interface VerifyCommand {
  image: string
  key: string
  bundle?: string
  results?: AttestedResult[]
  maxAgeMs?: number
  profile?: string
  contentVersion?: string
  platform?: string
  caFile?: string
  insecureRegistries: string[]
}

const usage = `Usage: scapgate verify IMAGE --key PUBLIC.pem [options]

Checks that IMAGE has a compliance attestation signed with the key's private half, whose subject
is IMAGE's manifest digest, and that meets the requirements. Exit 0: one does; 1: none does (each
candidate's reason is printed); 2: usage; 3: the registry could not be read.

IMAGE: registry.example.com/ns/app[:tag|@sha256:…]; a tag is resolved (and verified) once, to the
platform's manifest digest. With --bundle FILE, IMAGE must name the digest and the registry is not
contacted (offline verification of attestation.sigstore.json).

Options
  --key PEM                   the public key (SPKI PEM)
  --bundle FILE               verify this Sigstore bundle instead of the registry's attestations
  --require-result LIST       accepted results, comma-separated (default: PASSED,WARNED)
  --max-age DURATION          newest acceptable scan, e.g. 24h, 7d, 90m
  --profile ID                required XCCDF profile (full id or short name)
  --content-version VERSION   required content (benchmark) version, e.g. 0.1.82
  --platform os/arch          platform to pick from a multi-platform image (default linux/amd64)
  --ca-file PEM, --insecure-registry HOST[:PORT]   as for scan
`

const results: readonly AttestedResult[] = ['PASSED', 'WARNED', 'FAILED']

export function parseDuration(text: string): number {
  const match = /^(\d{1,6})([smhd])$/.exec(text)
  if (!match)
    throw new UsageError(
      `Expected \`--max-age\` to be a duration such as 90m, 24h or 7d, got \`${text.slice(0, 40)}\``
    )
  const unit = {s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000}[match[2] as 's' | 'm' | 'h' | 'd']
  return Number(match[1]) * unit
}

export function parseVerify(argv: readonly string[]): VerifyCommand {
  const {values, positionals} = parseFlags(argv, {
    key: {type: 'string'},
    bundle: {type: 'string'},
    'require-result': {type: 'string'},
    'max-age': {type: 'string'},
    profile: {type: 'string'},
    'content-version': {type: 'string'},
    platform: {type: 'string'},
    'ca-file': {type: 'string'},
    'insecure-registry': {type: 'string', multiple: true}
  })
  if (positionals.length !== 1)
    throw new UsageError(
      `Expected one IMAGE after \`verify\`, got ${positionals.length === 0 ? 'nothing' : `${positionals.length} arguments`}`
    )
  rejectEmpty(values, [
    'key',
    'bundle',
    'require-result',
    'max-age',
    'profile',
    'content-version',
    'platform',
    'ca-file'
  ])
  if (values.key === undefined) throw new UsageError('Expected `--key PEM`, got none')
  const required = (values['require-result'] ?? 'PASSED,WARNED').split(',').map(r => r.trim())
  for (const r of required)
    if (!(results as readonly string[]).includes(r))
      throw new UsageError(
        `Expected \`--require-result\` values among ${results.join('|')}, got \`${r.slice(0, 40)}\``
      )
  return {
    image: positionals[0] as string,
    key: values.key,
    ...(values.bundle === undefined ? {} : {bundle: values.bundle}),
    results: required as AttestedResult[],
    ...(values['max-age'] === undefined ? {} : {maxAgeMs: parseDuration(values['max-age'])}),
    ...(values.profile === undefined ? {} : {profile: values.profile}),
    ...(values['content-version'] === undefined ? {} : {contentVersion: values['content-version']}),
    ...(values.platform === undefined ? {} : {platform: values.platform}),
    ...(values['ca-file'] === undefined ? {} : {caFile: values['ca-file']}),
    insecureRegistries: values['insecure-registry'] ?? []
  }
}

export async function runVerify(command: VerifyCommand, io: CliIo): Promise<number> {
  try {
    const image = parseDockerReference(command.image.replace(/^docker:\/\//, ''), 'IMAGE')
    const read = (path: string, kind: 'publicKey' | 'bundle'): Promise<string> =>
      readUserText({path, kind, origin: 'command-line', workspace: io.cwd})
    const publicKey = await read(command.key, 'publicKey')
    let manifestDigest: string
    let envelopes: unknown[]
    if (command.bundle !== undefined) {
      if (image.digest === undefined)
        throw new UsageError('Expected IMAGE to name its digest (NAME@sha256:…) with `--bundle`')
      manifestDigest = image.digest
      const bundle: unknown = JSON.parse(await read(command.bundle, 'bundle'))
      envelopes = [
        typeof bundle === 'object' && bundle !== null
          ? (bundle as {dsseEnvelope?: unknown}).dsseEnvelope
          : undefined
      ]
    } else {
      const {registry} = sourceSettings(
        {
          ...(command.caFile === undefined ? {} : {caFile: resolve(io.cwd, command.caFile)}),
          insecureRegistries: command.insecureRegistries
        },
        io.env
      )
      const stored = await fetchAttestations(image, registry, {
        ...(command.platform === undefined ? {} : {platform: parsePlatform(command.platform)})
      })
      manifestDigest = stored.manifestDigest
      envelopes = stored.envelopes
    }
    const outcome = verifyAttestations(envelopes, manifestDigest, publicKey, {
      ...(command.results === undefined ? {} : {results: command.results}),
      ...(command.maxAgeMs === undefined ? {} : {maxAgeMs: command.maxAgeMs}),
      ...(command.profile === undefined ? {} : {profile: command.profile}),
      ...(command.contentVersion === undefined ? {} : {contentVersion: command.contentVersion})
    })
    for (const reason of outcome.rejected) io.stderr.write(`rejected ${reason}\n`)
    if (outcome.accepted === undefined) {
      io.stdout.write(
        `no acceptable attestation for ${manifestDigest}${envelopes.length === 0 ? ' (none stored)' : ''}\n`
      )
      return ExitCode.GateFailed
    }
    const {accepted} = outcome
    io.stdout.write(
      `verified ${manifestDigest}: ${accepted.result}, scanned ${accepted.scannedAt}, profile ${accepted.profile}, content ${accepted.contentVersion}\n`
    )
    return ExitCode.GatePassed
  } catch (error) {
    io.stderr.write(`scapgate verify: ${error instanceof Error ? error.message : String(error)}\n`)
    if (error instanceof SyntaxError) return ExitCode.Usage
    return exitCodeForError(error)
  }
}

export const verifyCommandSpec: CommandSpec<VerifyCommand> = {
  name: 'verify',
  summary: 'check that an image digest has a valid, signed compliance attestation',
  usage,
  parse: parseVerify,
  run: runVerify
}
