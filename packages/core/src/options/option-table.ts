/**
 * THE option table: every setting of a scan, once, with each name it goes by — command-line flag,
 * `SCAPGATE_*` variable, GitHub action input, GitLab component input, Jenkins step parameter,
 * policy key — its parser, its default and its documentation. The resolver (`resolve-options.ts`)
 * applies the precedence; the CLI reads flags and variables through it; the adapters take their
 * input names from it; docs/options.md is checked against it (test/options/option-table.test.ts).
 *
 * A literal default lives here and nowhere else. To add an option: add a row, read it in the
 * resolver (or the CLI, for run-level settings), declare the adapter inputs the row names, and
 * regenerate docs/options.md (`npm run docs:options`). The drift test then tells what is missing.
 */
import {actionModes, cveFailOnValues, failOnValues, policyModes} from './option-values.js'
import {
  booleanValue,
  boundedNumberValue,
  commitValue,
  enumValue,
  feedAgeValue,
  linesValue,
  listValue,
  secretReferenceValue,
  textValue,
  httpUrlValue,
  wholeNumberValue,
  type ValueParser
} from './value-parsers.js'

export {cveFailOnValues}

export interface OptionSpec<T> {
  /** `--name`; `IMAGE` for the positional argument. Absent: not a flag. */
  flag?: string
  /** A flag without a value (`--cves`); its variable then takes true|false. */
  switch?: true
  /** The flag may be repeated (`--insecure-registry`); a variable lists values by line or comma. */
  multiple?: true
  /** The variable the CLI reads when the flag is not given. */
  env?: string
  /** action.yml input (`fail-on`). */
  action?: string
  /** gitlab/templates/scan.yml `spec:inputs` (`fail_on`). */
  gitlab?: string
  /** jenkins/vars/scapgateScan.groovy parameter (`failOn`). */
  jenkins?: string
  /** The policy key, dotted (`thresholds.fail-on`); see docs/policy.md. */
  policy?: string
  parse: ValueParser<T>
  /** A path: the CLI resolves it against its working directory, the action against the workspace. */
  path?: true
  /**
   * Its variable's `$NAME` references are expanded once (`options/option-variables.ts`): the
   * GitLab component passes inputs unexpanded, as data, and `image: $CI_REGISTRY_IMAGE:$CI_COMMIT_SHA`
   * must still work.
   */
  expandsReferences?: true
  /** A path or an http(s) URL (kept as given). */
  pathOrUrl?: true
  /** The closed set, when there is one (for docs and the adapters' own checks). */
  values?: readonly string[]
  /** The default applied after every other source; absent when it is computed (see `defaultText`). */
  default?: NoInfer<T>
  /** The default as the docs state it. */
  defaultText: string
  doc: string
}

const spec = <T>(s: OptionSpec<T>): OptionSpec<T> => s

export const optionTable = {
  image: spec({
    flag: 'IMAGE',
    env: 'SCAPGATE_IMAGE',
    action: 'image',
    gitlab: 'image',
    jenkins: 'image',
    expandsReferences: true,
    parse: textValue,
    defaultText: 'none (required)',
    doc: 'Image to scan: `docker-archive:PATH`, `oci-archive:PATH`, `oci:DIR`, `docker-daemon:NAME`, `podman:NAME` or a registry reference.'
  }),
  imagesFile: spec({
    flag: '--images',
    env: 'SCAPGATE_IMAGES_FILE',
    path: true,
    parse: textValue,
    defaultText: 'none',
    doc: 'A file naming more images, one per line (`#` comments). The action takes the list itself in its `images` input.'
  }),
  dockerfile: spec({
    flag: '--dockerfile',
    env: 'SCAPGATE_DOCKERFILE',
    action: 'dockerfile',
    gitlab: 'dockerfile',
    jenkins: 'dockerfile',
    policy: 'images[].dockerfile',
    path: true,
    expandsReferences: true,
    parse: textValue,
    defaultText: '`./Dockerfile` when it exists (the last default: a policy section wins over it)',
    doc: 'Dockerfile that findings point at.'
  }),
  content: spec({
    flag: '--content',
    env: 'SCAPGATE_CONTENT',
    action: 'content',
    gitlab: 'content',
    jenkins: 'content',
    policy: 'images[].content',
    path: true,
    expandsReferences: true,
    parse: textValue,
    defaultText: "chosen from the image's /etc/os-release",
    doc: 'SCAP source data stream.'
  }),
  profile: spec({
    flag: '--profile',
    env: 'SCAPGATE_PROFILE',
    action: 'profile',
    gitlab: 'profile',
    jenkins: 'profile',
    policy: 'images[].profile',
    parse: textValue,
    defaultText: '`standard`',
    doc: 'XCCDF profile id or short name.'
  }),
  tailoring: spec({
    flag: '--tailoring',
    env: 'SCAPGATE_TAILORING',
    action: 'tailoring',
    gitlab: 'tailoring',
    jenkins: 'tailoring',
    policy: 'images[].tailoring',
    path: true,
    expandsReferences: true,
    parse: textValue,
    defaultText: 'none',
    doc: 'XCCDF tailoring file.'
  }),
  policy: spec({
    flag: '--policy',
    env: 'SCAPGATE_POLICY',
    action: 'policy',
    gitlab: 'policy',
    jenkins: 'policy',
    expandsReferences: true,
    parse: textValue,
    defaultText: '`./scapgate.yml` when it exists',
    doc: 'Policy file: thresholds, waivers, per-image settings (docs/policy.md).'
  }),
  baseline: spec({
    flag: '--baseline',
    env: 'SCAPGATE_BASELINE',
    action: 'baseline',
    gitlab: 'baseline',
    jenkins: 'baseline',
    policy: 'baseline',
    path: true,
    expandsReferences: true,
    parse: textValue,
    defaultText: 'none (the action: `auto`)',
    doc: 'Earlier results.json, ARF or `scapgate baseline` file (a directory of `<image-slug>.json` with several images). The action also takes `auto` and `none`.'
  }),
  mode: spec({
    flag: '--mode',
    env: 'SCAPGATE_MODE',
    gitlab: 'mode',
    jenkins: 'mode',
    policy: 'mode',
    parse: enumValue(policyModes),
    values: policyModes,
    default: 'absolute',
    defaultText: '`absolute`',
    doc: '`ratchet` fails only on changes against the baseline. The action derives it from `baseline`.'
  }),
  failOn: spec({
    flag: '--fail-on',
    env: 'SCAPGATE_FAIL_ON',
    action: 'fail-on',
    gitlab: 'fail_on',
    jenkins: 'failOn',
    policy: 'thresholds.fail-on',
    parse: enumValue(failOnValues),
    values: failOnValues,
    default: 'medium',
    defaultText: '`medium`',
    doc: 'Lowest severity of a failing rule that fails the gate; `never` reports without gating.'
  }),
  cves: spec({
    flag: '--cves',
    switch: true,
    env: 'SCAPGATE_CVES',
    action: 'cves',
    gitlab: 'cves',
    jenkins: 'cves',
    policy: 'cves.enabled',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: "Also scan for known vulnerabilities with the distribution's OVAL feed (docs/cves.md)."
  }),
  feed: spec({
    flag: '--feed',
    env: 'SCAPGATE_FEED',
    action: 'feed',
    pathOrUrl: true,
    parse: textValue,
    defaultText: "the distribution's feed",
    doc: 'OVAL feed FILE (`.xml`, `.xml.bz2`) or http(s) URL. Needs CVE scanning on.'
  }),
  feedCache: spec({
    flag: '--feed-cache',
    env: 'SCAPGATE_FEED_CACHE',
    path: true,
    parse: textValue,
    defaultText: 'none',
    doc: 'Keep downloaded feeds here, by content. Needs CVE scanning on.'
  }),
  maxFeedAge: spec({
    flag: '--max-feed-age',
    env: 'SCAPGATE_MAX_FEED_AGE',
    policy: 'cves.max-feed-age',
    parse: feedAgeValue,
    default: 7,
    defaultText: '7 days',
    doc: 'Warn (or, with `cves.stale-feed: fail`, fail) when the feed is older: days or `36h`.'
  }),
  cveFailOn: spec({
    flag: '--cve-fail-on',
    env: 'SCAPGATE_CVE_FAIL_ON',
    action: 'cve-fail-on',
    gitlab: 'cve_fail_on',
    jenkins: 'cveFailOn',
    policy: 'cves.fail-on',
    parse: enumValue(cveFailOnValues),
    values: cveFailOnValues,
    default: 'high',
    defaultText: '`high`',
    doc: 'Lowest CVE severity that fails the gate. Needs CVE scanning on.'
  }),
  ignoreUnfixed: spec({
    flag: '--ignore-unfixed',
    switch: true,
    env: 'SCAPGATE_IGNORE_UNFIXED',
    action: 'ignore-unfixed',
    policy: 'cves.ignore-unfixed',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: 'CVEs without a fixed version are reported but do not gate. Needs CVE scanning on.'
  }),
  attest: spec({
    flag: '--attest',
    switch: true,
    env: 'SCAPGATE_ATTEST',
    action: 'attest',
    gitlab: 'attest',
    jenkins: 'attest',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: 'Sign the verdict (PASSED, WARNED or FAILED, also of a failed gate) as an in-toto attestation on the scanned image digest: `attestation.sigstore.json` in the outputs (with CVE scanning also `attestation-vulns.sigstore.json`), attached to an image pulled from a registry (docs/attestations.md). Needs a key or keyless signing.'
  }),
  attestKey: spec({
    flag: '--attest-key',
    env: 'SCAPGATE_ATTEST_KEY',
    action: 'attest-key',
    gitlab: 'attest_key',
    parse: secretReferenceValue,
    defaultText: 'none',
    doc: "The signing key, ECDSA P-256 in cosign's format or PKCS#8 PEM (an encrypted key's passphrase comes from `COSIGN_PASSWORD`): a file, `env://NAME` (a variable holding the key) or `$NAME` (a variable holding the key, or a file-type variable holding its path); never the key itself. The action's input takes the key itself, from a secret; the Jenkins step binds the file of its `attestKeyCredentialsId` credential here. Needs attestation on."
  }),
  keyless: spec({
    flag: '--keyless',
    switch: true,
    env: 'SCAPGATE_KEYLESS',
    gitlab: 'keyless',
    parse: booleanValue,
    default: false,
    defaultText: '`false` (the action: keyless when `attest-key` is empty)',
    doc: "Sign keyless instead of with a key: a Fulcio certificate for the CI's OIDC identity (GitHub: `permissions: id-token: write`; GitLab: `SIGSTORE_ID_TOKEN`, which the component requests) and a Rekor entry, which publishes that identity. Needs attestation on."
  }),
  fulcioUrl: spec({
    flag: '--fulcio-url',
    env: 'SCAPGATE_FULCIO_URL',
    parse: httpUrlValue,
    defaultText: '`https://fulcio.sigstore.dev`',
    doc: 'The Fulcio instance of keyless signing. Needs keyless signing.'
  }),
  rekorUrl: spec({
    flag: '--rekor-url',
    env: 'SCAPGATE_REKOR_URL',
    parse: httpUrlValue,
    defaultText: '`https://rekor.sigstore.dev`',
    doc: 'The Rekor instance of keyless signing. Needs keyless signing.'
  }),
  out: spec({
    flag: '--out',
    env: 'SCAPGATE_OUT',
    jenkins: 'outDir',
    path: true,
    parse: textValue,
    default: 'scapgate-out',
    defaultText: '`scapgate-out`',
    doc: 'Output directory.'
  }),
  platform: spec({
    flag: '--platform',
    env: 'SCAPGATE_PLATFORM',
    parse: textValue,
    defaultText: '`linux/amd64`',
    doc: 'Platform to pick from a multi-platform index: `os/arch[/variant]`.'
  }),
  timeout: spec({
    flag: '--timeout',
    env: 'SCAPGATE_TIMEOUT',
    parse: wholeNumberValue('seconds'),
    default: 1800,
    defaultText: '1800 seconds',
    doc: 'Time limit of each oscap run.'
  }),
  concurrency: spec({
    flag: '--concurrency',
    env: 'SCAPGATE_CONCURRENCY',
    parse: wholeNumberValue(),
    defaultText: 'the number of cores (the action: 1)',
    doc: 'Images scanned at once.'
  }),
  noCache: spec({
    flag: '--no-cache',
    switch: true,
    env: 'SCAPGATE_NO_CACHE',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: 'Do not reuse or store results in the result cache.'
  }),
  cacheDir: spec({
    flag: '--cache-dir',
    env: 'SCAPGATE_CACHE_DIR',
    path: true,
    parse: textValue,
    defaultText: '`$XDG_CACHE_HOME/scapgate` or `~/.cache/scapgate`',
    doc: 'Result cache (`results/`) and content-addressed registry blob cache.'
  }),
  caFile: spec({
    flag: '--ca-file',
    env: 'SCAPGATE_CA_FILE',
    path: true,
    parse: textValue,
    defaultText: 'none',
    doc: 'Extra CA certificates (PEM) for registry TLS.'
  }),
  insecureRegistries: spec({
    flag: '--insecure-registry',
    multiple: true,
    env: 'SCAPGATE_INSECURE_REGISTRIES',
    parse: listValue,
    defaultText: 'none',
    doc: 'Registries (`HOST[:PORT]`) spoken to over plain http; credentials are never sent there.'
  }),
  history: spec({
    flag: '--history',
    env: 'SCAPGATE_HISTORY',
    gitlab: 'history',
    path: true,
    expandsReferences: true,
    parse: textValue,
    defaultText: 'none (no trend)',
    doc: 'Continue this score history (a directory of `<image-slug>.json` with several images; a missing file starts one) and write `history.json` and `trend.svg` (docs/trend.md).'
  }),
  linkBase: spec({
    flag: '--link-base',
    env: 'SCAPGATE_LINK_BASE',
    jenkins: 'linkBase',
    parse: httpUrlValue,
    defaultText: 'in GitLab CI `$CI_PROJECT_URL/-/blob/$CI_COMMIT_SHA/`, else none',
    doc: 'Blob URL of the repository root at the commit under review: `Dockerfile:3` links to `URL/Dockerfile#L3`.'
  }),
  commit: spec({
    flag: '--commit',
    env: 'SCAPGATE_COMMIT',
    parse: commitValue,
    defaultText: '`$CI_COMMIT_SHA`, else `$GIT_COMMIT` (the provenance: also `$GITHUB_SHA`)',
    doc: "The commit recorded in the history and in results.json's `gate.provenance`, which `scapgate merge` compares across a fleet's jobs (docs/fleets.md)."
  }),
  username: spec({
    flag: '--username',
    env: 'SCAPGATE_REGISTRY_USERNAME',
    parse: textValue,
    defaultText: 'none',
    doc: 'Registry username; the password comes from `--password-stdin` or `SCAPGATE_REGISTRY_PASSWORD`.'
  }),
  // Fleets (docs/fleets.md): run-level options of `scapgate plan` / `scapgate merge` and of the
  // action's `mode: plan` / `mode: merge` jobs. `scapgate scan` ignores them.
  actionMode: spec({
    action: 'mode',
    parse: enumValue(actionModes),
    values: actionModes,
    default: 'scan',
    defaultText: '`scan`',
    doc: "The action's job: `scan` the images, `plan` a fleet (the `matrix` output, as `scapgate plan`) or `merge` its matrix jobs' output sets (as `scapgate merge`). Not the `--mode` above."
  }),
  fleet: spec({
    action: 'fleet',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: "A fleet's matrix job (`mode: scan`): no PR comment and no check run, the `mode: merge` job posts one for the fleet. SARIF and the artifact are uploaded as usual."
  }),
  shards: spec({
    flag: '--shards',
    env: 'SCAPGATE_SHARDS',
    action: 'shards',
    parse: boundedNumberValue(256),
    default: 4,
    defaultText: '4',
    doc: '`scapgate plan` (the action: `mode: plan`): number of shards (matrix jobs); never more than images.'
  }),
  results: spec({
    action: 'results',
    parse: linesValue,
    default: ['scapgate-results'],
    defaultText: '`scapgate-results`',
    doc: "The action's `mode: merge`: directories holding the matrix jobs' output sets (downloaded artifacts), one per line, relative to the workspace (`scapgate merge` takes them as DIR arguments)."
  }),
  allowMixed: spec({
    flag: '--allow-mixed',
    switch: true,
    env: 'SCAPGATE_ALLOW_MIXED',
    action: 'allow-mixed',
    parse: booleanValue,
    default: false,
    defaultText: '`false`',
    doc: '`scapgate merge` (the action: `mode: merge`): merge results from different commits or policies (refused by default).'
  })
} as const

export type OptionTable = typeof optionTable
export type OptionKey = keyof OptionTable
/** The parsed value of one option. */
export type OptionValue<K extends OptionKey> =
  OptionTable[K] extends OptionSpec<infer T> ? T : never
/** Options as one source gives them: only those it sets. */
export type GivenOptions = {-readonly [K in OptionKey]?: OptionValue<K>}

export const optionKeys = Object.keys(optionTable) as OptionKey[]

/** The default of an option, from the table (the one place literal defaults live). */
export function optionDefault<K extends OptionKey>(key: K): OptionValue<K> {
  const value = (optionTable[key] as OptionSpec<OptionValue<K>>).default
  if (value === undefined) throw new Error(`option ${key} has no literal default`)
  return value
}
