/**
 * The compliance trend: a small, bounded history of one image and profile (score and counts per
 * run), documented in docs/trend.md. Each scan given a history appends its own point and writes
 * `history.json` into its output set; the CI adapter keeps the file only from default-branch runs
 * (where it keeps the baseline), so a pull request's point shows as the last one but is never
 * stored.
 *
 * A history file is untrusted input (a cache entry, an artifact, a file the user names): it is
 * validated field by field, and a file for another image or profile starts a new history rather
 * than mixing two series.
 */
import {ConfigurationError} from '../errors.js'
import type {GateVerdict} from '../gate/types.js'
import type {ScanResults} from '../results/model.js'

/** The file in an output set. */
export const HISTORY_FILE = 'history.json'
/** The chart as SVG, beside it (for Jenkins' archived report). */
export const TREND_SVG_FILE = 'trend.svg'

export const historySchemaUri = 'https://scapgate.dev/schemas/history/v1'
/** Points kept: about two months of daily default-branch runs. */
export const maxHistoryEntries = 60

export interface TrendCounts {
  /** Rules ending `fail`. */
  failing: number
  /** Against the baseline (0 without one). */
  new: number
  stillFailing: number
  fixed: number
  /** Failing rules a waiver covers; waivers past their expiry. */
  waived: number
  expired: number
}

export interface TrendEntry {
  /** When the scan ran, ISO 8601. */
  at: string
  /** The commit scanned, when the CI adapter knows it. */
  commit?: string
  score: number
  maximum: number
  status: 'pass' | 'fail'
  counts: TrendCounts
}

export interface TrendHistory {
  schema: typeof historySchemaUri
  /** The image's name as scanned (first RepoTag, else the reference). */
  image: string
  /** The XCCDF profile id. */
  profile: string
  /** Oldest first, at most {@link maxHistoryEntries}. */
  entries: TrendEntry[]
}

/** The point one scan adds. */
export function trendEntry(
  results: ScanResults,
  verdict: GateVerdict,
  run: {at: Date; commit?: string}
): TrendEntry {
  const changes = verdict.baseline?.changes
  return {
    at: run.at.toISOString(),
    ...(run.commit === undefined || run.commit === '' ? {} : {commit: run.commit}),
    score: Math.round(results.score.value * 100) / 100,
    maximum: results.score.maximum,
    status: verdict.status,
    counts: {
      failing: results.counts.fail,
      new: (changes?.['new-failure'].length ?? 0) + (changes?.regression.length ?? 0),
      stillFailing: changes?.['still-failing'].length ?? 0,
      fixed: changes?.fixed.length ?? 0,
      waived: verdict.waivers.applied.reduce((n, w) => n + Math.max(1, w.ruleIds.length), 0),
      expired: verdict.waivers.expired.length
    }
  }
}

/**
 * `previous` (when it is the same image and profile) plus `entry`, the oldest dropped beyond
 * {@link maxHistoryEntries}.
 */
export function appendTrend(
  previous: TrendHistory | undefined,
  key: {image: string; profile: string},
  entry: TrendEntry
): TrendHistory {
  const same = previous !== undefined && previous.profile === key.profile
  const entries = [...(same ? previous.entries : []), entry].slice(-maxHistoryEntries)
  return {schema: historySchemaUri, image: key.image, profile: key.profile, entries}
}

export function serializeHistory(history: TrendHistory): string {
  return `${JSON.stringify(history, null, 2)}\n`
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const count = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
const countKeys: (keyof TrendCounts)[] = [
  'failing',
  'new',
  'stillFailing',
  'fixed',
  'waived',
  'expired'
]

function parseEntry(value: unknown, where: string): TrendEntry {
  const bad = (what: string): never => {
    throw new ConfigurationError(`Expected ${where} to have ${what}`)
  }
  if (!isRecord(value)) return bad('an object')
  const {at, commit, score, maximum, status, counts} = value
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return bad('an ISO 8601 `at`')
  if (commit !== undefined && (typeof commit !== 'string' || !/^[0-9a-f]{4,64}$/i.test(commit)))
    return bad('a hexadecimal `commit` when present')
  if (typeof score !== 'number' || !Number.isFinite(score)) return bad('a numeric `score`')
  if (typeof maximum !== 'number' || !(maximum > 0) || score < 0 || score > maximum)
    return bad('a `maximum` above 0 and a `score` between 0 and it')
  if (status !== 'pass' && status !== 'fail') return bad('`status` pass or fail')
  if (!isRecord(counts) || !countKeys.every(k => count(counts[k])))
    return bad(`\`counts\` with non-negative integers ${countKeys.join(', ')}`)
  const c = counts as Record<keyof TrendCounts, number>
  return {
    at: new Date(at).toISOString(),
    ...(commit === undefined ? {} : {commit: commit as string}),
    score,
    maximum,
    status,
    counts: Object.fromEntries(countKeys.map(k => [k, c[k]])) as unknown as TrendCounts
  }
}

/**
 * Validates a history file's text; `name` is how the error messages call it. Never echoes the
 * file's content.
 */
export function parseHistory(text: string, name: string): TrendHistory {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ConfigurationError(`Expected the history \`${name}\` to be JSON, it does not parse`)
  }
  if (!isRecord(json) || json['schema'] !== historySchemaUri)
    throw new ConfigurationError(
      `Expected the history \`${name}\` to be an object with "schema": "${historySchemaUri}"`
    )
  const {image, profile, entries} = json
  if (typeof image !== 'string' || typeof profile !== 'string' || !Array.isArray(entries))
    throw new ConfigurationError(
      `Expected the history \`${name}\` to have string \`image\` and \`profile\` and an \`entries\` array`
    )
  if (entries.length > 10 * maxHistoryEntries)
    throw new ConfigurationError(
      `Expected the history \`${name}\` to hold at most ${maxHistoryEntries} entries, found ${entries.length}`
    )
  return {
    schema: historySchemaUri,
    image,
    profile,
    entries: entries
      .map((e, i) => parseEntry(e, `entry ${i + 1} of the history \`${name}\``))
      .slice(-maxHistoryEntries)
  }
}
