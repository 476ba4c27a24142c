/**
 * The policy gate: {@link ScanResults} + thresholds, waivers, mode and an optional baseline →
 * {@link GateVerdict}. A value, never an exception; the clock is injected (`now`) so expiry is
 * testable. `docs/policy.md` is the user-facing statement of these rules:
 *
 * - a rule "fails" when it ends `fail`, or `error`/`unknown`/`notchecked` counted as a failure
 *   (`countAs`; by default error and unknown count, notchecked does not);
 * - an unexpired waiver in scope removes its rule from the count (reported under `applied`);
 *   an expired one does not, and fails the gate naming it; one that covers no failing rule is
 *   `stale` (reported; fails only with `stale-waivers: fail`);
 * - per severity, the allowance is `max[severity]` when set, else 0 at or above `failOn` and
 *   unlimited below it (`failOn: never` lifts only that default, not `max`/`min-score`);
 * - `absolute` counts every failing rule and checks `minScore`; `ratchet` counts only new
 *   failures and regressions against the baseline, and fails on a score below the baseline's;
 * - nothing evaluated fails the gate unless `failOn` is `never` (a platform mismatch).
 * Does not check that waiver rule ids exist (`policy/check-rules.ts`, with the content's rules).
 */
import {classifyRules, isFailing, perRule} from '../baseline/classify.js'
import type {BaselineData} from '../baseline/types.js'
import type {PolicyMode, StaleWaiverAction, Thresholds, Waiver} from '../policy/types.js'
import {waiverNames} from '../policy/check-rules.js'
import type {RuleOutcome, ScanResults, Severity} from '../results/model.js'
import {
  ruleChangeKinds,
  type BaselineReport,
  type GateReason,
  type GateVerdict,
  type WaiverReport
} from './types.js'
import {summarize} from './summarize.js'

export const severityRank: Record<Severity, number> = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  unknown: 3
}
const evaluatedResults = new Set(['pass', 'fail', 'error', 'unknown', 'informational', 'fixed'])
const reportOrder: Severity[] = ['high', 'unknown', 'medium', 'low', 'info']

export interface PolicyGateOptions {
  thresholds: Thresholds
  mode: PolicyMode
  /** Waivers already filtered to this image's scope. */
  waivers: readonly Waiver[]
  staleWaivers: StaleWaiverAction
  /** Required for `ratchet`; optional (classification only) for `absolute`. */
  baseline?: BaselineData
  now: Date
}

/** A waiver holds through its expiry day, in UTC. */
export function isExpired(waiver: Pick<Waiver, 'expires'>, now: Date): boolean {
  const [y, m, d] = waiver.expires.split('-').map(Number) as [number, number, number]
  return now.getTime() >= Date.UTC(y, m - 1, d + 1)
}

export function evaluatePolicyGate(results: ScanResults, options: PolicyGateOptions): GateVerdict {
  const {thresholds, mode, now} = options
  const {failOn, max, countAs} = thresholds
  const selected = results.rules.filter(r => r.result !== 'notselected')
  const evaluated = selected.filter(r => evaluatedResults.has(r.result))
  const failing = selected.filter(r => isFailing(r.result, countAs))

  // Waivers: which failing rule-results each one covers.
  const active = options.waivers.filter(w => !isExpired(w, now))
  const expired = options.waivers.filter(w => isExpired(w, now))
  const covered = (waiver: Waiver): string[] => ids(failing.filter(r => waiverNames(waiver, r.id)))
  const waived = failing.filter(r => active.some(w => waiverNames(w, r.id)))
  const applied = active.filter(w => covered(w).length > 0).map(w => report(w, covered(w)))
  const stale = active.filter(w => covered(w).length === 0).map(w => report(w, []))
  const expiredReports = expired.map(w => report(w, covered(w)))
  const unwaived = failing.filter(r => !waived.includes(r))

  let baseline: BaselineReport | undefined
  let changes: Map<string, string> | undefined
  if (options.baseline !== undefined) {
    changes = classifyRules(perRule(selected), options.baseline.rules, countAs)
    baseline = {
      source: options.baseline.source,
      ...(options.baseline.score === undefined ? {} : {score: options.baseline.score}),
      changes: Object.fromEntries(
        ruleChangeKinds.map(kind => [
          kind,
          [...changes!]
            .filter(([, k]) => k === kind)
            .map(([id]) => id)
            .sort()
        ])
      ) as BaselineReport['changes']
    }
  }
  const ratchet = mode === 'ratchet' && changes !== undefined
  const considered = ratchet
    ? unwaived.filter(
        r => changes!.get(r.id) === 'new-failure' || changes!.get(r.id) === 'regression'
      )
    : unwaived

  const defaultAllowance = (severity: Severity): number =>
    failOn !== 'never' && severity !== 'info' && severityRank[severity] >= severityRank[failOn]
      ? 0
      : Infinity
  const gatingByDefault = considered.filter(
    r => max[r.severity] === undefined && defaultAllowance(r.severity) === 0
  )
  const threshold: Severity = failOn === 'never' ? 'high' : failOn
  const failRules = gatingByDefault.filter(r => r.result === 'fail')
  const unverifiedRules = gatingByDefault.filter(r => r.result !== 'fail')

  const reasons: GateReason[] = []
  if (failOn !== 'never' && evaluated.length === 0) {
    reasons.push({
      kind: 'nothing-evaluated',
      message:
        selected.length === 0
          ? 'No rule was selected: check the profile (oscap evaluates nothing without one).'
          : `None of the ${selected.length} selected rules could be evaluated (all notapplicable or notchecked): the content probably does not match the image's OS.`,
      ruleIds: ids(selected)
    })
  }
  if (failRules.length > 0) {
    const ruleIds = ids(failRules)
    reasons.push(
      ratchet
        ? {
            kind: 'new-failures',
            message: `${plural(ruleIds.length, 'rule')} failed at severity ${failOn} or higher that did not fail in the baseline.`,
            ruleIds,
            threshold
          }
        : {
            kind: 'failed-rules',
            message: `${plural(ruleIds.length, 'rule')} failed at severity ${failOn} or higher.`,
            ruleIds,
            threshold
          }
    )
  }
  if (unverifiedRules.length > 0) {
    const ruleIds = ids(unverifiedRules)
    reasons.push(
      ratchet
        ? {
            kind: 'regressions',
            message: `${plural(ruleIds.length, 'rule')} at severity ${failOn} or higher could not be checked and did not fail in the baseline.`,
            ruleIds,
            threshold
          }
        : {
            kind: 'unverified-rules',
            message: `${plural(ruleIds.length, 'rule')} at severity ${failOn} or higher could not be checked (${countedResults(countAs)}).`,
            ruleIds,
            threshold
          }
    )
  }
  for (const severity of reportOrder) {
    const maximum = max[severity]
    if (maximum === undefined) continue
    const over = considered.filter(r => r.severity === severity)
    const count = ids(over).length
    if (count > maximum) {
      reasons.push({
        kind: 'too-many-failures',
        message: `${plural(count, `${ratchet ? 'new ' : ''}failing ${severity}-severity rule`)}, more than the ${maximum} allowed.`,
        ruleIds: ids(over),
        severity,
        maximum,
        count
      })
    }
  }
  const score = results.score.value
  if (ratchet && options.baseline?.score !== undefined && score < options.baseline.score) {
    reasons.push({
      kind: 'score-dropped',
      message: `The score dropped from ${options.baseline.score.toFixed(2)} (baseline) to ${score.toFixed(2)}.`,
      ruleIds: baseline?.changes['new-failure'] ?? [],
      score,
      baselineScore: options.baseline.score
    })
  }
  if (!ratchet && thresholds.minScore !== undefined && score < thresholds.minScore) {
    reasons.push({
      kind: 'score-below-minimum',
      message: `The score ${score.toFixed(2)} is below the minimum ${thresholds.minScore}.`,
      ruleIds: [],
      score,
      minimum: thresholds.minScore
    })
  }
  if (expiredReports.length > 0) {
    reasons.push({
      kind: 'expired-waivers',
      message: `${plural(expiredReports.length, 'waiver')} expired: ${expiredReports.map(w => `${w.rule} (${w.expires}${w.source === undefined ? '' : `, ${w.source}`})`).join(', ')}; renew or remove ${expiredReports.length === 1 ? 'it' : 'them'}.`,
      ruleIds: [...new Set(expiredReports.map(w => w.rule))].sort(),
      waivers: expiredReports
    })
  }
  if (stale.length > 0 && options.staleWaivers === 'fail') {
    reasons.push({
      kind: 'stale-waivers',
      message: `${plural(stale.length, 'waiver')} match no failing rule: ${stale.map(w => w.rule).join(', ')}; remove ${stale.length === 1 ? 'it' : 'them'}.`,
      ruleIds: [...new Set(stale.map(w => w.rule))].sort(),
      waivers: stale
    })
  }

  const status = reasons.length === 0 ? 'pass' : 'fail'
  const failCount = failRules.length
  const unverifiedCount = unverifiedRules.length
  const verdict: GateVerdict = {
    status,
    failOn,
    mode: ratchet ? 'ratchet' : 'absolute',
    reasons,
    counts: {
      selected: selected.length,
      evaluated: evaluated.length,
      failing: failCount,
      unverified: unverifiedCount,
      belowThreshold: unwaived.filter(r => r.result === 'fail' && !failRules.includes(r)).length,
      waived: waived.length,
      results: results.counts
    },
    waivers: {applied, expired: expiredReports, stale},
    ...(baseline === undefined ? {} : {baseline}),
    ...(Object.keys(max).length === 0 ? {} : {maxCounts: max}),
    ...(thresholds.minScore === undefined ? {} : {minScore: thresholds.minScore}),
    summary: ''
  }
  verdict.summary = summarize(verdict)
  return verdict
}

function report(waiver: Waiver, ruleIds: string[]): WaiverReport {
  return {
    rule: waiver.rule,
    ...(waiver.images === undefined ? {} : {images: waiver.images}),
    reason: waiver.reason,
    approver: waiver.approver,
    expires: waiver.expires,
    ruleIds,
    ...(waiver.source === undefined ? {} : {source: `${waiver.source.file}:${waiver.source.line}`})
  }
}

function countedResults(countAs: Thresholds['countAs']): string {
  return (['error', 'unknown', 'notchecked'] as const)
    .filter(r => countAs[r] === 'failure')
    .join(' or ')
}

export function ids(rules: readonly RuleOutcome[]): string[] {
  return [...new Set(rules.map(r => r.id))].sort()
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
