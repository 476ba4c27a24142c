/**
 * The markdown summary for job summaries, MR/PR comments and the console. Above the fold, what a
 * reviewer decides from: the verdict, the image, the score against the baseline and the review
 * counts, the table of rules that gate (new first, locations linked to the line at the commit under
 * review) and the trend chart. Folded below (`<details>`): why the gate failed, the content, the
 * waivers and the baseline comparison, the full counts, the rules that do not gate, the fixes and
 * (amended by the CVE step) the CVEs.
 *
 * All content- and image-derived text goes through the escaping layer (./escape.ts): Markdown
 * text, table code, link text and URLs and `<summary>` HTML each get their own function. The
 * output never exceeds `maxChars` (default 60,000, under GitHub's 65,536-character comment
 * limit): the details go first, then table rows from the end, replaced by a note.
 */
import type {GateVerdict} from '../gate/types.js'
import {renderGateDetails} from '../gate/gate-details-md.js'
import {ruleResultValues, type RuleOutcome, type ScanResults} from '../results/model.js'
import {ruleKey} from '../blame/attribute.js'
import type {Attribution} from '../blame/types.js'
import type {TrendHistory} from '../trend/history.js'
import {
  codeSpan,
  fencedBlock,
  htmlText,
  markdownText,
  tableCode,
  truncate
} from '../escape/escape.js'
import {
  atOrAbove,
  gatingRuleIds,
  listedResults,
  reviewRuleIds,
  newRuleIds,
  reviewOrder,
  ruleRow,
  ruleTableHeader,
  scoreAndCounts,
  type RuleTableOptions
} from './review-table.js'
import type {SarifTrim} from './sarif.js'
import type {SourceLinks} from './source-links.js'
import {trendLine, trendMermaid} from './trend-chart.js'

export interface SummaryOptions {
  maxChars?: number
  /** Where the full report lives, e.g. an artifact name or URL; shown when rows are dropped. */
  fullReportHint?: string
  /** Per rule-result locations; adds the Location and Found columns. */
  blame?: ReadonlyMap<string, Attribution>
  /** Links locations to the file at the commit under review (given by the CI adapter). */
  links?: SourceLinks
  /** Dockerfile `RUN` snippets by full rule id; adds a "How to fix" section. */
  runFixes?: ReadonlyMap<string, string>
  /** What the SARIF writer had to leave out, if anything. */
  sarifTrim?: SarifTrim
  /** The score history with this run as its last point; drawn when it has two points or more. */
  trend?: TrendHistory
}

export const defaultSummaryMaxChars = 60_000

/** The first line of the folded part; {@link splitSummary} and the CVE step find it by this. */
export const detailsOpening = '<details><summary>Details: '

export function renderSummary(
  results: ScanResults,
  verdict: GateVerdict,
  options: SummaryOptions = {}
): string {
  const maxChars = options.maxChars ?? defaultSummaryMaxChars
  const image = codeSpan(results.image.names[0] ?? results.image.reference)
  const fresh = newRuleIds(verdict)
  const gating = gatingRuleIds(verdict)
  const review = reviewRuleIds(verdict)
  const listed = results.rules.filter(r => listedResults.has(r.result)).sort(reviewOrder(fresh))
  const shownAbove = (r: RuleOutcome): boolean =>
    gating.has(r.id) || (review.has(r.id) && atOrAbove(r.severity, verdict.failOn))
  const gatingRows = listed.filter(shownAbove)
  const otherRows = listed.filter(r => !shownAbove(r))
  const freshShown = gatingRows.filter(r => fresh.has(r.id)).length
  const table: RuleTableOptions = {
    fresh,
    ...(options.blame === undefined ? {} : {blame: options.blame}),
    ...(options.links === undefined ? {} : {links: options.links})
  }

  const head: string[] = [
    summaryHeading(verdict.status),
    '',
    `${image} · profile ${markdownText(results.scanner.profile.title)} · fail-on ${verdict.failOn}`,
    '',
    scoreAndCounts(results, verdict),
    ''
  ]
  const rows = gatingRows.map(rule => ruleRow(rule, table))
  const tableHead =
    gatingRows.length > 0
      ? [
          `### ${gatingRows.length} failing ${gatingRows.length === 1 ? 'rule' : 'rules'}${verdict.baseline === undefined ? '' : ` (${freshShown} new)`}`,
          '',
          ...ruleTableHeader(table)
        ]
      : verdict.status === 'fail'
        ? ['No single rule fails the gate: see why in the details below.']
        : []
  const trend: string[] = []
  if (options.trend !== undefined) {
    const chart = trendMermaid(options.trend)
    if (chart !== '') trend.push('', chart, '', trendLine(options.trend))
  }

  const fixable = listed.filter(r => r.result === 'fail' && options.runFixes?.has(r.id) === true)
  const units = detailUnits(results, verdict, otherRows, fixable, table, options)
  const summaryParts = [
    verdict.reasons.length > 0 ? 'why' : '',
    otherRows.length > 0
      ? `${otherRows.length} more ${otherRows.length === 1 ? 'rule' : 'rules'}`
      : '',
    fixable.length > 0 ? 'fixes' : '',
    'all counts'
  ].filter(p => p !== '')
  const open = [`${detailsOpening}${summaryParts.join(', ')}</summary>`, '']
  const close = ['', '</details>', '']

  const hint = options.fullReportHint ? ` (${markdownText(options.fullReportHint)})` : ''
  // SARIF's own limits hide findings from code scanning: a reviewer must see that above the fold,
  // and it is never dropped for size.
  const sarifNote =
    options.sarifTrim === undefined
      ? []
      : [
          `> SARIF holds ${options.sarifTrim.kept} of ${options.sarifTrim.total} findings (the most severe first): ${markdownText(options.sarifTrim.reason)}. Every finding is in results.json and junit.xml.`,
          ''
        ]
  const above = (kept: number): string[] => [
    ...head,
    ...sarifNote,
    ...tableHead,
    ...rows.slice(0, kept),
    ...(kept < rows.length
      ? [
          '',
          `_${rows.length - kept} more gating ${rows.length - kept === 1 ? 'rule is' : 'rules are'} not shown: see the full report${hint}._`
        ]
      : []),
    ...trend,
    ''
  ]
  const joined = (lines: readonly string[]): string => lines.join('\n')
  const full = joined([...above(rows.length), ...open, ...units, ...close])
  if (full.length <= maxChars) return full

  // Details first: keep whole units while they fit.
  const cutNote = `_Some details are not shown: see the full report${hint} and fixes/._`
  const top = joined(above(rows.length))
  let detailsText = ''
  const room = maxChars - top.length - joined([...open, cutNote, ...close]).length - 4
  for (const unit of units) {
    if (detailsText.length + unit.length + 1 > room) break
    detailsText += `${unit}\n`
  }
  if (room > 0 && top.length < maxChars)
    return joined([top, ...open, detailsText + cutNote, ...close])
  // Then rows, from the end.
  let kept = rows.length
  while (kept > 0 && joined(above(kept)).length > maxChars - 2) kept -= 1
  return truncate(`${joined(above(kept))}\n`, maxChars)
}

/** The folded part, as units that are each kept or dropped whole (a fix never half-shown). */
function detailUnits(
  results: ScanResults,
  verdict: GateVerdict,
  otherRows: readonly RuleOutcome[],
  fixable: readonly RuleOutcome[],
  table: RuleTableOptions,
  options: SummaryOptions
): string[] {
  const units: string[] = []
  // How the evidence was produced (a scanner workaround such as held packages on OpenSCAP 1.4).
  for (const note of results.scanner.notes ?? []) units.push(`Note: ${markdownText(note)}\n`)
  if (verdict.reasons.length > 0)
    units.push([...verdict.reasons.map(r => `- ${markdownText(r.message)}`), ''].join('\n'))
  const selection = results.scanner.content.selection
  if (selection !== undefined) {
    const others = selection.passedOver?.length ?? 0
    units.push(
      `Content: ${markdownText(selection.reason)}${others === 0 ? '' : ` (${others} newer ${others === 1 ? 'copy' : 'copies'} passed over: see results.json)`}\n`
    )
  }
  const gate = renderGateDetails(verdict)
  if (gate.length > 0) units.push(gate.join('\n'))
  const counts = ['| Result | Rules |', '| --- | ---: |']
  // notselected: rules of the benchmark outside the profile (hundreds in SSG), not news to a reviewer.
  for (const value of ruleResultValues)
    if (value !== 'notselected' && results.counts[value] > 0)
      counts.push(`| ${value} | ${results.counts[value]} |`)
  units.push(
    `Score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)} (${markdownText(results.score.system.replace(/^.*:/, ''))})\n\n${counts.join('\n')}\n`
  )
  // Rules scapgate chose not to evaluate (SCE scripts, no package database): named once, with why.
  const reasons = new Map<string, RuleOutcome[]>()
  for (const rule of results.rules)
    if (rule.reason !== undefined)
      reasons.set(rule.reason, [...(reasons.get(rule.reason) ?? []), rule])
  for (const [reason, rules] of reasons) {
    const ids = rules.slice(0, 20).map(r => tableCode(r.shortId))
    units.push(
      `> ${rules.length} ${rules[0]?.result ?? ''}: ${markdownText(reason)} (${ids.join(', ')}${rules.length > 20 ? ', …' : ''})\n`
    )
  }
  if (otherRows.length > 0) {
    units.push(
      [
        '### More failing and unverified rules (below the threshold, waived or not gating)',
        '',
        ...ruleTableHeader({...table, withResult: true})
      ].join('\n')
    )
    for (const rule of otherRows) units.push(ruleRow(rule, {...table, withResult: true}))
    units.push('')
  }
  if (fixable.length > 0) units.push('### How to fix\n')
  for (const rule of fixable) {
    const where = options.blame?.get(ruleKey(rule))
    const after =
      where?.kind === 'instruction'
        ? ` after line ${where.location.endLine ?? where.location.startLine} of ${htmlText(where.location.uri)}`
        : ''
    units.push(
      [
        // An HTML block: GFM parses no Markdown up to the blank line, so this line is HTML only.
        `<details><summary><code>${htmlText(rule.shortId)}</code>: add to the Dockerfile${after}</summary>`,
        '',
        fencedBlock(options.runFixes?.get(rule.id) ?? '', 'dockerfile'),
        '',
        '</details>'
      ].join('\n')
    )
  }
  if (results.rules.some(r => r.result === 'fail') && options.runFixes !== undefined)
    units.push(
      '\nFull remediation from the SCAP content: `fixes/remediation.sh` (bash) and `fixes/playbook.yml` (Ansible).'
    )
  return units
}

/**
 * summary.md cut at its fold: `above` (heading, score, gating rules, trend) and `details` (the
 * folded block, `<details>` to `</details>`, or '' when there is none).
 */
export function splitSummary(markdown: string): {above: string; details: string} {
  const at = markdown.indexOf(`\n${detailsOpening}`)
  if (at < 0) return {above: markdown.trimEnd(), details: ''}
  return {above: markdown.slice(0, at).trimEnd(), details: markdown.slice(at + 1).trim()}
}

/** Puts `section` (the CVE summary) at the end of the folded details, or at the end. */
export function addToDetails(markdown: string, section: string): string {
  const {above, details} = splitSummary(markdown)
  if (details === '' || !details.endsWith('</details>'))
    return `${markdown.trimEnd()}\n\n${section}`
  return `${above}\n\n${details.slice(0, -'</details>'.length).trimEnd()}\n\n${section.trim()}\n\n</details>\n`
}

/** The first line of summary.md; the CVE step swaps it when only its own gate fails. */
export function summaryHeading(status: 'pass' | 'fail'): string {
  return `## ${status === 'pass' ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}`
}
