/**
 * The baseline file `scapgate baseline` writes: one line per selected rule, keys sorted, no
 * timestamps or paths, so that it is small, stable across rescans of the same image, and diffs
 * line by line. Documented in `docs/policy.md` ("Baselines").
 */
import type {ScanResults} from '../results/model.js'
import {perRule} from './classify.js'
import type {BaselineData} from './types.js'

export const baselineSchemaUri = 'https://scapgate.dev/schemas/baseline/v1'

export interface BaselineFile {
  schema: typeof baselineSchemaUri
  /** The image config digest the baseline was taken from, when known. */
  configDigest?: string
  benchmark?: {id: string; version?: string}
  profile?: string
  score?: number
  /** Full rule id → result (worst of its rule-results), sorted by id; `notselected` omitted. */
  rules: Record<string, string>
}

/** The baseline view of a scan's results. */
export function baselineFromResults(results: ScanResults, source: string): BaselineData {
  return {
    source,
    score: results.score.value,
    rules: perRule(results.rules),
    profileId: results.scanner.profile.id,
    benchmarkId: results.scanner.content.benchmarkId,
    benchmarkVersion: results.scanner.content.benchmarkVersion,
    configDigest: results.image.configDigest
  }
}

export function toBaselineFile(data: BaselineData): BaselineFile {
  return {
    schema: baselineSchemaUri,
    ...(data.configDigest === undefined ? {} : {configDigest: data.configDigest}),
    ...(data.benchmarkId === undefined
      ? {}
      : {
          benchmark: {
            id: data.benchmarkId,
            ...(data.benchmarkVersion === undefined ? {} : {version: data.benchmarkVersion})
          }
        }),
    ...(data.profileId === undefined ? {} : {profile: data.profileId}),
    ...(data.score === undefined ? {} : {score: data.score}),
    rules: Object.fromEntries(
      [...data.rules.keys()].sort().map(id => [id, data.rules.get(id) as string])
    )
  }
}

export function serializeBaseline(data: BaselineData | ScanResults): string {
  const view: BaselineData = 'source' in data ? data : baselineFromResults(data, '')
  return `${JSON.stringify(toBaselineFile(view), null, 2)}\n`
}
