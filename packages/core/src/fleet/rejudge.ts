/**
 * Re-judging released images without rescanning (docs/fleets.md): for each digest, the verdict
 * inputs kept by the scan (`cache/verdict-inputs.ts`) get today's policy, waivers and — with
 * `--cves` or the policy's `cves:` — today's CVE feed. No layer, manifest or registry is read.
 *
 * CVE evaluation runs the same `scanCves` as a scan (real `oscap oval eval` in the sandbox, the
 * same prefilter and source matching) on a synthetic root holding only the recorded dpkg database
 * and release files. This was chosen over evaluating the feed's criteria in TypeScript with
 * `dpkg-version.ts`: OVAL's dpkginfo, textfilecontent and criteria semantics then stay oscap's
 * own, so a re-judged verdict cannot disagree with a full scan's on the same feed (the test
 * checks that it does not), at the price of one oscap run per digest.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {loadVerdictInputs, type VerdictInputs} from '../cache/verdict-inputs.js'
import {parseOsRelease} from '../content/os-release.js'
import {RELEASE_FILES} from '../packages/image-facts.js'
import {evaluateCveGate} from '../cve/cve-gate.js'
import {cveSummaryMarkdown} from '../cve/cve-outputs.js'
import {scanCves} from '../cve/scan-cves.js'
import type {ScanEnvironment} from '../environment/scan-environment.js'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {renderAggregateSummary} from '../gate/aggregate.js'
import {evaluatePolicyGate} from '../gate/evaluate-policy-gate.js'
import type {GateVerdict} from '../gate/types.js'
import type {Logger} from '../logging.js'
import {writeOutputFile} from '../output/output-file.js'
import {openOutputSet} from '../pipeline/output-set.js'
import {lockOutputDir} from '../pipeline/output-set-lock.js'
import {createWorkDir} from '../pipeline/work-dir.js'
import type {Given} from '../options/given-options.js'
import {
  resolveCveSettings,
  resolveImageSettings,
  type CveScanSettings
} from '../options/resolve-options.js'
import {checkWaiverRules} from '../policy/check-rules.js'
import type {Policy} from '../policy/types.js'
import {renderSummary} from '../report/summary-md.js'
import {serializeResults} from '../results/results-json.js'
import type {ScanResults} from '../results/model.js'
import {preflightScanner} from '../scan/preflight.js'

export interface RejudgeOptions {
  /** `sha256:<hex>` config or manifest digests of released images. */
  digests: readonly string[]
  cacheDir: string
  policy?: Policy
  /**
   * The options given (flags over `SCAPGATE_*` variables, `firstGiven`), paths absolute: the same
   * resolver as a scan's puts them over the policy and the table's defaults (`fail-on`, the CVE
   * options; docs/options.md).
   */
  given: Given
  /** One set per digest in `<outDir>/<hex[0:12]>/`, the aggregated summary.md in `outDir`. */
  outDir: string
  environment: ScanEnvironment
  timeoutMs: number
  logger: Logger
  signal?: AbortSignal
  now: Date
}

export interface RejudgeOutcome {
  digest: string
  slug: string
  outDir: string
  results?: ScanResults
  verdict?: GateVerdict
  error?: unknown
}

/** A root holding only what the feed's tests read: the dpkg database and the release files. */
async function syntheticRoot(dir: string, inputs: VerdictInputs): Promise<string> {
  const root = join(dir, 'root')
  await mkdir(join(root, 'var/lib/dpkg'), {recursive: true})
  await writeFile(join(root, 'var/lib/dpkg/status'), inputs.facts.dpkgStatus ?? '')
  for (const [path, text] of Object.entries(inputs.facts.releaseFiles)) {
    // Recorded paths are ours (RELEASE_FILES), but the record is input: only those are written.
    if (!(RELEASE_FILES as readonly string[]).includes(path)) continue
    await mkdir(dirname(join(root, path)), {recursive: true})
    await writeFile(join(root, path), text)
  }
  return root
}

async function rejudgeOne(
  options: RejudgeOptions,
  cves: CveScanSettings | undefined,
  digest: string,
  outDir: string
) {
  const inputs = await loadVerdictInputs(options.cacheDir, digest)
  if (inputs === undefined)
    throw new ConfigurationError(
      `Expected verdict inputs for ${sanitizeForDisplay(digest, 100)} in the cache ${options.cacheDir}, found none (scan the image once with the result cache on)`
    )
  const {results} = inputs
  const settings = resolveImageSettings(options.given, options.policy, [
    results.image.reference,
    ...results.image.names
  ])
  checkWaiverRules(settings.waivers, inputs.contentRuleIds)
  const compliance = evaluatePolicyGate(results, {
    ...settings,
    baseline: undefined,
    now: options.now
  })
  const set = await openOutputSet(outDir, digest, options.logger)
  try {
    let verdict = compliance
    let resultsGate = compliance
    let cveSection: object | undefined
    let cveMarkdown = ''
    if (cves !== undefined) {
      // Without a recorded dpkg database (RPM-based or package-less images), the synthetic root
      // would make every package look absent and every definition false: refuse, never pass.
      if (inputs.facts.dpkgStatus === undefined)
        throw new ConfigurationError(
          `Expected a recorded dpkg database for ${sanitizeForDisplay(digest, 100)} to evaluate the CVE feed on, found none: rejudge evaluates feeds on Debian-family images only; scan this image with --cves instead`
        )
      const work = await createWorkDir(options.environment.tmpDir)
      try {
        const root = await syntheticRoot(work.path, inputs)
        const release =
          inputs.facts.releaseFiles['/etc/os-release'] ??
          inputs.facts.releaseFiles['/usr/lib/os-release']
        const report = await scanCves({
          root,
          os: release === undefined ? undefined : parseOsRelease(release),
          ...(cves.feed === undefined ? {} : {feed: cves.feed}),
          ...(cves.feedCache === undefined ? {} : {feedCache: cves.feedCache}),
          maxFeedAgeDays: cves.policy.maxFeedAgeDays,
          workDir: work.path,
          outDir: set.staging,
          scanner: await preflightScanner({
            oscapPath: options.environment.oscapPath,
            workDir: work.path
          }),
          imageEnv: [],
          target: results.image.reference,
          timeoutMs: options.timeoutMs,
          logger: options.logger,
          ...(options.signal === undefined ? {} : {signal: options.signal}),
          ...(cves.fetch === undefined ? {} : {fetch: cves.fetch}),
          now: options.now
        })
        const gate = evaluateCveGate(report, cves.policy, options.now)
        cveSection = {...report, gate}
        cveMarkdown = cveSummaryMarkdown(report, gate)
        if (gate.status === 'fail') {
          // As the scan's CVE step (pipeline/cve-step.ts): results.json keeps the compliance text.
          resultsGate = {
            ...compliance,
            status: 'fail',
            reasons: [...compliance.reasons, ...gate.reasons]
          }
          verdict = {
            ...resultsGate,
            summary: `${compliance.summary} CVE gate failed: ${gate.reasons.map(r => r.message).join(' ')}`
          }
        }
      } finally {
        await work.dispose()
      }
    }
    const summary = `${renderSummary(results, verdict, {fullReportHint: 'results.json'}).trimEnd()}\n${
      cveMarkdown === '' ? '' : `\n${cveMarkdown.trim()}\n`
    }\n_Re-judged ${options.now.toISOString().slice(0, 10)} from the results recorded ${sanitizeForDisplay(inputs.recordedAt, 40)} (evidence arf.xml sha256 ${inputs.evidence.arfSha256}); no layer was read._\n`
    await writeOutputFile(join(set.staging, 'summary.md'), summary)
    await writeOutputFile(
      join(set.staging, 'results.json'),
      serializeResults(results, resultsGate, cveSection)
    )
    await set.commit()
    return {results, verdict}
  } catch (error) {
    await set.abandon(error)
    throw error
  } finally {
    await set.dispose()
  }
}

/** Every digest in turn; one failing never stops the others (its error is in its outcome). */
export async function rejudgeDigests(options: RejudgeOptions): Promise<RejudgeOutcome[]> {
  // Once for the run: contradicting CVE options are a configuration error before anything is read.
  const cves = resolveCveSettings(options.given, options.policy?.cves, options.now)
  const lock = await lockOutputDir(options.outDir, options)
  const outcomes: RejudgeOutcome[] = []
  try {
    for (const digest of options.digests) {
      const slug = /^sha256:([0-9a-f]{12})/.exec(digest)?.[1] ?? 'invalid-digest'
      const outDir = join(options.outDir, slug)
      try {
        if (!/^sha256:[0-9a-f]{64}$/.test(digest))
          throw new ConfigurationError(
            `Expected a digest sha256:<64 hex>, got \`${sanitizeForDisplay(digest, 100)}\``
          )
        await mkdir(outDir, {recursive: true})
        outcomes.push({digest, slug, outDir, ...(await rejudgeOne(options, cves, digest, outDir))})
      } catch (error) {
        outcomes.push({digest, slug, outDir, error})
      }
    }
    await writeOutputFile(
      join(options.outDir, 'summary.md'),
      renderAggregateSummary(
        outcomes.map(o => ({
          image: o.results?.image.reference ?? o.digest,
          slug: o.slug,
          ...(o.verdict === undefined ? {error: o.error} : {verdict: o.verdict}),
          ...(o.results === undefined ? {} : {score: o.results.score.value})
        }))
      )
    )
  } finally {
    await lock.release()
  }
  return outcomes
}
