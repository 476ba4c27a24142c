/**
 * The baseline file `scapgate baseline` writes: one line per selected rule, keys sorted, no
 * timestamps or paths, so that it is small, stable across rescans of the same image, and diffs
 * line by line. Documented in `docs/policy.md` ("Baselines").
 */
import type {ScanResults} from '../results/model.js'
import {perRule} from './classify.js'

export const baselineSchemaUri = 'https://scapgate.dev/schemas/baseline/v1'

export interface BaselineFile {
  schema: typeof baselineSchemaUri
  /** The image config digest the baseline was taken from. */
  configDigest: string
  benchmark: {id: string; version: string}
  profile: string
  score: number
  /** Full rule id → result (worst of its rule-results), sorted by id; `notselected` omitted. */
  rules: Record<string, string>
}

export function toBaselineFile(results: ScanResults): BaselineFile {
  const rules = perRule(results.rules)
  return {
    schema: baselineSchemaUri,
    configDigest: results.image.configDigest,
    benchmark: {
      id: results.scanner.content.benchmarkId,
      version: results.scanner.content.benchmarkVersion
    },
    profile: results.scanner.profile.id,
    score: results.score.value,
    rules: Object.fromEntries([...rules.keys()].sort().map(id => [id, rules.get(id) as string]))
  }
}

export function serializeBaseline(results: ScanResults): string {
  return `${JSON.stringify(toBaselineFile(results), null, 2)}\n`
}
