import {resolve} from 'node:path'
import {
  checkOutDir,
  ciRunUrl,
  checkUserFile,
  ConfigurationError,
  getErrorMessage,
  loadEnvironment,
  parsePlatform,
  sourceSettings,
  failOnValues,
  policyModes,
  cveFailOnValues,
  parseFeedAge,
  type CveFlags,
  type FailOn
} from '@scapgate/core'
import {runGatedScan, type GateFlags} from '../gate-run.js'
import {
  dockerfileFlag,
  oneOf,
  parseFlags,
  rejectEmpty,
  type CliIo,
  type CommandSpec
} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {checkSigningFlags, signingFrom, type SigningFlags} from '../attest-signing.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {createProgress} from '../progress.js'
import {scapgateVersion} from '../version.js'

export interface ScanCommand {
  image: string
  /** Every IMAGE argument (`image` is the first); `--images FILE` adds more. */
  images: string[]
  gate: Omit<GateFlags, 'images' | 'quiet' | 'cacheDir'>
  content?: string
  profile?: string
  tailoring?: string
  dockerfile?: string
  out: string
  failOn: FailOn
  platform?: string
  timeoutSeconds: number
  verbose: boolean
  quiet: boolean
  caFile?: string
  insecureRegistries: string[]
  cacheDir?: string
  username?: string
  passwordStdin: boolean
  /** `--cves` and its options (docs/cves.md); absent without `--cves` (the policy may still enable it). */
  cves?: CveFlags
  /** `--attest` with `--attest-key KEY` or `--keyless` (docs/attestations.md). */
  attest?: SigningFlags
}

const usage = `Usage: scapgate scan IMAGE... [options]

Scan a container image with OpenSCAP and gate on the result.

IMAGE
  docker-archive:PATH[:REF]   a tarball from \`docker save\` or \`podman save\`
  oci-archive:PATH[:REF]      a tar of an OCI image layout
  oci:DIR[:REF]               an OCI image layout directory
  docker-daemon:NAME[:TAG]    an image in the Docker daemon (DOCKER_HOST=unix://… honoured)
  podman:NAME[:TAG]           an image in podman's local store
  [docker://]REGISTRY/NAME[:TAG][@sha256:DIGEST]
                              an image in a registry (\`alpine\` means docker.io/library/alpine:latest)

Options
  --content DS.xml            SCAP data stream (default: chosen from the image's /etc/os-release)
  --profile ID|SHORT          XCCDF profile id or short name (default: standard)
  --tailoring FILE            XCCDF tailoring file
  --dockerfile PATH           Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --out DIR                   output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                              lowest severity of a failing rule that fails the gate (default: medium)
  --platform os/arch[/variant]
                              platform to pick from a multi-platform index (default: linux/amd64)
  --timeout SECONDS           oscap time limit (default: 1800)
  --verbose                   debug output
  --quiet                     errors and the verdict only

Known vulnerabilities (docs/cves.md)
  --cves                      also scan for CVEs with the distribution's OVAL feed (or the
                              policy's \`cves: {enabled: true}\`; these flags win over its values)
  --feed FILE|URL             use this OVAL feed (.xml or .xml.bz2) instead of the distribution's
  --feed-cache DIR            keep downloaded feeds here, by content; revalidated on each run
  --max-feed-age DAYS         warn when the feed is older (default 7; \`36h\` works too;
                              the policy's \`stale-feed: fail\` fails instead)
  --cve-fail-on critical|high|medium|low|never
                              lowest CVE severity that fails the gate (default: high)
  --ignore-unfixed            CVEs without a fixed version do not gate

Signed attestations (docs/attestations.md)
  --attest                    sign the verdict (PASSED, WARNED or FAILED) as an in-toto
                              attestation on the scanned digest: attestation.sigstore.json in
                              --out (with --cves also attestation-vulns.sigstore.json), attached
                              to the image when it came from a registry
  --attest-key PEM|env://VAR  ECDSA P-256 private key: cosign's (cosign generate-key-pair) or
                              PKCS#8 PEM, passphrase from COSIGN_PASSWORD; a file or a variable
  --keyless                   sign keyless instead: Fulcio certificate for the CI's OIDC identity
                              (GitHub id-token: write; GitLab SIGSTORE_ID_TOKEN), Rekor entry
  --fulcio-url URL            with --keyless (default https://fulcio.sigstore.dev)
  --rekor-url URL             with --keyless (default https://rekor.sigstore.dev)

Policy and many images (docs/policy.md)
  --policy FILE               policy file (default: ./scapgate.yml if it exists)
  --baseline FILE|DIR         earlier results.json, ARF or \`scapgate baseline\` file (a directory
                              of <image-slug>.json with several images)
  --mode absolute|ratchet     ratchet: fail only on changes against the baseline
  --images FILE               more images, one per line
  --concurrency N             images scanned at once (default: number of cores)
  --no-cache                  do not reuse or store results in the result cache
  With several images each gets --out/<image-slug>/, plus one summary.md in --out.
  The result cache lives in --cache-dir/results (default $XDG_CACHE_HOME/scapgate or
  ~/.cache/scapgate).

Registry options
  --ca-file PEM               extra CA certificates for registry TLS
  --insecure-registry HOST[:PORT]
                              talk plain http to this registry (repeatable)
  --cache-dir DIR             content-addressed blob cache reused across scans
  --username NAME             registry username (the password comes from --password-stdin)
  --password-stdin            read the registry password from stdin
  Credentials otherwise come from SCAPGATE_REGISTRY_USERNAME/SCAPGATE_REGISTRY_PASSWORD,
  REGISTRY_AUTH_FILE, or $DOCKER_CONFIG/config.json (default ~/.docker/config.json: auths,
  credHelpers, credsStore). SCAPGATE_CACHE_DIR sets a default --cache-dir.
`

export function parseScan(argv: readonly string[]): ScanCommand {
  const {values, positionals} = parseFlags(argv, {
    content: {type: 'string'},
    profile: {type: 'string'},
    tailoring: {type: 'string'},
    dockerfile: {type: 'string'},
    out: {type: 'string'},
    'fail-on': {type: 'string'},
    platform: {type: 'string'},
    timeout: {type: 'string'},
    verbose: {type: 'boolean'},
    quiet: {type: 'boolean'},
    'ca-file': {type: 'string'},
    'insecure-registry': {type: 'string', multiple: true},
    'cache-dir': {type: 'string'},
    username: {type: 'string'},
    'password-stdin': {type: 'boolean'},
    policy: {type: 'string'},
    baseline: {type: 'string'},
    mode: {type: 'string'},
    images: {type: 'string'},
    concurrency: {type: 'string'},
    'no-cache': {type: 'boolean'},
    cves: {type: 'boolean'},
    feed: {type: 'string'},
    'feed-cache': {type: 'string'},
    'max-feed-age': {type: 'string'},
    'cve-fail-on': {type: 'string'},
    'ignore-unfixed': {type: 'boolean'},
    attest: {type: 'boolean'},
    'attest-key': {type: 'string'},
    keyless: {type: 'boolean'},
    'fulcio-url': {type: 'string'},
    'rekor-url': {type: 'string'}
  })
  const cves = parseCveFlags(values)
  if (positionals.length === 0 && values.images === undefined) {
    throw new UsageError('Expected an IMAGE argument after `scan`, got nothing')
  }
  rejectEmpty(values, ['policy', 'baseline', 'images'])
  const concurrencyText = values.concurrency
  if (
    concurrencyText !== undefined &&
    (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1)
  ) {
    throw new UsageError(
      `Expected \`--concurrency\` to be a whole number ≥ 1, got \`${concurrencyText}\``
    )
  }
  const gate: ScanCommand['gate'] = {
    imagesFile: values.images,
    policy: values.policy,
    baseline: values.baseline,
    ...(values.mode === undefined ? {} : {mode: oneOf('--mode', values.mode, policyModes)}),
    // The result cache keys on the image, not on the feed: a CVE scan is never served from it.
    noCache: values['no-cache'] === true || cves?.enabled === true,
    ...(concurrencyText === undefined ? {} : {concurrency: Number(concurrencyText)}),
    ...(values['fail-on'] === undefined
      ? {}
      : {failOnGiven: oneOf('--fail-on', values['fail-on'], failOnValues)})
  }
  rejectEmpty(values, ['content', 'profile', 'tailoring', 'dockerfile', 'out', 'platform'])
  rejectEmpty(values, ['ca-file', 'cache-dir', 'username', 'attest-key', 'fulcio-url', 'rekor-url'])
  const signing: SigningFlags = {
    ...(values['attest-key'] === undefined ? {} : {key: values['attest-key']}),
    keyless: values.keyless === true,
    ...(values['fulcio-url'] === undefined ? {} : {fulcioUrl: values['fulcio-url']}),
    ...(values['rekor-url'] === undefined ? {} : {rekorUrl: values['rekor-url']})
  }
  if (values.attest === true) checkSigningFlags(signing, '--attest-key')
  else if (
    signing.key !== undefined ||
    signing.keyless ||
    values['fulcio-url'] !== undefined ||
    values['rekor-url'] !== undefined
  )
    throw new UsageError(
      'Expected `--attest-key`, `--keyless`, `--fulcio-url` and `--rekor-url` only with `--attest`'
    )
  const failOn = oneOf('--fail-on', values['fail-on'] ?? 'medium', failOnValues)
  const timeoutText = values.timeout ?? '1800'
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1) {
    throw new UsageError(
      `Expected \`--timeout\` to be a whole number of seconds ≥ 1, got \`${timeoutText}\``
    )
  }
  return {
    image: positionals[0] ?? '',
    images: positionals,
    gate,
    content: values.content,
    profile: values.profile,
    tailoring: values.tailoring,
    dockerfile: values.dockerfile,
    out: values.out ?? 'scapgate-out',
    failOn,
    platform: values.platform,
    timeoutSeconds: Number(timeoutText),
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    caFile: values['ca-file'],
    insecureRegistries: values['insecure-registry'] ?? [],
    cacheDir: values['cache-dir'],
    username: values.username,
    passwordStdin: values['password-stdin'] === true,
    ...(cves === undefined ? {} : {cves}),
    ...(values.attest === true ? {attest: signing} : {})
  }
}

function parseCveFlags(values: {
  cves?: boolean
  feed?: string
  'feed-cache'?: string
  'max-feed-age'?: string
  'cve-fail-on'?: string
  'ignore-unfixed'?: boolean
}): CveFlags | undefined {
  const given = ['feed', 'feed-cache', 'max-feed-age', 'cve-fail-on', 'ignore-unfixed'] as const
  // Without --cves the options still count when the policy enables CVE scanning (checked per scan).
  if (values.cves !== true && given.every(flag => values[flag] === undefined)) return undefined
  rejectEmpty(values, ['feed', 'feed-cache'])
  return {
    ...(values.feed === undefined ? {} : {feed: values.feed}),
    ...(values['feed-cache'] === undefined ? {} : {feedCache: values['feed-cache']}),
    enabled: values.cves === true,
    // Only what was given: the rest comes from the policy's `cves:`, then the defaults.
    policy: {
      ...(values['cve-fail-on'] === undefined
        ? {}
        : {failOn: oneOf('--cve-fail-on', values['cve-fail-on'], cveFailOnValues)}),
      ...(values['ignore-unfixed'] === true ? {ignoreUnfixed: true} : {}),
      ...(values['max-feed-age'] === undefined
        ? {}
        : {maxFeedAgeDays: parseFeedAge(values['max-feed-age'], '`--max-feed-age`')})
    }
  }
}

/** The first line of stdin, as `docker login --password-stdin` reads it. Never echoed. */
async function readPasswordStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8')
    if (text.length > 64 * 1024) break
  }
  const password = text.replace(/\r?\n$/, '')
  if (password === '')
    throw new ConfigurationError('Expected a password on stdin for `--password-stdin`, got nothing')
  return password
}

/** `scapgate scan`: runs the core scan and turns its verdict (a value) into an exit code. */
export async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  })
  const progress = createProgress(io.stderr, command.quiet)
  try {
    if (command.caFile !== undefined) {
      // Checked here, before any image is opened: a FIFO would block the registry client.
      await checkUserFile({
        path: resolve(io.cwd, command.caFile),
        display: command.caFile,
        kind: 'caFile',
        origin: 'command-line',
        workspace: io.cwd
      })
    }
    const sources = sourceSettings(
      {
        caFile: command.caFile === undefined ? undefined : resolve(io.cwd, command.caFile),
        insecureRegistries: command.insecureRegistries,
        cacheDir: command.cacheDir === undefined ? undefined : resolve(io.cwd, command.cacheDir),
        username: command.username,
        password: command.passwordStdin ? await readPasswordStdin() : undefined
      },
      io.env
    )
    const outDir = resolve(io.cwd, command.out)
    await checkOutDir(outDir, command.out)
    // The key is read before any image is opened: a wrong key or passphrase costs no scan.
    const attest =
      command.attest === undefined
        ? undefined
        : {
            key: await signingFrom(command.attest, io),
            ...(ciRunUrl(io.env) === undefined ? {} : {runUrl: ciRunUrl(io.env)})
          }
    const base = {
      ...sources,
      contentPath: command.content === undefined ? undefined : resolve(io.cwd, command.content),
      profile: command.profile,
      tailoringPath:
        command.tailoring === undefined ? undefined : resolve(io.cwd, command.tailoring),
      outDir,
      failOn: command.failOn,
      platform: command.platform === undefined ? undefined : parsePlatform(command.platform),
      timeoutMs: command.timeoutSeconds * 1000,
      environment: loadEnvironment(io.env),
      dockerfile: await dockerfileFlag(command.dockerfile, io.cwd),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal,
      ...(attest === undefined ? {} : {attest}),
      ...(command.cves === undefined
        ? {}
        : {
            cves: {
              ...command.cves,
              ...(command.cves.feed === undefined || /^https?:\/\//i.test(command.cves.feed)
                ? {}
                : {feed: resolve(io.cwd, command.cves.feed)}),
              ...(command.cves.feedCache === undefined
                ? {}
                : {feedCache: resolve(io.cwd, command.cves.feedCache)})
            }
          })
    }
    const flags = {
      ...command.gate,
      images: command.images,
      quiet: command.quiet,
      cacheDir: command.cacheDir
    }
    return await runGatedScan(flags, base, io, () => progress.finish())
  } catch (error) {
    progress.finish()
    const code = exitCodeForError(error)
    const kind =
      code === ExitCode.Usage
        ? error instanceof ConfigurationError
          ? 'configuration error'
          : 'usage error'
        : code === ExitCode.Interrupted
          ? 'interrupted'
          : 'the scan could not complete'
    io.stderr.write(`scapgate: ${kind}: ${getErrorMessage(error)}\n`)
    if (command.verbose && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`)
    }
    return code
  }
}

export const scanCommandSpec: CommandSpec<ScanCommand> = {
  name: 'scan',
  summary: 'scan an image and gate on the result',
  usage,
  parse: parseScan,
  run: runScan
}
