/**
 * Rule-by-rule comparison of a scan with a baseline. A rule "fails" when it ends `fail`, or ends
 * `error`/`unknown`/`notchecked` and the policy counts that result as a failure.
 *
 * - `new-failure`: ends `fail` now, did not fail in the baseline;
 * - `regression`: cannot be checked now (counted as a failure), did not fail in the baseline;
 * - `still-failing`: fails now and in the baseline;
 * - `fixed`: failed in the baseline, does not fail now (and is not newly not applicable);
 * - `newly-not-applicable`: ends `notapplicable` now, was applicable in the baseline;
 * - `new-rule`: selected now, absent or not selected in the baseline.
 * Anything else is unchanged and not listed. Rules the baseline had and the scan no longer
 * selects are not listed either (a profile change, not a finding).
 */
import type {RuleChangeKind} from '../gate/types.js'
import type {RuleResultValue} from '../results/model.js'
import type {Thresholds} from '../policy/types.js'

const worstFirst: RuleResultValue[] = [
  'fail',
  'error',
  'unknown',
  'notchecked',
  'informational',
  'fixed',
  'pass',
  'notapplicable',
  'notselected'
]

/** One result per rule: the worst of its rule-results (multi-check rules have several). */
export function worstResult(a: RuleResultValue, b: RuleResultValue): RuleResultValue {
  return worstFirst.indexOf(a) <= worstFirst.indexOf(b) ? a : b
}

export function perRule(
  rules: readonly {id: string; result: RuleResultValue}[]
): Map<string, RuleResultValue> {
  const map = new Map<string, RuleResultValue>()
  for (const rule of rules) {
    const seen = map.get(rule.id)
    map.set(rule.id, seen === undefined ? rule.result : worstResult(seen, rule.result))
  }
  return map
}

export function isFailing(result: RuleResultValue, countAs: Thresholds['countAs']): boolean {
  if (result === 'fail') return true
  if (result === 'error' || result === 'unknown' || result === 'notchecked')
    return countAs[result] === 'failure'
  return false
}

export function classifyRule(
  now: RuleResultValue,
  before: RuleResultValue | undefined,
  countAs: Thresholds['countAs']
): RuleChangeKind | undefined {
  if (now === 'notselected') return undefined
  if (before === undefined || before === 'notselected') return 'new-rule'
  const failsNow = isFailing(now, countAs)
  const failedBefore = isFailing(before, countAs)
  if (failsNow)
    return failedBefore ? 'still-failing' : now === 'fail' ? 'new-failure' : 'regression'
  if (now === 'notapplicable' && before !== 'notapplicable') return 'newly-not-applicable'
  if (failedBefore) return 'fixed'
  return undefined
}

/** Every selected rule of the scan that changed, by class. */
export function classifyRules(
  current: ReadonlyMap<string, RuleResultValue>,
  baseline: ReadonlyMap<string, RuleResultValue>,
  countAs: Thresholds['countAs']
): Map<string, RuleChangeKind> {
  const changes = new Map<string, RuleChangeKind>()
  for (const [id, result] of current) {
    const kind = classifyRule(result, baseline.get(id), countAs)
    if (kind !== undefined) changes.set(id, kind)
  }
  return changes
}
