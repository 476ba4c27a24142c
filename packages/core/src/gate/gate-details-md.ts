/**
 * The policy part of `summary.md`, right after the verdict and its reasons: waivers applied,
 * expired and stale, and the comparison with the baseline. Empty for a plain gate (no policy
 * waivers, no baseline), so summaries without a policy are unchanged. Every list is capped, so
 * this block stays small whatever the policy or the scan holds; policy text (reasons, approvers)
 * is escaped like content text (../escape/escape.ts).
 */
import {codeSpan, markdownText, tableCode, truncate} from '../escape/escape.js'
import {shortRuleId} from '../policy/check-rules.js'
import type {GateVerdict, RuleChangeKind, WaiverReport} from './types.js'

const maxRows = 25

const changeLabels: Record<RuleChangeKind, string> = {
  'new-failure': 'new failures',
  regression: 'regressions',
  'still-failing': 'still failing',
  fixed: 'fixed',
  'newly-not-applicable': 'newly not applicable',
  'new-rule': 'new rules'
}

function cap<T>(items: readonly T[]): {shown: readonly T[]; more: string} {
  const more = items.length > maxRows ? ` … and ${items.length - maxRows} more` : ''
  return {shown: items.slice(0, maxRows), more}
}

function waiverTable(title: string, waivers: readonly WaiverReport[]): string[] {
  if (waivers.length === 0) return []
  const {shown, more} = cap(waivers)
  const lines = [
    `**${title}** (${waivers.length})`,
    '',
    '| Rule | Expires | Approver | Reason |',
    '| --- | --- | --- | --- |'
  ]
  for (const w of shown) {
    lines.push(
      `| ${tableCode(w.rule)} | ${markdownText(w.expires)} | ${markdownText(w.approver)} | ${markdownText(truncate(w.reason, 300))} |`
    )
  }
  if (more !== '') lines.push('', `_${more.trim()}_`)
  lines.push('')
  return lines
}

export function renderGateDetails(verdict: GateVerdict): string[] {
  const lines: string[] = []
  const {waivers, baseline} = verdict
  lines.push(...waiverTable('Waived failures (not gating)', waivers.applied))
  lines.push(...waiverTable('Expired waivers (failing the gate)', waivers.expired))
  lines.push(...waiverTable('Stale waivers (match no failing rule)', waivers.stale))
  if (baseline !== undefined) {
    const counts = (Object.keys(changeLabels) as RuleChangeKind[])
      .map(kind => `${baseline.changes[kind].length} ${changeLabels[kind]}`)
      .join(', ')
    lines.push(
      `**Against the baseline** ${codeSpan(baseline.source)} (${verdict.mode}): ${counts}`,
      ''
    )
    for (const kind of Object.keys(changeLabels) as RuleChangeKind[]) {
      const ids = baseline.changes[kind]
      if (ids.length === 0 || kind === 'still-failing') continue
      const {shown, more} = cap(ids)
      lines.push(
        `- ${changeLabels[kind]}: ${shown.map(id => codeSpan(shortRuleId(id))).join(', ')}${more}`
      )
    }
    lines.push('')
  }
  return lines
}
