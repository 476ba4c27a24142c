import {join} from 'node:path'
import {CancelledError} from '../errors.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {preflightScanner} from '../scan/preflight.js'
import {type OutputAmendments, renderOutputs} from './render-outputs.js'
import {collectImageFacts} from '../packages/image-facts.js'
import {prepareRoot} from './prepare-root.js'
import {createWorkDir, removeTree} from './work-dir.js'
import {pipelineBoundary, timePhases} from './phase-timer.js'
import {openOutputSet, type OutputSet} from './output-set.js'
import {lockOutputDir} from './output-set-lock.js'
import {copyOutputFile} from '../output/output-file.js'
import {chooseContent} from './choose-content.js'
import {runContainedScan} from './run-contained-scan.js'
import {runCveStep} from './cve-step.js'
import type {CveScanReport} from '../cve/types.js'
import type {ScanImageOptions, ScanOutcome} from './scan-options.js'
import {scanSettings, type StepContext} from './step-context.js'

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
  const settings = scanSettings(options)
  const work = await createWorkDir(options.environment.tmpDir)
  // Reports read only the ARF: without a CVE step the root goes while they render.
  let rootRemoval: Promise<unknown> | undefined
  let reportsSettled: Promise<void> | undefined
  try {
    // Fail fast (no oscap, not root, no namespaces) before spending time on the image; the one
    // preflight of this scan, shared by every step through the context.
    const scanner = await preflightScanner({
      oscapPath: settings.environment.oscapPath,
      workDir: work.path
    })
    const context: StepContext = {
      settings,
      scanner,
      workDir: work.path,
      outDir: set.staging,
      logger,
      progress,
      signal
    }
    const prepared = await prepareRoot(context, options.openedImage)
    try {
      await pipelineBoundary('prepared', signal)
      throwIfAborted(signal)
      const chosen = await chooseContent(context, prepared)
      await pipelineBoundary('baseline', signal)
      throwIfAborted(signal)
      progress.phase('scanning', `${chosen.profile.id.replace(/^.*_profile_/, '')} profile`)
      const scan = await runContainedScan(context, prepared, chosen)
      await pipelineBoundary('scanned', signal)
      // Evidence first: the ARF is published now, whatever happens later.
      await copyOutputFile(scan.arfPath, join(set.staging, 'arf.xml'))
      await set.publishEvidence(['arf.xml'])
      const facts = await collectImageFacts(prepared.root)
      if (options.cves === undefined) rootRemoval = removeTree(prepared.root).catch(() => undefined)
      await pipelineBoundary('evidence', signal)
      throwIfAborted(signal)
      progress.phase('reporting')
      const rendered = await renderOutputs(context, prepared, chosen, scan)
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
        } = await runCveStep(context, options.cves, prepared, compliance))
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
        facts,
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
