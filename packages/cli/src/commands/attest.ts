import {createHash} from 'node:crypto'
import {basename, dirname, resolve} from 'node:path'
import {
  attestImage,
  ciRunUrl,
  parseDockerReference,
  readCompletedResults,
  readUserFile,
  sourceSettings
} from '@scapgate/core'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {checkSigningFlags, signingFrom, type SigningFlags} from '../attest-signing.js'
import {scapgateVersion} from '../version.js'

export interface AttestCommand {
  results: string
  image: string
  signing: SigningFlags
  out?: string
  upload: boolean
  policy?: string
  runUrl?: string
  caFile?: string
  insecureRegistries: string[]
}

const usage = `Usage: scapgate attest RESULTS.json IMAGE --key KEY.pem|--keyless [options]

Signs the verdict of a completed scan as an in-toto attestation (predicate
https://in-toto.io/attestation/test-result/v0.1: PASSED, WARNED or FAILED) on the scanned
image's manifest digest, writes it as a Sigstore bundle (attestation.sigstore.json) beside
RESULTS.json, and attaches it to IMAGE in its registry where cosign, Kyverno and Sigstore's
policy-controller find it. A results.json with a \`cves\` section (--cves) also gets a
vulnerability attestation (https://in-toto.io/attestation/vulns/v0.2,
attestation-vulns.sigstore.json). IMAGE is the registry repository the image was scanned from
(registry.example.com/ns/app[:tag|@sha256:…]); the digest attested is always the one scanned.

Options
  --key PEM|env://VAR       ECDSA P-256 private key, PKCS#8 PEM (passphrase from COSIGN_PASSWORD),
                            as a file or in an environment variable; cosign's own
                            encrypted keys (cosign generate-key-pair) too
  --keyless                 sign keyless: a Fulcio certificate for the CI's OIDC identity
                            (GitHub id-token: write; GitLab SIGSTORE_ID_TOKEN), a Rekor entry
  --fulcio-url URL          with --keyless (default https://fulcio.sigstore.dev)
  --rekor-url URL           with --keyless (default https://rekor.sigstore.dev)
  --out DIR                 where attestation.sigstore.json goes (default: RESULTS.json's directory)
  --no-upload               write the bundle only; do not touch the registry
  --policy FILE             the policy file in force, recorded by digest
  --run-url URL             the CI run, recorded in the attestation (default: from GitHub's,
                            GitLab's or Jenkins' variables)
  --ca-file PEM             extra CA certificates for registry TLS
  --insecure-registry HOST[:PORT]
                            plain http to this registry (repeatable)
Registry credentials: SCAPGATE_REGISTRY_USERNAME/PASSWORD, REGISTRY_AUTH_FILE or
~/.docker/config.json, as for scan.
`

export function parseAttest(argv: readonly string[]): AttestCommand {
  const {values, positionals} = parseFlags(argv, {
    key: {type: 'string'},
    keyless: {type: 'boolean'},
    'fulcio-url': {type: 'string'},
    'rekor-url': {type: 'string'},
    out: {type: 'string'},
    'no-upload': {type: 'boolean'},
    policy: {type: 'string'},
    'run-url': {type: 'string'},
    'ca-file': {type: 'string'},
    'insecure-registry': {type: 'string', multiple: true}
  })
  if (positionals.length !== 2)
    throw new UsageError(
      `Expected RESULTS.json and IMAGE after \`attest\`, got ${positionals.length === 0 ? 'nothing' : `${positionals.length} argument(s)`}`
    )
  rejectEmpty(values, ['key', 'out', 'policy', 'run-url', 'ca-file', 'fulcio-url', 'rekor-url'])
  const signing: SigningFlags = {
    ...(values.key === undefined ? {} : {key: values.key}),
    keyless: values.keyless === true,
    ...(values['fulcio-url'] === undefined ? {} : {fulcioUrl: values['fulcio-url']}),
    ...(values['rekor-url'] === undefined ? {} : {rekorUrl: values['rekor-url']})
  }
  checkSigningFlags(signing, '--key')
  if (values['run-url'] !== undefined && !/^https?:\/\/\S+$/.test(values['run-url']))
    throw new UsageError('Expected `--run-url` to be an http(s) URL')
  return {
    results: positionals[0] as string,
    image: positionals[1] as string,
    signing,
    ...(values.out === undefined ? {} : {out: values.out}),
    upload: values['no-upload'] !== true,
    ...(values.policy === undefined ? {} : {policy: values.policy}),
    ...(values['run-url'] === undefined ? {} : {runUrl: values['run-url']}),
    ...(values['ca-file'] === undefined ? {} : {caFile: values['ca-file']}),
    insecureRegistries: values['insecure-registry'] ?? []
  }
}

export async function runAttest(command: AttestCommand, io: CliIo): Promise<number> {
  try {
    const resultsPath = resolve(io.cwd, command.results)
    const image = parseDockerReference(command.image.replace(/^docker:\/\//, ''), 'IMAGE')
    const {results, verdict, cves} = await readCompletedResults(resultsPath)
    const key = await signingFrom(command.signing, io)
    const runUrl = command.runUrl ?? ciRunUrl(io.env)
    const {registry} = sourceSettings(
      {
        ...(command.caFile === undefined ? {} : {caFile: resolve(io.cwd, command.caFile)}),
        insecureRegistries: command.insecureRegistries
      },
      io.env
    )
    let policy: {name: string; sha256: string} | undefined
    if (command.policy !== undefined) {
      const bytes = await readUserFile({
        path: command.policy,
        kind: 'policy',
        origin: 'command-line',
        workspace: io.cwd
      })
      policy = {
        name: basename(command.policy),
        sha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}`
      }
    }
    const outcome = await attestImage({
      results,
      verdict,
      ...(cves === undefined ? {} : {cves}),
      image,
      key,
      outDir: command.out === undefined ? dirname(resultsPath) : resolve(io.cwd, command.out),
      upload: command.upload,
      registry,
      scapgateVersion,
      ...(runUrl === undefined ? {} : {runUrl}),
      ...(policy === undefined ? {} : {policy})
    })
    io.stdout.write(
      `attested ${outcome.manifestDigest} as ${outcome.result}: ${outcome.bundlePaths.join(', ')}${outcome.attached === undefined ? '' : `, ${image.domain}/${image.repository}:${outcome.attached.tag}`}\n`
    )
    return ExitCode.GatePassed
  } catch (error) {
    io.stderr.write(`scapgate attest: ${error instanceof Error ? error.message : String(error)}\n`)
    return exitCodeForError(error)
  }
}

export const attestCommandSpec: CommandSpec<AttestCommand> = {
  name: 'attest',
  summary: 'sign a scan verdict as an attestation on the image digest and attach it',
  usage,
  parse: parseAttest,
  run: runAttest
}
