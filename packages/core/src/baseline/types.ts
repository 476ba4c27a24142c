import type {RuleResultValue} from '../results/model.js'

/**
 * What a baseline says, whatever file it came from (`results.json`, an ARF or a baseline file
 * written by `scapgate baseline`): one result per selected rule.
 */
export interface BaselineData {
  /** The file as the user named it, for messages and the verdict. */
  source: string
  /** The default-system score, when the source recorded one. */
  score?: number
  /** Full rule id → result (the worst of its rule-results when a rule has several). */
  rules: Map<string, RuleResultValue>
  profileId?: string
  benchmarkId?: string
  benchmarkVersion?: string
  configDigest?: string
}
