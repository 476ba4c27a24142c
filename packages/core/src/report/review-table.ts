/**
 * What a reviewer reads above the fold of summary.md (and so of the PR comment, the job summary
 * and the GitLab note): the score against the baseline, the counts that matter in review, and a
 * table of the rules that gate, new ones first, each with its location linked to the line.
 */
import type {GateReason, GateVerdict} from '../gate/types.js'
import type {RuleOutcome, ScanResults, Severity} from '../results/model.js'
import {ruleKey} from '../blame/attribute.js'
import type {Attribution} from '../blame/types.js'
import {markdownLink, markdownText, tableCode, truncate} from '../escape/escape.js'
import {sourceUrl, type SourceLinks} from './source-links.js'

export const severityOrder: Severity[] = ['high', 'unknown', 'medium', 'low', 'info']
/** Results a reviewer must look at: failed, or could not be checked. */
export const listedResults = new Set(['fail', 'error', 'unknown'])

/** Reasons whose `ruleIds` are full XCCDF ids of rules that gate by themselves. */
const gatingKinds = new Set<GateReason['kind']>([
  'failed-rules',
  'unverified-rules',
  'new-failures',
  'regressions',
  'too-many-failures'
])

export function gatingRuleIds(verdict: GateVerdict): Set<string> {
  const ids = new Set<string>()
  for (const reason of verdict.reasons)
    if (gatingKinds.has(reason.kind) && 'ruleIds' in reason)
      for (const id of reason.ruleIds) ids.add(id)
  return ids
}

const rank: Record<string, number> = {info: 0, low: 1, medium: 2, high: 3, unknown: 3}

/**
 * The rules above the fold: those that gate, and in ratchet mode those still failing at or above
 * the threshold (they do not gate, but they are what the image still gets wrong); never waived
 * ones (they are listed with their waiver in the details).
 */
export function reviewRuleIds(verdict: GateVerdict): Set<string> {
  const ids = gatingRuleIds(verdict)
  const waived = new Set(verdict.waivers.applied.flatMap(w => w.ruleIds))
  for (const id of verdict.baseline?.changes['still-failing'] ?? []) ids.add(id)
  for (const id of waived) ids.delete(id)
  return ids
}

/** `severity` counts at `failOn` (`never`: nothing does). */
export function atOrAbove(severity: Severity, failOn: GateVerdict['failOn']): boolean {
  return failOn !== 'never' && (rank[severity] ?? 3) >= (rank[failOn] ?? 3)
}

export function newRuleIds(verdict: GateVerdict): Set<string> {
  const changes = verdict.baseline?.changes
  return new Set([...(changes?.['new-failure'] ?? []), ...(changes?.regression ?? [])])
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** New first, then by severity, then by id. */
export function reviewOrder(fresh: ReadonlySet<string>) {
  return (a: RuleOutcome, b: RuleOutcome): number =>
    Number(fresh.has(b.id)) - Number(fresh.has(a.id)) ||
    severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
    compare(a.id, b.id) ||
    a.index - b.index
}

const signed = (delta: number): string =>
  `${delta > 0 ? '▲ +' : delta < 0 ? '▼ −' : '= '}${Math.abs(delta).toFixed(2)}`

/** `**Score 71.30/100** (▼ −2.10 against the baseline)` and the review counts, one paragraph. */
export function scoreAndCounts(results: ScanResults, verdict: GateVerdict): string {
  const {value, maximum} = results.score
  const baseline = verdict.baseline
  const delta =
    baseline?.score === undefined
      ? baseline === undefined
        ? ''
        : ' (the baseline recorded no score)'
      : ` (${signed(value - baseline.score)} against the baseline)`
  const waived = verdict.waivers.applied.reduce((n, w) => n + Math.max(1, w.ruleIds.length), 0)
  const expired = verdict.waivers.expired.length
  const changes = baseline?.changes
  const counts =
    changes === undefined
      ? `**${results.counts.fail} failing** · no baseline to compare with · ${waived} waived · ${expired} expired`
      : `**${newRuleIds(verdict).size} new** · ${changes['still-failing'].length} still failing · ${changes.fixed.length} fixed · ${waived} waived · ${expired} expired`
  return `**Score ${value.toFixed(2)}/${maximum.toFixed(0)}**${delta} · ${counts}`
}

/** `[Dockerfile:3](…#L3)`, or the location as code when there is no link. */
export function locationCell(where: Attribution | undefined, links?: SourceLinks): string {
  if (where === undefined) return ''
  const label = `${where.location.uri}:${where.location.startLine}`
  const url = sourceUrl(links, where.location)
  return url === undefined ? tableCode(label) : markdownLink(label, url)
}

export interface RuleTableOptions {
  blame?: ReadonlyMap<string, Attribution>
  links?: SourceLinks
  fresh: ReadonlySet<string>
  /** Add the Result column (the folded table of other rules). */
  withResult?: boolean
}

export function ruleTableHeader(options: RuleTableOptions): string[] {
  const result = options.withResult === true ? ' Result |' : ''
  const dash = options.withResult === true ? ' --- |' : ''
  return options.blame === undefined
    ? [`| Severity |${result} Rule |`, `| --- |${dash} --- |`]
    : [`| Severity |${result} Rule | Location | Found |`, `| --- |${dash} --- | --- | --- |`]
}

/** One row: severity (🆕 when new), title (id in code), linked location, what was found and why. */
export function ruleRow(rule: RuleOutcome, options: RuleTableOptions): string {
  const severity = `${options.fresh.has(rule.id) ? '🆕\u00a0' : ''}${rule.severity}`
  const result = options.withResult === true ? ` ${rule.result} |` : ''
  const title = `${markdownText(truncate(rule.title, 200))} (${tableCode(rule.shortId)})`
  const base = `| ${severity} |${result} ${title} |`
  if (options.blame === undefined) return base
  const where = options.blame.get(ruleKey(rule))
  if (where === undefined) return `${base} | |`
  const found = [where.evidence, where.cause].filter(t => t !== '').join(': ')
  return `${base} ${locationCell(where, options.links)} | ${markdownText(truncate(found, 200))} |`
}
