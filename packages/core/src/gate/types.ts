/** The gate's verdict: a value, never an exception (STYLE.md example 5). */
import type {ResultCounts, Severity} from '../results/model.js'

export const failOnValues = ['low', 'medium', 'high', 'never'] as const
export type FailOn = (typeof failOnValues)[number]

/**
 * Why the gate failed. A discriminated union on `kind` so that waivers and baselines (later
 * issues) can add kinds without breaking readers; readers must ignore kinds they do not know.
 * `ruleIds` are full XCCDF ids, deduplicated, sorted.
 */
export type GateReason =
  | {
      kind: 'failed-rules'
      message: string
      ruleIds: string[]
      /** The lowest severity that counts, i.e. `failOn`. */
      threshold: Severity
    }
  | {
      /** Rules ending `error` or `unknown`: they could not be checked, so they are not compliant. */
      kind: 'unverified-rules'
      message: string
      ruleIds: string[]
      threshold: Severity
    }
  | {
      /** Nothing was evaluated: no rule selected, or every selected rule notapplicable/notchecked. */
      kind: 'nothing-evaluated'
      message: string
      ruleIds: string[]
    }

export interface GateCounts {
  /** Rule-results other than `notselected`. */
  selected: number
  /** Rule-results that produced a verdict: pass, fail, error, unknown, informational, fixed. */
  evaluated: number
  /** `fail` rule-results at or above the threshold (a multi-check rule counts once per rule-result). */
  failing: number
  /** `error`/`unknown` rule-results at or above the threshold. */
  unverified: number
  /** `fail` rule-results below the threshold: reported, not gating. */
  belowThreshold: number
  results: ResultCounts
}

export interface GateVerdict {
  status: 'pass' | 'fail'
  failOn: FailOn
  reasons: GateReason[]
  counts: GateCounts
  /** One line for logs and CI status, built from trusted numbers only (no content text). */
  summary: string
}
