/**
 * The plain compliance gate (no policy file): {@link ScanResults} + `failOn` → {@link GateVerdict}.
 * Never throws for a red gate; the adapter decides what a `fail` does.
 *
 * Policy (docs/results-schema.md, "gate"):
 * - a rule ending `fail` with severity ≥ `failOn` fails the gate;
 * - a rule ending `error` or `unknown` with severity ≥ `failOn` also fails it: unverified is not
 *   compliant;
 * - severity `unknown` (the content did not say) ranks as `high`, so it can never slip under a
 *   threshold; `info` ranks below `low`, so it never gates;
 * - when nothing was evaluated (no rule selected, or every selected rule `notapplicable` or
 *   `notchecked`: a platform mismatch, docs/reference/openscap.md §3) the gate fails, whatever `failOn` is
 *   except `never`;
 * - `never` always passes; the counts are still filled in.
 * This is {@link evaluatePolicyGate} with the default thresholds and no waivers or baseline.
 */
import {defaultCountAs} from '../policy/types.js'
import type {ScanResults} from '../results/model.js'
import {evaluatePolicyGate} from './evaluate-policy-gate.js'
import type {FailOn, GateVerdict} from './types.js'

export interface EvaluateGateOptions {
  failOn: FailOn
}

export function evaluateGate(results: ScanResults, options: EvaluateGateOptions): GateVerdict {
  return evaluatePolicyGate(results, {
    thresholds: {failOn: options.failOn, max: {}, countAs: defaultCountAs},
    mode: 'absolute',
    waivers: [],
    staleWaivers: 'report',
    now: new Date(0)
  })
}
