import type {GateVerdict} from '../gate/types.js'
import type {PreparedImage} from '../pipeline/prepare-root.js'
import type {OutputAmendments} from '../pipeline/render-outputs.js'
import type {ScanImageOptions} from '../pipeline/scan-image.js'
import {blameImagePackages, loadDockerfile} from '../blame/blame-image.js'
import {ConfigurationError} from '../errors.js'
import {sarifLocation} from '../pipeline/sarif-location.js'
import {preflightScanner} from '../scan/preflight.js'
import {evaluateCveGate} from './cve-gate.js'
import {cveSarif, cveSummaryMarkdown, failHeading, writeGitlabReport} from './cve-outputs.js'
import {defaultCvePolicy, type CvePolicy} from './cve-policy.js'
import {scanCves} from './scan-cves.js'
import type {CveScanReport} from './types.js'
import type {CveLocation} from './cve-outputs.js'
import {addToDetails} from '../report/summary-md.js'

/** What `scan --cves` (or the policy's `cves.enabled`) asks for. */
export interface CveScanSettings {
  /** `--feed FILE|URL`; chosen from the image's OS when absent. */
  feed?: string
  /** `--feed-cache DIR`. */
  feedCache?: string
  policy: CvePolicy
  /** Injected for tests. */
  fetch?: typeof fetch
  now?: Date
}

/** What the command line says about CVEs; a value given here wins over the policy's `cves:`. */
export interface CveFlags {
  /** `--cves`; without it the other options need the policy's `cves: {enabled: true}`. */
  enabled: boolean
  feed?: string
  feedCache?: string
  /** Only the options actually given (`--cve-fail-on`, `--ignore-unfixed`, `--max-feed-age`). */
  policy: Partial<CvePolicy>
  fetch?: typeof fetch
}

/**
 * The CVE settings of a scan: defaults, then the policy's `cves:` section, then the flags. Undefined
 * when neither `--cves` nor the policy's `enabled: true` asks for a CVE scan; CVE options given
 * then are a {@link ConfigurationError} (they would be ignored). `now` is the gate's clock (waiver
 * expiry), the same one the rule waivers use.
 */
export function resolveCveSettings(
  flags: CveFlags | undefined,
  policy: CvePolicy | undefined,
  now?: Date
): CveScanSettings | undefined {
  if (flags?.enabled !== true && policy?.enabled !== true) {
    const stray = flags === undefined ? undefined : givenFlags(flags)[0]
    if (stray !== undefined) {
      throw new ConfigurationError(
        `Expected \`${stray}\` only with \`--cves\` or \`cves: {enabled: true}\` in the policy, got neither`
      )
    }
    return undefined
  }
  return {
    ...(flags?.feed === undefined ? {} : {feed: flags.feed}),
    ...(flags?.feedCache === undefined ? {} : {feedCache: flags.feedCache}),
    policy: {...defaultCvePolicy, ...policy, ...flags?.policy, enabled: true},
    ...(flags?.fetch === undefined ? {} : {fetch: flags.fetch}),
    ...(now === undefined ? {} : {now})
  }
}

function givenFlags(flags: CveFlags): string[] {
  const named: [unknown, string][] = [
    [flags.feed, '--feed'],
    [flags.feedCache, '--feed-cache'],
    [flags.policy.failOn, '--cve-fail-on'],
    [flags.policy.ignoreUnfixed, '--ignore-unfixed'],
    [flags.policy.maxFeedAgeDays, '--max-feed-age']
  ]
  return named.filter(([value]) => value !== undefined).map(([, flag]) => flag)
}

/**
 * The CVE step of a scan, run after the compliance verdict and before any verdict-dependent file
 * is written, while the extracted root still exists: scan, gate, write the GitLab report, and
 * fold the CVE gate into the verdict. Returns the amendments that `RenderedOutputs.write` applies
 * so that results.json, results.sarif and summary.md are each written once, complete (a CVE step
 * that throws leaves no compliance-only verdict; docs/output-sets.md). A failing CVE gate turns
 * the verdict to `fail` with the CVE reasons appended (readers ignore reason kinds they do not
 * know, gate/types.ts).
 *
 * Findings are located by blame (`blameImagePackages`): the Dockerfile instruction whose layer
 * installed or upgraded the package, FROM for the base image's packages, else the fallback.
 */
export async function runCveStep(
  options: ScanImageOptions & {cves: CveScanSettings},
  prepared: PreparedImage,
  workDir: string,
  verdict: GateVerdict
): Promise<{verdict: GateVerdict; amendments: OutputAmendments; report: CveScanReport}> {
  const started = new Date()
  options.progress.phase('scanning', 'known vulnerabilities')
  const scanner = await preflightScanner({oscapPath: options.environment.oscapPath, workDir})
  const {policy} = options.cves
  const report = await scanCves({
    root: prepared.root,
    ...(prepared.upperDir === undefined ? {} : {upperFiles: prepared.upperDir}),
    os: prepared.os,
    ...(options.cves.feed === undefined ? {} : {feed: options.cves.feed}),
    ...(options.cves.feedCache === undefined ? {} : {feedCache: options.cves.feedCache}),
    maxFeedAgeDays: policy.maxFeedAgeDays,
    workDir,
    outDir: options.outDir,
    scanner,
    imageEnv: prepared.image.config.env,
    target: prepared.image.reference.raw,
    timeoutMs: options.timeoutMs,
    logger: options.logger,
    ...(options.signal === undefined ? {} : {signal: options.signal}),
    ...(options.cves.fetch === undefined ? {} : {fetch: options.cves.fetch}),
    ...(options.cves.now === undefined ? {} : {now: options.cves.now})
  })
  const gate = evaluateCveGate(report, policy, options.cves.now ?? new Date())
  const os = prepared.os
  const kind = report.distribution === 'rhel' ? 'rpm' : 'dpkg'
  // Findings go where `package_*` rules go: the instruction that installed or upgraded the package.
  const fallback = await sarifLocation(options, prepared.image.reference.path)
  const dockerfile = await loadDockerfile(options.dockerfile, options.cwd, options.logger)
  const blame = await blameImagePackages({
    packages: [...new Map(report.findings.map(f => [f.package, f.installedVersion])).entries()].map(
      ([name, version]) => ({name, kind, ...(version === undefined ? {} : {version})})
    ),
    image: prepared.image,
    applied: prepared.layers,
    ...(dockerfile === undefined ? {} : {dockerfile}),
    fallback,
    logger: options.logger,
    ...(options.signal === undefined ? {} : {signal: options.signal})
  })
  const locate = (finding: CveScanReport['findings'][number]): CveLocation => {
    const where = blame.get(finding.package)
    return where === undefined ? fallback : {...where.location, cause: where.cause}
  }
  await writeGitlabReport(options.outDir, report, {
    image: prepared.image.names.find(name => /:[^/:]+$/.test(name)) ?? 'scanned-image:latest',
    operatingSystem: [os?.id ?? 'unknown', os?.versionId].filter(Boolean).join(' '),
    toolVersion: options.toolVersion,
    startTime: started,
    endTime: new Date()
  })
  const failed = gate.status === 'fail'
  const merged: GateVerdict = failed
    ? {
        ...verdict,
        status: 'fail',
        reasons: [...verdict.reasons, ...gate.reasons],
        summary: `${verdict.summary} CVE gate failed: ${gate.reasons.map(r => r.message).join(' ')}`
      }
    : verdict
  const section = cveSummaryMarkdown(report, gate)
  return {
    verdict: merged,
    amendments: {
      // results.json keeps the compliance summary text; status and reasons include the CVE gate.
      resultsGate: failed
        ? {...verdict, status: 'fail', reasons: [...verdict.reasons, ...gate.reasons]}
        : verdict,
      resultsCves: {...report, gate},
      sarif: cveSarif(report, locate),
      summary: markdown => addToDetails(failHeading(markdown, gate.status), section)
    },
    report
  }
}
