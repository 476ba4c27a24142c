/** The gate's verdict: a value, never an exception (CONTRIBUTING.md, "Errors and exit codes"). */
import type {CveFailOn, FailOn} from '../options/option-values.js'
import type {ResultCounts, Severity} from '../results/model.js'

export {failOnValues, type FailOn} from '../options/option-values.js'

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
  | {
      /** More failing rules of one severity than the policy's `max` allows. */
      kind: 'too-many-failures'
      message: string
      ruleIds: string[]
      severity: Severity
      maximum: number
      count: number
    }
  | {
      kind: 'score-below-minimum'
      message: string
      ruleIds: string[]
      score: number
      minimum: number
    }
  | {
      /** Ratchet: rules that end `fail` now and did not fail in the baseline. */
      kind: 'new-failures'
      message: string
      ruleIds: string[]
      threshold: Severity
    }
  | {
      /** Ratchet: rules that could not be checked now (error/unknown/notchecked counted as failure) and did not fail in the baseline. */
      kind: 'regressions'
      message: string
      ruleIds: string[]
      threshold: Severity
    }
  | {
      kind: 'score-dropped'
      message: string
      ruleIds: string[]
      score: number
      baselineScore: number
    }
  | {
      /** Waivers past their expiry date: they no longer apply and fail the gate until renewed or removed. */
      kind: 'expired-waivers'
      message: string
      /** The waived rules as the policy names them. */
      ruleIds: string[]
      waivers: WaiverReport[]
    }
  | {
      /** Waivers that match no failing rule, when the policy says `stale-waivers: fail`. */
      kind: 'stale-waivers'
      message: string
      ruleIds: string[]
      waivers: WaiverReport[]
    }
  | CveGateReason

/**
 * Why the CVE part of the gate failed (`cve/cve-gate.ts`, docs/cves.md). They name CVE or OVAL
 * definition ids, never XCCDF rules, so they carry no `ruleIds`.
 */
export type CveGateReason =
  | {
      /** Findings at or above the CVE threshold, not waived (and fixed, with `ignore-unfixed`). */
      kind: 'vulnerable-packages'
      message: string
      cveIds: string[]
      threshold: CveFailOn
    }
  | {
      /** Vulnerability definitions oscap evaluated to error or unknown: not known to be safe. */
      kind: 'unverified-cve-definitions'
      message: string
      definitionIds: string[]
    }
  | {
      /** The feed is older than `max-feed-age` (or undated) and the policy says `stale-feed: fail`. */
      kind: 'stale-feed'
      message: string
      ageDays?: number
      maxFeedAgeDays: number
    }
  | {
      /** CVE waivers past their expiry that would cover gating findings. */
      kind: 'expired-cve-waivers'
      message: string
      cveIds: string[]
    }

/** A waiver as the verdict reports it: the policy's fields plus what it matched. */
export interface WaiverReport {
  /** As written in the policy (full or short rule id). */
  rule: string
  images?: string[]
  reason: string
  approver: string
  /** `YYYY-MM-DD`, valid through that day (UTC). */
  expires: string
  /** Full ids of the failing rules the waiver covers (applied) or would cover (expired); empty when stale. */
  ruleIds: string[]
  /** `scapgate.yml:12` */
  source?: string
}

export interface WaiverOutcomes {
  applied: WaiverReport[]
  expired: WaiverReport[]
  stale: WaiverReport[]
}

export const ruleChangeKinds = [
  'new-failure',
  'regression',
  'still-failing',
  'fixed',
  'newly-not-applicable',
  'new-rule'
] as const
export type RuleChangeKind = (typeof ruleChangeKinds)[number]

/** The comparison with the baseline: rule ids per class (sorted); unchanged rules are not listed. */
export interface BaselineReport {
  /** The baseline file as given. */
  source: string
  /** The baseline's score, when it recorded one. */
  score?: number
  changes: Record<RuleChangeKind, string[]>
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
  /** Failing rule-results covered by an unexpired waiver (reported, not gating). */
  waived: number
  results: ResultCounts
}

export interface GateVerdict {
  status: 'pass' | 'fail'
  failOn: FailOn
  /** `absolute`: thresholds apply to every rule; `ratchet`: only to changes against the baseline. */
  mode: 'absolute' | 'ratchet'
  reasons: GateReason[]
  counts: GateCounts
  waivers: WaiverOutcomes
  /** Present when a baseline was given. */
  baseline?: BaselineReport
  /** The policy thresholds beyond `failOn`, when set. */
  maxCounts?: Partial<Record<Severity, number>>
  minScore?: number
  /** One line for logs and CI status, built from trusted numbers only (no content text). */
  summary: string
}
