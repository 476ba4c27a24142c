/**
 * The compliance gate: {@link ScanResults} + threshold → {@link GateVerdict}. Never throws for a
 * red gate; the adapter decides what a `fail` does.
 *
 * Policy (docs/results-schema.md, "gate"):
 * - a rule ending `fail` with severity ≥ `failOn` fails the gate;
 * - a rule ending `error` or `unknown` with severity ≥ `failOn` also fails it: unverified is not
 *   compliant;
 * - severity `unknown` (the content did not say) ranks as `high`, so it can never slip under a
 *   threshold; `info` ranks below `low`, so it never gates;
 * - when nothing was evaluated (no rule selected, or every selected rule `notapplicable` or
 *   `notchecked`: a platform mismatch, openscap.md §3) the gate fails, whatever `failOn` is
 *   except `never`;
 * - `never` always passes; the counts are still filled in.
 * Waivers and baselines are not applied here yet.
 */
import {type RuleOutcome, type ScanResults, type Severity} from '../results/model.js'
import type {FailOn, GateReason, GateVerdict} from './types.js'

const rank: Record<Severity, number> = {info: 0, low: 1, medium: 2, high: 3, unknown: 3}
const evaluatedResults = new Set(['pass', 'fail', 'error', 'unknown', 'informational', 'fixed'])

export interface EvaluateGateOptions {
  failOn: FailOn
}

export function evaluateGate(results: ScanResults, options: EvaluateGateOptions): GateVerdict {
  const {failOn} = options
  const selected = results.rules.filter(r => r.result !== 'notselected')
  const evaluated = selected.filter(r => evaluatedResults.has(r.result))
  const threshold = failOn === 'never' ? undefined : rank[failOn]
  const gating = (rule: RuleOutcome): boolean =>
    threshold !== undefined && rank[rule.severity] >= threshold

  const failing = selected.filter(r => r.result === 'fail' && gating(r))
  const unverified = selected.filter(
    r => (r.result === 'error' || r.result === 'unknown') && gating(r)
  )
  const belowThreshold = selected.filter(r => r.result === 'fail' && !gating(r)).length

  const reasons: GateReason[] = []
  if (failOn !== 'never') {
    if (evaluated.length === 0) {
      reasons.push({
        kind: 'nothing-evaluated',
        message:
          selected.length === 0
            ? 'No rule was selected: check the profile (oscap evaluates nothing without one).'
            : `None of the ${selected.length} selected rules could be evaluated (all notapplicable or notchecked): the content probably does not match the image's OS.`,
        ruleIds: ids(selected)
      })
    }
    if (failing.length > 0) {
      const ruleIds = ids(failing)
      reasons.push({
        kind: 'failed-rules',
        message: `${plural(ruleIds.length, 'rule')} failed at severity ${failOn} or higher.`,
        ruleIds,
        threshold: failOn
      })
    }
    if (unverified.length > 0) {
      const ruleIds = ids(unverified)
      reasons.push({
        kind: 'unverified-rules',
        message: `${plural(ruleIds.length, 'rule')} at severity ${failOn} or higher could not be checked (error or unknown).`,
        ruleIds,
        threshold: failOn
      })
    }
  }

  const status = reasons.length === 0 ? 'pass' : 'fail'
  return {
    status,
    failOn,
    reasons,
    counts: {
      selected: selected.length,
      evaluated: evaluated.length,
      failing: failing.length,
      unverified: unverified.length,
      belowThreshold,
      results: results.counts
    },
    summary: summarize(
      status,
      failOn,
      failing.length,
      unverified.length,
      evaluated.length,
      selected.length
    )
  }
}

function summarize(
  status: 'pass' | 'fail',
  failOn: FailOn,
  failing: number,
  unverified: number,
  evaluated: number,
  selected: number
): string {
  const threshold = failOn === 'never' ? 'gate disabled (fail-on never)' : `fail-on ${failOn}`
  if (status === 'fail' && evaluated === 0) {
    return `Compliance gate failed: no rule was evaluated (${selected} selected); ${threshold}.`
  }
  const verb = status === 'pass' ? 'passed' : 'failed'
  return `Compliance gate ${verb}: ${plural(failing, 'failing rule')}, ${plural(unverified, 'unverified rule')} at or above the threshold, ${evaluated} of ${selected} selected rules evaluated; ${threshold}.`
}

function ids(rules: readonly RuleOutcome[]): string[] {
  return [...new Set(rules.map(r => r.id))].sort()
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
