/**
 * The markdown summary for job summaries, MR/PR comments and the console: verdict first, then
 * counts, then the failing and unverified rules by severity.
 *
 * All content- and image-derived text goes through the escaping layer (./escape.ts): Markdown
 * text, table code and `<summary>` HTML each get their own function, so nothing from the image or
 * the content can ping, link, inject HTML or carry control bytes. The output never
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
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import {fencedBlock, htmlText, markdownText, tableCode, truncate} from '../escape/escape.js'
import type {SarifTrim} from './sarif.js'

export interface SummaryOptions {
  maxChars?: number
  /** Where the full report lives, e.g. an artifact name or URL; shown when rows are dropped. */
  fullReportHint?: string
  /** Per rule-result locations; adds a Location column. */
  blame?: ReadonlyMap<string, Attribution>
  /** Dockerfile `RUN` snippets by full rule id; adds a "How to fix" section. */
  runFixes?: ReadonlyMap<string, string>
  /** What the SARIF writer had to leave out, if anything. */
  sarifTrim?: SarifTrim
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
  const image = markdownText(results.image.names[0] ?? results.image.reference)
  const head: string[] = [
    summaryHeading(verdict.status),
    '',
    `${image} · profile ${markdownText(results.scanner.profile.title)} · fail-on ${verdict.failOn} · score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)}`,
    ''
  ]
  const selection = results.scanner.content.selection
  if (selection !== undefined) {
    const others = selection.passedOver?.length ?? 0
    head.push(
      `Content: ${markdownText(selection.reason)}${others === 0 ? '' : ` (${others} newer ${others === 1 ? 'copy' : 'copies'} passed over: see results.json)`}`,
      ''
    )
  }
  for (const note of results.scanner.notes ?? []) head.push(`Note: ${markdownText(note)}`, '')
  for (const reason of verdict.reasons) head.push(`- ${reasonLine(reason)}`)
  if (verdict.reasons.length > 0) head.push('')
  if (options.sarifTrim !== undefined) {
    const {total, kept, reason} = options.sarifTrim
    head.push(
      `> SARIF holds ${kept} of ${total} findings (the most severe first): ${markdownText(reason)}. Every finding is in results.json and junit.xml.`,
      ''
    )
  }
  head.push(...renderGateDetails(verdict))

  head.push('| Result | Rules |', '| --- | ---: |')
  // notselected: rules of the benchmark outside the profile (hundreds in SSG), not news to a reviewer.
  for (const value of ruleResultValues) {
    if (value !== 'notselected' && results.counts[value] > 0)
      head.push(`| ${value} | ${results.counts[value]} |`)
  }
  head.push('')
  // Rules scapgate chose not to evaluate (SCE scripts): named, with why, since they are not listed below.
  const reasons = new Map<string, RuleOutcome[]>()
  for (const rule of results.rules) {
    if (rule.reason !== undefined)
      reasons.set(rule.reason, [...(reasons.get(rule.reason) ?? []), rule])
  }
  for (const [reason, rules] of reasons) {
    const ids = rules.slice(0, 20).map(r => tableCode(r.shortId))
    head.push(
      `> ${rules.length} ${rules[0]?.result ?? ''}: ${markdownText(reason)} (${ids.join(', ')}${rules.length > 20 ? ', …' : ''})`,
      ''
    )
  }

  const rows = results.rules
    .filter(r => listed.has(r.result))
    .sort(
      (a, b) =>
        severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
        compare(a.id, b.id) ||
        a.index - b.index
    )
  const body: string[] = []
  const blame = options.blame
  if (rows.length > 0)
    body.push(
      '### Failing and unverified rules',
      '',
      blame === undefined
        ? '| Severity | Result | Rule | Title |'
        : '| Severity | Result | Rule | Title | Location |',
      blame === undefined ? '| --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |'
    )
  for (const rule of rows) body.push(row(rule, blame?.get(ruleKey(rule)), blame !== undefined))
  const fixable = rows.filter(r => r.result === 'fail' && options.runFixes?.has(r.id) === true)
  if (fixable.length > 0) body.push('', '### How to fix', '')
  for (const rule of fixable) {
    const where = blame?.get(ruleKey(rule))
    const after =
      where?.kind === 'instruction'
        ? ` after line ${where.location.endLine ?? where.location.startLine} of ${htmlText(where.location.uri)}`
        : ''
    body.push(
      // An HTML block: GFM parses no Markdown up to the blank line, so this line is HTML only.
      `<details><summary><code>${htmlText(rule.shortId)}</code>: add to the Dockerfile${after}</summary>`,
      '',
      fencedBlock(options.runFixes?.get(rule.id) ?? '', 'dockerfile'),
      '',
      '</details>'
    )
  }
  if (rows.some(r => r.result === 'fail') && options.runFixes !== undefined)
    body.push(
      '',
      'Full remediation from the SCAP content: `fixes/remediation.sh` (bash) and `fixes/playbook.yml` (Ansible).'
    )

  const hint = options.fullReportHint ? ` (${markdownText(options.fullReportHint)})` : ''
  const note = (dropped: number): string =>
    dropped > 0
      ? `\n_${dropped} more ${dropped === 1 ? 'rule is' : 'rules are'} not shown: see the full report${hint}._\n`
      : `\n_Some fixes are not shown: see the full report${hint} and fixes/._\n`
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
    if (i >= headerRows && i < headerRows + rows.length) kept += 1
  }
  // A cut inside a fix's fenced block would leave it open: cut back to the last whole row.
  const open = text.lastIndexOf('\n<details>')
  if (open > text.lastIndexOf('</details>')) text = text.slice(0, open)
  return truncate(`${text}\n${note(rows.length - kept)}`, maxChars)
}

function row(rule: RuleOutcome, blame: Attribution | undefined, withLocation: boolean): string {
  const reason = rule.reason === undefined ? '' : ` (${markdownText(truncate(rule.reason, 200))})`
  const base = `| ${rule.severity} | ${rule.result} | ${tableCode(rule.shortId)} | ${markdownText(truncate(rule.title, 300))}${reason} |`
  if (!withLocation) return base
  if (blame === undefined) return `${base} |`
  const found = blame.evidence === '' ? '' : `${markdownText(truncate(blame.evidence, 200))}: `
  return `${base} ${tableCode(`${blame.location.uri}:${blame.location.startLine}`)} ${found}${markdownText(truncate(blame.cause, 200))} |`
}

function reasonLine(reason: GateReason): string {
  return markdownText(reason.message)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The first line of summary.md; the CVE step swaps it when only its own gate fails. */
export function summaryHeading(status: 'pass' | 'fail'): string {
  return `## ${status === 'pass' ? '✅ Compliance gate passed' : '❌ Compliance gate failed'}`
}
