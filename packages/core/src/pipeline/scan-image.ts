import {join} from 'node:path'
import {CancelledError} from '../errors.js'
import type {ScanEnvironment} from '../environment/index.js'
import type {DaemonOptions, Platform, RegistryOptions} from '../image/types.js'
import type {Logger, ProgressReporter} from '../logging.js'
import type {ResolvedImage} from '../image/types.js'
import type {ScanResults} from '../results/model.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import type {FailOn, GateVerdict} from '../gate/types.js'
import {preflightScanner} from '../scan/preflight.js'
import {type OutputAmendments, renderOutputs} from './render-outputs.js'
import {prepareRoot} from './prepare-root.js'
import {createWorkDir, removeTree} from './work-dir.js'
import {pipelineBoundary, timePhases} from './phase-timer.js'
import {openOutputSet, type OutputSet} from './output-set.js'
import {lockOutputDir} from './output-set-lock.js'
import {copyOutputFile} from '../output/output-file.js'
import {chooseBaseline} from './choose-baseline.js'
import type {ContentPin} from '../content/select-content.js'
import {runContainedScan} from './run-contained-scan.js'
import {type CveScanSettings, runCveStep} from '../cve/pipeline-step.js'
import type {CveScanReport} from '../cve/types.js'

export interface ScanImageOptions {
  /** The IMAGE argument as the user wrote it (`docker-archive:app.tar`). */
  image: string
  contentPath?: string
  /** The policy's `content: {version, sha256}` pin for automatic selection (docs/content.md). */
  contentPin?: ContentPin
  profile?: string
  tailoringPath?: string
  outDir: string
  failOn: FailOn
  platform?: Platform
  /** Registry pulls (TLS, credentials, cache); see `sourceSettings`. */
  registry?: RegistryOptions
  /** `docker-daemon:` and `podman:` sources. */
  daemon?: DaemonOptions
  timeoutMs: number
  environment: ScanEnvironment
  /** Dockerfile the findings point at (its final FROM line for now); optional. */
  dockerfile?: string
  /** Directory that output paths (SARIF URIs) are relative to: the repository checkout. */
  cwd: string
  /** scapgate's version, recorded in the outputs. */
  toolVersion: string
  logger: Logger
  progress: ProgressReporter
  signal?: AbortSignal
  /** An image the caller already opened and verified (the result cache does); closed here. */
  openedImage?: ResolvedImage
  /**
   * Replaces the plain `failOn` gate (the policy gate). Runs once the results exist, before the
   * verdict-dependent outputs are written; may throw a ConfigurationError (a waiver naming a rule
   * the content does not have).
   */
  evaluate?: (
    results: ScanResults,
    context: {contentRuleIds: readonly string[]}
  ) => Promise<GateVerdict>
  /** Also scan for known vulnerabilities (`--cves`, issue 7); see `cve/pipeline-step.ts`. */
  cves?: CveScanSettings
  /**
   * The output set of `outDir` that the caller opened (under the directory's lock) and will
   * commit or abandon (`scanImages` does). Without it scanImage locks `outDir` and does both.
   */
  outputSet?: OutputSet
}

export interface ScanOutcome {
  results: ScanResults
  verdict: GateVerdict
  outDir: string
  summaryMarkdown: string
  /** The CVE scan's report, with `--cves` (what `scan --attest` signs as a vulns statement). */
  cveReport?: CveScanReport
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError()
}

/**
 * Scans one image end to end and publishes its outputs in `outDir` as one set
 * (docs/output-sets.md).
 *
 * Contract: returns a verdict (pass or fail) only for a scan that completed; anything else throws
 * (see errors.ts for which family). The outputs are written into a staging directory and
 * published only when complete; the ARF is published as soon as oscap finished, so a later
 * failure keeps it. A scan that does not complete leaves the evidence that exists and an
 * `incomplete` results.json, never a pass and never a previous scan's files. The temporary root
 * is removed on every path, including cancellation through `signal`. Does not decide exit codes.
 */
export async function scanImage(options: ScanImageOptions): Promise<ScanOutcome> {
  if (options.outputSet !== undefined) return scanInto(options, options.outputSet)
  const lock = await lockOutputDir(options.outDir, options)
  try {
    const set = await openOutputSet(options.outDir, options.image, options.logger)
    try {
      const outcome = await scanInto(options, set)
      await pipelineBoundary('publish', options.signal)
      throwIfAborted(options.signal)
      await set.commit()
      return outcome
    } catch (error) {
      await set.abandon(error)
      throw error
    }
  } finally {
    await lock.release()
  }
}

/** The scan itself, writing into `set.staging`; the caller commits or abandons the set. */
async function scanInto(options: ScanImageOptions, set: OutputSet): Promise<ScanOutcome> {
  const {logger, signal} = options
  const outDir = options.outDir
  const progress = timePhases(options.progress, logger)
  options = {...options, progress, outDir: set.staging}
  const work = await createWorkDir(options.environment.tmpDir)
  // Reports read only the ARF: without a CVE step the root goes while they render.
  let rootRemoval: Promise<unknown> | undefined
  let reportsSettled: Promise<void> | undefined
  try {
    // Fail fast (no oscap, not root, no namespaces) before spending time on the image.
    await preflightScanner({oscapPath: options.environment.oscapPath, workDir: work.path})
    const prepared = await prepareRoot(options, work.path)
    try {
      await pipelineBoundary('prepared', signal)
      throwIfAborted(signal)
      const baseline = await chooseBaseline(options, prepared)
      await pipelineBoundary('baseline', signal)
      throwIfAborted(signal)
      progress.phase('scanning', `${baseline.profile.id.replace(/^.*_profile_/, '')} profile`)
      const scan = await runContainedScan(options, prepared, baseline, work.path)
      await pipelineBoundary('scanned', signal)
      // Evidence first: the ARF is published now, whatever happens later.
      await copyOutputFile(scan.arfPath, join(set.staging, 'arf.xml'))
      await set.publishEvidence(['arf.xml'])
      if (options.cves === undefined) rootRemoval = removeTree(prepared.root).catch(() => undefined)
      await pipelineBoundary('evidence', signal)
      throwIfAborted(signal)
      progress.phase('reporting')
      const rendered = await renderOutputs(options, prepared, baseline, scan)
      reportsSettled = rendered.settled
      const compliance =
        options.evaluate === undefined
          ? evaluateGate(rendered.results, {failOn: options.failOn})
          : await options.evaluate(rendered.results, {contentRuleIds: rendered.contentRuleIds})
      // The CVE step runs before any verdict-dependent file is written: each is written once.
      let verdict = compliance
      let amendments: OutputAmendments | undefined
      let cveReport: CveScanReport | undefined
      if (options.cves !== undefined) {
        ;({
          verdict,
          amendments,
          report: cveReport
        } = await runCveStep({...options, cves: options.cves}, prepared, work.path, compliance))
        await pipelineBoundary('cves', signal)
        throwIfAborted(signal)
      }
      const summaryMarkdown = await rendered.write(compliance, amendments)
      await pipelineBoundary('reported', signal)
      throwIfAborted(signal)
      logger.debug(`outputs staged in ${set.staging}`)
      progress.finish()
      return {
        results: rendered.results,
        verdict,
        outDir,
        summaryMarkdown,
        ...(cveReport === undefined ? {} : {cveReport})
      }
    } finally {
      await prepared.image.close()
    }
  } finally {
    await reportsSettled
    await rootRemoval
    await work.dispose()
  }
}
