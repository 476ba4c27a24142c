import {copyFile, mkdir, writeFile} from 'node:fs/promises'
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
import {renderOutputs} from './render-outputs.js'
import {prepareRoot} from './prepare-root.js'
import {createWorkDir, removeTree} from './work-dir.js'
import {timePhases} from './phase-timer.js'
import {chooseBaseline} from './choose-baseline.js'
import type {ContentPin} from '../content/select-content.js'
import {runContainedScan} from './run-contained-scan.js'
import {type CveScanSettings, runCveStep} from '../cve/pipeline-step.js'

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
}

export interface ScanOutcome {
  results: ScanResults
  verdict: GateVerdict
  outDir: string
  summaryMarkdown: string
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError()
}

/**
 * Scans one image end to end and writes every output into `outDir`.
 *
 * Contract: returns a verdict (pass or fail) only for a scan that completed; anything else throws
 * (see errors.ts for which family). Evidence is written as soon as it exists (`arf.xml` right after
 * oscap), so a later failure keeps it. The temporary root is removed on every path, including
 * cancellation through `signal`. Does not decide exit codes.
 */
export async function scanImage(options: ScanImageOptions): Promise<ScanOutcome> {
  const {logger, signal} = options
  const progress = timePhases(options.progress, logger)
  options = {...options, progress}
  await mkdir(options.outDir, {recursive: true})
  const work = await createWorkDir(options.environment.tmpDir)
  // Reports read only the ARF: without a CVE step the root goes while they render.
  let rootRemoval: Promise<unknown> | undefined
  let reportsSettled: Promise<void> | undefined
  try {
    // Fail fast (no oscap, not root, no namespaces) before spending time on the image.
    await preflightScanner({oscapPath: options.environment.oscapPath, workDir: work.path})
    const prepared = await prepareRoot(options, work.path)
    try {
      throwIfAborted(signal)
      const baseline = await chooseBaseline(options, prepared)
      throwIfAborted(signal)
      progress.phase('scanning', `${baseline.profile.id.replace(/^.*_profile_/, '')} profile`)
      const scan = await runContainedScan(options, prepared, baseline, work.path)
      await copyFile(scan.arfPath, join(options.outDir, 'arf.xml'))
      if (options.cves === undefined) rootRemoval = removeTree(prepared.root).catch(() => undefined)
      throwIfAborted(signal)
      progress.phase('reporting')
      const rendered = await renderOutputs(options, prepared, baseline, scan)
      reportsSettled = rendered.settled
      let verdict =
        options.evaluate === undefined
          ? evaluateGate(rendered.results, {failOn: options.failOn})
          : await options.evaluate(rendered.results, {contentRuleIds: rendered.contentRuleIds})
      let summaryMarkdown = await rendered.write(verdict)
      if (options.cves !== undefined) {
        const cve = await runCveStep(
          {...options, cves: options.cves},
          prepared,
          work.path,
          verdict,
          summaryMarkdown
        )
        ;({verdict, summaryMarkdown} = cve)
      }
      logger.debug(`outputs written to ${options.outDir}`)
      progress.finish()
      return {results: rendered.results, verdict, outDir: options.outDir, summaryMarkdown}
    } finally {
      await prepared.image.close()
    }
  } catch (error) {
    await writeFile(
      join(options.outDir, 'summary.md'),
      `# scapgate: scan did not complete\n\n${options.image}: ${error instanceof Error ? error.message : String(error)}\n`
    ).catch(() => {})
    throw error
  } finally {
    await reportsSettled
    await rootRemoval
    await work.dispose()
  }
}
