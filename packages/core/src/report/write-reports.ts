/**
 * Writes the reviewer-facing outputs from the result model, blame and the ARF: `results.sarif`,
 * `junit.xml`, `codequality.json`, `summary.md` and `fixes/`. Shared by `scapgate scan` (after the
 * scan) and `scapgate report` (from an existing ARF). `results.json` is written by the caller.
 *
 * Remediation needs oscap; when it fails the other outputs are still written and the failure is
 * a warning: fixes are advice, not evidence.
 */
import {mkdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {readXmlFile} from '../arf/xml-parser.js'
import type {Attribution, SourceLocation} from '../blame/types.js'
import type {GateVerdict} from '../gate/types.js'
import type {Logger} from '../logging.js'
import type {ScanResults} from '../results/model.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import {toCodeQuality} from './code-quality.js'
import {toJunit} from './junit.js'
import {embeddedTailoringId, generateFixes, type Fixes} from './remediation.js'
import type {ReportingDescriptor, Result} from 'sarif'
import {sarifTrim, serializeSarif, toSarif} from './sarif.js'
import {renderSummary} from './summary-md.js'
import type {SourceLinks} from './source-links.js'
import type {TrendHistory} from '../trend/history.js'
import {isStorageError, writeOutputFile} from '../output/output-file.js'

export interface WriteReportsOptions {
  outDir: string
  results: ScanResults
  verdict: GateVerdict
  /** The ARF on disk, for `oscap xccdf generate fix`. */
  arfPath: string
  blame: ReadonlyMap<string, Attribution>
  /** Where findings without an attribution go. */
  fallback: SourceLocation
  toolVersion: string
  logger: Logger
  scanner?: ScannerEnvironment
  /** Skip `fixes/` (no oscap at hand). */
  skipFixes?: boolean
  /**
   * The ARF's embedded tailoring (`embeddedTailoringId` of its text), when the caller already read
   * the text; otherwise `writeFixes` reads the ARF for it.
   */
  tailoring?: {id: string | undefined}
  /** `fixes/` already being written (see {@link writeFixes}); otherwise written here. */
  fixes?: Promise<Fixes | undefined>
  fullReportHint?: string
  timeoutMs?: number
  signal?: AbortSignal
  /** More rules and results for the SARIF run (the CVE findings), added before it is written. */
  sarifExtra?: {rules: ReportingDescriptor[]; results: Result[]}
  /** Rewrites summary.md before it is written (the CVE section); the result is returned. */
  amendSummary?: (markdown: string) => string
  /** Links locations to the lines at the commit under review. */
  links?: SourceLinks
  /** The trend with this run as its last point. */
  trend?: TrendHistory
}

export interface WrittenReports {
  summaryMarkdown: string
  fixes?: Fixes
}

/**
 * `fixes/` from the ARF (`oscap xccdf generate fix`, bash and Ansible), or undefined when nothing
 * failed or oscap could not produce them (a warning says so). Depends only on the ARF, so the
 * pipeline starts it as soon as the scan ends, alongside the HTML report and blame.
 */
export async function writeFixes(
  options: Pick<
    WriteReportsOptions,
    'outDir' | 'results' | 'arfPath' | 'logger' | 'scanner' | 'timeoutMs' | 'signal' | 'tailoring'
  >
): Promise<Fixes | undefined> {
  if (!options.results.rules.some(r => r.result === 'fail')) return undefined
  try {
    await mkdir(options.outDir, {recursive: true})
    const tailoringId =
      options.tailoring === undefined
        ? embeddedTailoringId(await readXmlFile(options.arfPath))
        : options.tailoring.id
    return await generateFixes(options.arfPath, options.outDir, {
      testResultId: options.results.testResultId,
      ...(tailoringId === undefined ? {} : {tailoringId}),
      ...(options.scanner === undefined ? {} : {scanner: options.scanner}),
      ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
      ...(options.signal === undefined ? {} : {signal: options.signal})
    })
  } catch (error) {
    // A partial fixes/ is never left to be published with the set.
    await rm(join(options.outDir, 'fixes'), {recursive: true, force: true})
    // A full disk or an I/O error fails the scan (docs/output-sets.md); only oscap's failure is advice.
    if (options.signal?.aborted === true || isStorageError(error)) throw error
    options.logger.warning(`remediation: ${(error as Error).message}; fixes/ is not written`)
    return undefined
  }
}

export async function writeReports(options: WriteReportsOptions): Promise<WrittenReports> {
  const {outDir, results, blame, logger} = options
  await mkdir(outDir, {recursive: true})
  const fixes =
    options.skipFixes === true ? undefined : await (options.fixes ?? writeFixes(options))
  const sarif = toSarif(results, {
    location: options.fallback,
    toolVersion: options.toolVersion,
    blame,
    ...(fixes === undefined ? {} : {fixes})
  })
  const run = sarif.runs[0]
  if (options.sarifExtra !== undefined && run !== undefined) {
    run.tool.driver.rules = [...(run.tool.driver.rules ?? []), ...options.sarifExtra.rules]
    run.results = [...(run.results ?? []), ...options.sarifExtra.results]
  }
  const trim = sarifTrim(sarif)
  if (trim !== undefined)
    logger.warning(`SARIF holds ${trim.kept} of ${trim.total} findings: ${trim.reason}`)
  const rendered = renderSummary(results, options.verdict, {
    fullReportHint: options.fullReportHint ?? 'report.html and results.json',
    blame,
    ...(fixes === undefined ? {} : {runFixes: fixes.run}),
    ...(trim === undefined ? {} : {sarifTrim: trim}),
    ...(options.links === undefined ? {} : {links: options.links}),
    ...(options.trend === undefined ? {} : {trend: options.trend})
  })
  const summaryMarkdown = options.amendSummary?.(rendered) ?? rendered
  await writeOutputFile(join(outDir, 'results.sarif'), serializeSarif(sarif))
  await writeOutputFile(join(outDir, 'junit.xml'), toJunit(results, {blame}))
  await writeOutputFile(
    join(outDir, 'codequality.json'),
    `${JSON.stringify(toCodeQuality(results, {location: options.fallback, blame}), null, 2)}\n`
  )
  await writeOutputFile(join(outDir, 'summary.md'), summaryMarkdown)
  return fixes === undefined ? {summaryMarkdown} : {summaryMarkdown, fixes}
}
