/**
 * Oracles to compare scapgate against, both running the real oscap:
 * - {@link referenceScan}: the image unpacked by umoci and scanned the way docs/reference/openscap.md §0 says is
 *   correct (overlay, `/.dockerenv`, the APT_CONFIG workaround, OSCAP_CONTAINER_VARS);
 * - {@link oscapPodmanScan}: the stock `oscap-podman` wrapper, which on a host with the
 *   docker-clean apt config gets dpkg rules wrong (docs/reference/openscap.md §5).
 *
 * Rule results are read with a regex over the ARF on purpose: the oracle must not share code (or
 * bugs) with scapgate's ARF parser.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const recipe = fileURLToPath(new URL('reference-oscap.sh', import.meta.url))

export const debian11Content = '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml'

/** XCCDF rule id (`xccdf_org.ssgproject.content_rule_…`) → result (`pass`, `fail`, …). */
export type RuleResults = Map<string, string>

export interface ScanOptions {
  /** Profile id or its suffix (`standard`). */
  profile: string
  /** Data stream; default the SSG debian11 one. */
  content?: string
}

export interface OracleScan {
  results: RuleResults
  exitCode: number
  stderr: string
  /** Wall-clock seconds of the oscap run alone (without unpacking). */
  seconds: number
}

/** What the reference needs from an image; {@link DebianImage} has it. */
export interface OciLayoutImage {
  ociDir: string
  ociTag: string
  /** Written into the results as the evaluation target. */
  manifestDigest?: string
}

/** Results of oscap on the image root scanned correctly. */
export async function referenceScan(
  image: OciLayoutImage,
  options: ScanOptions
): Promise<RuleResults> {
  return (await referenceScanDetailed(image, options)).results
}

/**
 * {@link referenceScan} with oscap's exit code, stderr and timing. Throws when oscap failed or
 * printed `dpkginfo_init has failed`: a reference with broken package checks is worthless.
 */
export async function referenceScanDetailed(
  image: OciLayoutImage,
  options: ScanOptions
): Promise<OracleScan> {
  const work = await mkdtemp(join(tmpdir(), 'scapgate-reference-'))
  try {
    await run('umoci', [
      'raw',
      'unpack',
      '--image',
      `${image.ociDir}:${image.ociTag}`,
      join(work, 'rootfs')
    ])
    const env = await readLayoutEnv(image.ociDir, image.ociTag)
    const arf = join(work, 'results.arf.xml')
    const started = performance.now()
    const {exitCode, stderr} = await run(
      'bash',
      [recipe, join(work, 'rootfs'), ...evalArgs(options, arf)],
      {
        TARGET: `oci:${image.ociDir}:${image.ociTag}${image.manifestDigest === undefined ? '' : `@${image.manifestDigest}`}`,
        IMAGE_ENV: env.join('\n')
      },
      [0, 2]
    )
    const seconds = (performance.now() - started) / 1000
    if (stderr.includes('dpkginfo_init has failed')) {
      throw new Error(
        `Reference scan of ${image.ociDir} hit the dpkginfo bug despite APT_CONFIG:\n${stderr}`
      )
    }
    return {results: parseRuleResults(await readFile(arf, 'utf8')), exitCode, stderr, seconds}
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

/** Results of the stock `oscap-podman` on a podman image (as root, APT_CONFIG unset). */
export async function oscapPodmanScan(
  imageName: string,
  options: ScanOptions
): Promise<RuleResults> {
  return (await oscapPodmanScanDetailed(imageName, options)).results
}

export async function oscapPodmanScanDetailed(
  imageName: string,
  options: ScanOptions
): Promise<OracleScan> {
  const work = await mkdtemp(join(tmpdir(), 'scapgate-oscap-podman-'))
  try {
    const arf = join(work, 'results.arf.xml')
    const started = performance.now()
    // oscap-podman removes its container itself (`podman rm -f`), also when oscap fails
    const {exitCode, stderr} = await run(
      'oscap-podman',
      [imageName, ...evalArgs(options, arf)],
      {APT_CONFIG: undefined},
      [0, 2]
    )
    const seconds = (performance.now() - started) / 1000
    return {results: parseRuleResults(await readFile(arf, 'utf8')), exitCode, stderr, seconds}
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

function evalArgs(options: ScanOptions, arf: string): string[] {
  return [
    'xccdf',
    'eval',
    '--profile',
    options.profile,
    '--results-arf',
    arf,
    options.content ?? debian11Content
  ]
}

/** `<rule-result idref="X" …> … <result>Y</result>` → X → Y. One result per rule is expected. */
export function parseRuleResults(arf: string): RuleResults {
  const results: RuleResults = new Map()
  const pattern =
    /<(?:[\w-]+:)?rule-result\b[^>]*?\bidref="([^"]+)"[^>]*>(?:(?!<\/(?:[\w-]+:)?rule-result>)[\s\S])*?<(?:[\w-]+:)?result>\s*([a-z]+)\s*</g
  for (const [, idref, result] of arf.matchAll(pattern)) {
    if (idref === undefined || result === undefined) continue
    if (results.has(idref))
      throw new Error(`Rule ${idref} has more than one rule-result (multi-check?)`)
    results.set(idref, result)
  }
  if (results.size === 0) throw new Error('Expected rule-result elements in the ARF, found none')
  return results
}

async function readLayoutEnv(ociDir: string, tag: string): Promise<string[]> {
  const readJson = async (path: string): Promise<unknown> =>
    JSON.parse(await readFile(path, 'utf8'))
  const blob = (digest: string): string => join(ociDir, 'blobs', ...digest.split(':'))
  const index = (await readJson(join(ociDir, 'index.json'))) as {
    manifests?: {digest: string; annotations?: Record<string, string>}[]
  }
  const entry = index.manifests?.find(
    m => m.annotations?.['org.opencontainers.image.ref.name'] === tag
  )
  if (entry === undefined)
    throw new Error(`Expected tag ${tag} in ${ociDir}/index.json, found none`)
  const manifest = (await readJson(blob(entry.digest))) as {config?: {digest: string}}
  if (manifest.config === undefined)
    throw new Error(`Manifest ${entry.digest} in ${ociDir} has no config`)
  const config = (await readJson(blob(manifest.config.digest))) as {config?: {Env?: unknown}}
  const env = config.config?.Env ?? []
  if (!Array.isArray(env) || !env.every(item => typeof item === 'string')) {
    throw new Error(`Expected config.Env of ${tag} in ${ociDir} to be a string array`)
  }
  return env
}

function run(
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  okExitCodes: number[] = [0]
): Promise<{exitCode: number; stdout: string; stderr: string}> {
  return new Promise((done, fail) => {
    // undefined unsets a variable (APT_CONFIG for oscap-podman)
    const merged = Object.fromEntries(
      Object.entries({...process.env, ...env}).filter(([, value]) => value !== undefined)
    )
    execFile(
      command,
      args,
      {env: merged, maxBuffer: 256 * 1024 * 1024},
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        if (okExitCodes.includes(exitCode)) return done({exitCode, stdout, stderr})
        fail(
          new Error(
            `${command} ${args.join(' ')} exited with ${error?.code ?? error?.signal}:\n${stderr.slice(-4000)}`
          )
        )
      }
    )
  })
}
