/**
 * The markdown summary for job summaries, MR/PR comments and the console: verdict first, then
 * counts, then the failing and unverified rules by severity.
 *
 * All content- and image-derived text is escaped ({@link escapeMarkdown}). The output never
 * exceeds `maxChars` (default 60,000, under GitHub's 65,536-character comment limit): rows that do
 * not fit are dropped from the end, replaced by a note pointing at the full report.
 */
import type {GateReason, GateVerdict} from '../gate/types.js'
import {renderGateDetails} from '../gate/gate-details-md.js'
import {
  ruleResultValues,
  type RuleOutcome,
  type ScanResults,
  type Severity
} from '../results/model.js'
import {escapeMarkdown, escapeMarkdownCode, truncate} from './escape.js'

export interface SummaryOptions {
  maxChars?: number
  /** Where the full report lives, e.g. an artifact name or URL; shown when rows are dropped. */
  fullReportHint?: string
}

export const defaultSummaryMaxChars = 60_000

const severityOrder: Severity[] = ['high', 'unknown', 'medium', 'low', 'info']
const listed = new Set(['fail', 'error', 'unknown'])

export function renderSummary(
  results: ScanResults,
  verdict: GateVerdict,
  options: SummaryOptions = {}
): string {
  const maxChars = options.maxChars ?? defaultSummaryMaxChars
  const image = escapeMarkdown(results.image.names[0] ?? results.image.reference)
  const head: string[] = [
    `## ${verdict.status === 'pass' ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}`,
    '',
    `${image} · profile ${escapeMarkdown(results.scanner.profile.title)} · fail-on ${verdict.failOn} · score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)}`,
    ''
  ]
  for (const reason of verdict.reasons) head.push(`- ${reasonLine(reason)}`)
  if (verdict.reasons.length > 0) head.push('')
  head.push(...renderGateDetails(verdict))

  head.push('| Result | Rules |', '| --- | ---: |')
  for (const value of ruleResultValues) {
    if (results.counts[value] > 0) head.push(`| ${value} | ${results.counts[value]} |`)
  }
  head.push('')

  const rows = results.rules
    .filter(r => listed.has(r.result))
    .sort(
      (a, b) =>
        severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
        compare(a.id, b.id) ||
        a.index - b.index
    )
  const body: string[] = []
  if (rows.length > 0)
    body.push(
      '### Failing and unverified rules',
      '',
      '| Severity | Result | Rule | Title |',
      '| --- | --- | --- | --- |'
    )
  for (const rule of rows) body.push(row(rule))

  const note = (dropped: number): string =>
    `\n_${dropped} more ${dropped === 1 ? 'rule is' : 'rules are'} not shown: see the full report${options.fullReportHint ? ` (${escapeMarkdown(options.fullReportHint)})` : ''}._\n`
  const full = [...head, ...body, ''].join('\n')
  if (full.length <= maxChars) return full

  // Keep whole rows while the text plus the worst-case note fits.
  const reserve = note(rows.length).length
  let text = head.join('\n')
  let kept = 0
  const headerRows = rows.length > 0 ? 4 : 0
  for (const [i, line] of body.entries()) {
    if (text.length + line.length + 1 + reserve > maxChars) break
    text += `\n${line}`
    if (i >= headerRows) kept += 1
  }
  return truncate(`${text}\n${note(rows.length - kept)}`, maxChars)
}

function row(rule: RuleOutcome): string {
  return `| ${rule.severity} | ${rule.result} | ${escapeMarkdownCode(rule.shortId).replace(/\|/g, '\\|')} | ${escapeMarkdown(truncate(rule.title, 300))} |`
}

function reasonLine(reason: GateReason): string {
  return escapeMarkdown(reason.message)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
