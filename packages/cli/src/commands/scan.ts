import {resolve} from 'node:path'
import {
  absolutePaths,
  checkOutDir,
  checkUserFile,
  ConfigurationError,
  firstGiven,
  getErrorMessage,
  loadEnvironment,
  optionDefault,
  optionsFromEnvironment,
  optionsFromFlags,
  optionTable,
  parsePlatform,
  sourceSettings,
  gitlabBlobBase,
  type Given,
  type ScanImagesOptions,
  type SourceLinks
} from '@scapgate/core'
import {runGatedScan} from '../gate-run.js'
import {
  checkDockerfile,
  implicitDockerfile,
  parseFlags,
  type CliIo,
  type CommandSpec
} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {scanAttestSettings} from '../attest-signing.js'
import {gitlabRegistryCredentials} from '../gitlab/registry-credentials.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {createProgress} from '../progress.js'
import {scapgateVersion} from '../version.js'

export interface ScanCommand {
  /** Every IMAGE argument; `--images FILE` (or `SCAPGATE_IMAGE`, `SCAPGATE_IMAGES_FILE`) adds more. */
  images: string[]
  /** The options given as flags, parsed through the option table; paths as written. */
  flags: Given
  verbose: boolean
  quiet: boolean
  passwordStdin: boolean
}

/** The table's default of an option, for the usage text (docs/options.md has them all). */
const d = (key: Parameters<typeof optionDefault>[0]): string => String(optionDefault(key))

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
  --out DIR                   output directory (default: ./${d('out')})
  --fail-on low|medium|high|never
                              lowest severity of a failing rule that fails the gate (default: ${d('failOn')})
  --platform os/arch[/variant]
                              platform to pick from a multi-platform index (default: linux/amd64)
  --timeout SECONDS           oscap time limit (default: ${d('timeout')})
  --verbose                   debug output
  --quiet                     errors and the verdict only

Known vulnerabilities (docs/cves.md)
  --cves                      also scan for CVEs with the distribution's OVAL feed (or the
                              policy's \`cves: {enabled: true}\`; these flags win over its values)
  --feed FILE|URL             use this OVAL feed (.xml or .xml.bz2) instead of the distribution's
  --feed-cache DIR            keep downloaded feeds here, by content; revalidated on each run
  --max-feed-age DAYS         warn when the feed is older (default ${d('maxFeedAge')}; \`36h\` works too;
                              the policy's \`stale-feed: fail\` fails instead)
  --cve-fail-on critical|high|medium|low|never
                              lowest CVE severity that fails the gate (default: ${d('cveFailOn')})
  --ignore-unfixed            CVEs without a fixed version do not gate

Signed attestations (docs/attestations.md)
  --attest                    sign the verdict (PASSED, WARNED or FAILED) as an in-toto
                              attestation on the scanned digest: attestation.sigstore.json in
                              --out (with --cves also attestation-vulns.sigstore.json), attached
                              to the image when it came from a registry
  --attest-key FILE|env://NAME|$NAME
                              ECDSA P-256 private key: cosign's (cosign generate-key-pair) or
                              PKCS#8 PEM, passphrase from COSIGN_PASSWORD; a file, a variable
                              holding the key, or ($NAME) a variable holding the key or its file
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

The reviewer's view (docs/trend.md)
  --history FILE|DIR          continue this score history (a directory of <image-slug>.json with
                              several images; a missing file starts one) and write history.json
  --link-base URL             blob URL of the repository root at the commit under review; links
                              Dockerfile:3 to URL/Dockerfile#L3 (in GitLab CI by default
                              $CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA/)
  --commit SHA                the commit recorded in the history and in results.json's
                              gate.provenance (default: $CI_COMMIT_SHA, $GIT_COMMIT; the
                              provenance also takes $GITHUB_SHA)
  With several images each gets --out/<image-slug>/, plus one summary.md in --out.
  The result cache lives in --cache-dir/results (default $XDG_CACHE_HOME/scapgate or
  ~/.cache/scapgate).

Variables
  Every option above and below can be set by its SCAPGATE_* variable instead (SCAPGATE_FAIL_ON,
  SCAPGATE_CVES=true …; docs/options.md); a flag wins over its variable, the variable over the
  policy. Without an IMAGE argument SCAPGATE_IMAGE is scanned.

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

const scanFlags = {
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
  'rekor-url': {type: 'string'},
  history: {type: 'string'},
  'link-base': {type: 'string'},
  commit: {type: 'string'}
} as const

/**
 * Parses the flags through the option table (`optionsFromFlags`); the `SCAPGATE_*` variables are
 * read when the command runs, under the flags. `env` only tells whether `SCAPGATE_IMAGE` or
 * `SCAPGATE_IMAGES_FILE` stands in for a missing IMAGE argument.
 */
export function parseScan(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {}
): ScanCommand {
  const {values, positionals} = parseFlags(argv, scanFlags)
  let flags: Given
  try {
    flags = optionsFromFlags(values)
  } catch (error) {
    throw new UsageError(getErrorMessage(error))
  }
  const fromEnv = [optionTable.image.env, optionTable.imagesFile.env].some(
    name => name !== undefined && (env[name] ?? '').trim() !== ''
  )
  if (positionals.length === 0 && flags.values.imagesFile === undefined && !fromEnv) {
    throw new UsageError('Expected an IMAGE argument after `scan`, got nothing')
  }
  return {
    images: positionals,
    flags,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    passwordStdin: values['password-stdin'] === true
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

/**
 * The reviewer's view (docs/trend.md): `--history`/SCAPGATE_HISTORY, `--link-base`/
 * SCAPGATE_LINK_BASE, else GitLab's CI_PROJECT_URL at the commit; `--commit`/SCAPGATE_COMMIT, else
 * CI_COMMIT_SHA or Jenkins' GIT_COMMIT. A CI variable that is not a commit id is ignored rather
 * than trusted.
 */
export function reviewOptions(
  g: Given['values'],
  io: CliIo
): {review?: {links?: SourceLinks; history?: {path: string; commit?: string}}} {
  const env = (name: string): string | undefined => {
    const value = io.env[name]?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  const commit =
    g.commit ??
    [env('CI_COMMIT_SHA'), env('GIT_COMMIT')].find(c => c !== undefined && isCommitId(c))
  const projectUrl = env('CI_PROJECT_URL')
  const linkBase =
    g.linkBase ??
    (projectUrl !== undefined && env('CI_COMMIT_SHA') !== undefined && commit !== undefined
      ? gitlabBlobBase(projectUrl, commit)
      : undefined)
  const links =
    linkBase !== undefined && /^https?:\/\/\S+$/i.test(linkBase) ? {blobBase: linkBase} : undefined
  const history = g.history
  if (links === undefined && history === undefined) return {}
  return {
    review: {
      ...(links === undefined ? {} : {links}),
      ...(history === undefined
        ? {}
        : {history: {path: history, ...(commit === undefined ? {} : {commit})}})
    }
  }
}

const isCommitId = (text: string): boolean => /^[0-9a-f]{4,64}$/i.test(text)

/** `scapgate scan`: runs the core scan and turns its verdict (a value) into an exit code. */
export async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  })
  const progress = createProgress(io.stderr, command.quiet)
  try {
    // Flags over SCAPGATE_* variables (docs/options.md); the policy and the defaults come later.
    const written = firstGiven(command.flags, optionsFromEnvironment(io.env))
    const given = absolutePaths(written, io.cwd)
    const g = given.values
    if (g.caFile !== undefined) {
      // Checked here, before any image is opened: a FIFO would block the registry client.
      await checkUserFile({
        path: g.caFile,
        display: written.values.caFile ?? g.caFile,
        kind: 'caFile',
        origin: 'command-line',
        workspace: io.cwd
      })
    }
    const images = command.images.length > 0 || g.image === undefined ? command.images : [g.image]
    const gitlab = gitlabRegistryCredentials(
      io.env,
      g.imagesFile === undefined ? images : [],
      g.username
    )
    const sources = sourceSettings(
      {
        caFile: g.caFile,
        insecureRegistries: g.insecureRegistries ?? [],
        cacheDir: g.cacheDir,
        username: g.username ?? gitlab?.username,
        password: command.passwordStdin ? await readPasswordStdin() : gitlab?.password
      },
      io.env
    )
    const out = written.values.out ?? optionDefault('out')
    const outDir = resolve(io.cwd, out)
    await checkOutDir(outDir, out)
    const dockerfile = written.values.dockerfile
    if (dockerfile !== undefined) await checkDockerfile(dockerfile, io.cwd)
    // The key is read before any image is opened: a wrong key or passphrase costs no scan.
    const attest = await scanAttestSettings(given, io)
    const base: Omit<ScanImagesOptions, 'images' | 'policy' | 'cacheDir' | 'concurrency' | 'now'> =
      {
        ...sources,
        given,
        // Last of all: a policy section's `dockerfile` wins over it (docs/policy.md).
        ...(dockerfile === undefined ? await implicitDockerfile(io.cwd) : {}),
        outDir,
        platform: g.platform === undefined ? undefined : parsePlatform(g.platform),
        timeoutMs: (g.timeout ?? optionDefault('timeout')) * 1000,
        environment: loadEnvironment(io.env),
        cwd: io.cwd,
        toolVersion: scapgateVersion,
        logger,
        progress,
        signal: io.signal,
        ...reviewOptions(g, io),
        ...(attest === undefined ? {} : {attest})
      }
    const flags = {
      images,
      ...(g.imagesFile === undefined
        ? {}
        : {imagesFile: {path: g.imagesFile, display: written.values.imagesFile ?? g.imagesFile}}),
      ...(g.policy === undefined ? {} : {policy: g.policy}),
      // scanImages never serves a CVE scan from the result cache (it keys on the image, not on the
      // feed), but the cache directory still records the verdict inputs for `scapgate rejudge`.
      noCache: g.noCache === true,
      ...(g.cacheDir === undefined ? {} : {cacheDir: g.cacheDir}),
      ...(g.concurrency === undefined ? {} : {concurrency: g.concurrency}),
      quiet: command.quiet
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
