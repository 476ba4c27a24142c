import {join} from 'node:path'
import {parseArfText} from '../arf/parse-arf.js'
import {readXmlFile} from '../arf/xml-parser.js'
import {variableSources, type VariableSources} from '../blame/oval-variables.js'
import {embeddedTailoringId} from '../report/remediation.js'
import {formatPlatform} from '../image/platform.js'
import type {GateVerdict} from '../gate/types.js'
import {buildScanResults} from '../results/build-results.js'
import type {ScanResults} from '../results/model.js'
import {serializeResults} from '../results/results-json.js'
import {generateHtmlReport} from '../scan/html-report.js'
import type {ChosenContent} from './choose-content.js'
import type {PreparedImage} from './prepare-root.js'
import type {ContainedScan} from './run-contained-scan.js'
import type {StepContext} from './step-context.js'
import {sarifLocation} from './sarif-location.js'
import {blameImage, loadDockerfile} from '../blame/blame-image.js'
import {writeFixes, writeReports} from '../report/write-reports.js'
import {copyOutputFile, writeOutputFile} from '../output/output-file.js'
import type {ReportingDescriptor, Result} from 'sarif'

/**
 * What another step (the CVE scan) adds to the verdict-dependent outputs, so that each file is
 * written once, complete: results.json's `gate` (the compliance verdict with the CVE gate folded
 * in) and `cves` section, SARIF rules and results, and a rewrite of summary.md.
 */
export interface OutputAmendments {
  resultsGate: GateVerdict
  resultsCves: object
  sarif: {rules: ReportingDescriptor[]; results: Result[]}
  summary: (markdown: string) => string
}
import {markPackageRulesUnevaluable} from '../packages/unevaluable-rules.js'
import {trendSvg} from '../report/trend-svg.js'
import {
  appendTrend,
  HISTORY_FILE,
  serializeHistory,
  TREND_SVG_FILE,
  trendEntry,
  type TrendHistory
} from '../trend/history.js'

export interface RenderedOutputs {
  results: ScanResults
  /** Every rule id of the benchmark, selected or not (to check the policy's waivers against). */
  contentRuleIds: string[]
  /**
   * Writes the verdict-dependent outputs from the compliance verdict (and the CVE step's
   * amendments); returns the summary markdown.
   */
  write: (verdict: GateVerdict, amendments?: OutputAmendments) => Promise<string>
  /** Resolves (never rejects) once `report.html` is done; await it before removing the ARF. */
  settled: Promise<void>
}

/**
 * ARF → result model, then the outputs. `report.html` (evidence) was written by the evaluation
 * (`--report`); its copy into staging runs alongside the parse, blame and the other reports;
 * `write` waits for it and fails if it failed. The rest depends on the verdict, which the caller computes
 * from the model.
 *
 * The ARF is read and parsed once (issue 13): the same text gives the embedded tailoring for
 * `fixes/`, the same tree blame's OVAL variable sources. Blame itself needs no verdict and reads
 * no layer (the applier's record), so it starts as soon as the model exists and runs alongside
 * the verdict, the CVE step, the HTML report and `fixes/`.
 */
export async function renderOutputs(
  context: StepContext,
  prepared: PreparedImage,
  chosen: ChosenContent,
  scan: ContainedScan
): Promise<RenderedOutputs> {
  const {outDir, settings, scanner, logger, signal} = context
  // The evaluation wrote report.html itself (`--report`); it only moves into staging here. A scan
  // without it (none today) falls back to rendering it from the ARF.
  const html =
    scan.reportPath === undefined
      ? generateHtmlReport(scan.arfPath, join(outDir, 'report.html'), {
          scanner,
          signal,
          timeoutMs: settings.timeoutMs
        })
      : copyOutputFile(scan.reportPath, join(outDir, 'report.html'))
  const htmlSettled = html.then(
    () => undefined,
    () => undefined
  )
  let variables: VariableSources | undefined
  let tailoring: {id: string | undefined} | undefined
  const parsed = await (async () => {
    const text = await readXmlFile(scan.arfPath)
    tailoring = {id: embeddedTailoringId(text)}
    return parseArfText(text, scan.arfPath, {
      alsoRead: root => {
        try {
          variables = variableSources(root)
        } catch (error) {
          logger.warning(`blame: could not follow OVAL variables (${(error as Error).message})`)
          variables = new Map()
        }
      }
    })
  })().catch(async (error: unknown) => {
    await htmlSettled
    throw error
  })
  const {image, os} = prepared
  const results = buildScanResults(parsed, {
    image: {
      reference: image.reference.raw,
      configDigest: image.configDigest,
      ...(image.manifestDigest === undefined ? {} : {manifestDigest: image.manifestDigest}),
      names: image.names,
      platform: formatPlatform(image.platform),
      os: {id: os?.id ?? '', versionId: os?.versionId ?? '', prettyName: os?.prettyName ?? ''}
    },
    scanner: {
      content: {
        path: chosen.contentPath,
        sha256: chosen.content.sha256,
        sceChecksRemoved: scan.scriptChecks.removedChecks,
        ...(chosen.selection === undefined ? {} : {selection: chosen.selection})
      },
      durationSeconds: scan.durationSeconds,
      ...(prepared.packageView.notes === undefined ? {} : {notes: prepared.packageView.notes})
    }
  })
  // Issue 12: rules the image cannot answer (no dpkg database) become `error` with the reason.
  const unevaluable = prepared.packageView.unevaluablePackageRules
  if (unevaluable !== undefined) {
    await markPackageRulesUnevaluable(results, parsed, chosen.contentPath, unevaluable)
  }
  // fixes/ too depends only on the ARF: another oscap run, started now rather than after blame.
  const fixes = writeFixes({
    outDir,
    results,
    arfPath: scan.arfPath,
    logger,
    scanner,
    timeoutMs: settings.timeoutMs,
    signal,
    ...(tailoring === undefined ? {} : {tailoring})
  })
  // Blame reads the applier's record of the layers, not the layers (issue 13), while the image is
  // still open (issue 4); it never rejects except on cancellation.
  const blamed = (async () => {
    const fallback = await sarifLocation(settings, image.reference.path)
    const dockerfile = await loadDockerfile(settings.dockerfile, settings.cwd, logger)
    const blame = await blameImage({
      rules: results.rules.filter(r => ['fail', 'error', 'unknown'].includes(r.result)),
      parsed,
      arfPath: scan.arfPath,
      ...(variables === undefined ? {} : {variables}),
      image,
      applied: prepared.layers,
      dockerfile,
      fallback,
      logger,
      signal
    })
    return {fallback, blame}
  })()
  const settled = Promise.allSettled([html, fixes, blamed]).then(() => undefined)
  return {
    results,
    contentRuleIds: [...parsed.benchmark.rules.keys()],
    settled,
    write: async (verdict, amendments) => {
      const [outputs, report] = await Promise.allSettled([writeOutputs(verdict, amendments), html])
      if (report.status === 'rejected') throw report.reason
      if (outputs.status === 'rejected') throw outputs.reason
      return outputs.value
    }
  }

  async function writeOutputs(
    verdict: GateVerdict,
    amendments: OutputAmendments | undefined
  ): Promise<string> {
    const {fallback, blame} = await blamed
    const trend = trendFor(results, amendments?.resultsGate ?? verdict)
    if (trend !== undefined) {
      await writeOutputFile(join(outDir, HISTORY_FILE), serializeHistory(trend))
      await writeOutputFile(join(outDir, TREND_SVG_FILE), trendSvg(trend))
    }
    await writeOutputFile(
      join(outDir, 'results.json'),
      amendments === undefined
        ? serializeResults(results, verdict, undefined, trend)
        : serializeResults(results, amendments.resultsGate, amendments.resultsCves, trend)
    )
    const written = await writeReports({
      outDir,
      results,
      verdict,
      arfPath: scan.arfPath,
      blame,
      fallback,
      toolVersion: settings.toolVersion,
      logger,
      scanner,
      timeoutMs: settings.timeoutMs,
      signal,
      fixes,
      ...(settings.review?.links === undefined ? {} : {links: settings.review.links}),
      ...(trend === undefined ? {} : {trend}),
      ...(amendments === undefined
        ? {}
        : {sarifExtra: amendments.sarif, amendSummary: amendments.summary})
    })
    return written.summaryMarkdown
  }

  function trendFor(results: ScanResults, verdict: GateVerdict): TrendHistory | undefined {
    const wanted = settings.review?.trend
    if (wanted === undefined) return undefined
    return appendTrend(
      wanted.previous,
      {
        image: results.image.names[0] ?? results.image.reference,
        profile: results.scanner.profile.id
      },
      trendEntry(results, verdict, {
        at: wanted.at,
        ...(wanted.commit === undefined ? {} : {commit: wanted.commit})
      })
    )
  }
}
