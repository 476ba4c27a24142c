/**
 * `--baseline FILE` → {@link BaselineData}. Accepts, by content (not by file name):
 * - a baseline file from `scapgate baseline` (`schema` = baseline/v1);
 * - a `results.json` from an earlier scan (`schema` = results/v1);
 * - an ARF (XML) from an earlier scan, ours or any oscap 1.3 run.
 * Everything parsed stays `unknown` until the guards here have checked it; a file that is none of
 * these is a {@link ConfigurationError} naming it.
 */
import {parseArfText} from '../arf/parse-arf.js'
import {ConfigurationError, InvalidArfError} from '../errors.js'
import {readUserFile, type UserFileOrigin} from '../io/read-user-file.js'
import {ruleResultValues, type RuleResultValue} from '../results/model.js'
import {resultsSchemaUri} from '../results/results-json.js'
import {baselineSchemaUri} from './baseline-file.js'
import {perRule, worstResult} from './classify.js'
import type {BaselineData} from './types.js'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isResult(value: unknown): value is RuleResultValue {
  return typeof value === 'string' && (ruleResultValues as readonly string[]).includes(value)
}

/** Where a baseline path came from, for the checks of `readUserFile` (docs/input-files.md). */
export interface BaselineOrigin {
  /** The repository checkout; without it only the file's type and size are checked. */
  workspace?: string
  /** Default `command-line`; `workspace` for a path written in a policy inside the workspace. */
  origin?: UserFileOrigin
  /** How the user named it, for messages (default `--baseline`). */
  flag?: string
}

/**
 * Reads a baseline through `readUserFile`: a regular file (never a FIFO or a device), at most
 * 256 MiB, not through a link out of the workspace.
 * @param source the name for messages (as the user gave it)
 */
export async function readBaseline(
  path: string,
  source: string = path,
  from: BaselineOrigin = {}
): Promise<BaselineData> {
  const bytes = await readUserFile({
    path,
    display: source,
    kind: 'baseline',
    origin: from.origin ?? 'command-line',
    ...(from.workspace === undefined ? {} : {workspace: from.workspace}),
    ...(from.flag === undefined ? {} : {flag: from.flag})
  })
  return parseBaseline(bytes.toString('utf8'), source)
}

/**
 * Messages never quote the file: it may not be a baseline at all (a link to an env file was once
 * echoed here). Ids and values are shown only when they are short plain tokens.
 */
const plainToken = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/
const show = (value: unknown, what: string): string =>
  typeof value === 'string' && plainToken.test(value) ? `\`${value}\`` : what

export function parseBaseline(text: string, source: string): BaselineData {
  const start = text.trimStart()
  if (start.startsWith('<')) return fromArf(text, source)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    // JSON.parse's message quotes the text around the error: not repeated here.
    throw bad(
      source,
      start.startsWith('{') || start.startsWith('[')
        ? 'JSON that does not parse'
        : 'a file that is neither JSON nor XML'
    )
  }
  if (!isRecord(json)) throw bad(source, 'a JSON document that is not an object')
  if (json['schema'] === baselineSchemaUri) return fromBaselineFile(json, source)
  if (json['schema'] === resultsSchemaUri) return fromResultsJson(json, source)
  throw bad(
    source,
    json['schema'] === undefined
      ? 'a JSON document without a `schema`'
      : `a JSON document with schema ${show(json['schema'], 'of another kind')}`
  )
}

function bad(source: string, found: string): ConfigurationError {
  return new ConfigurationError(
    `Expected \`--baseline\` ${source} to be a scapgate baseline, a results.json or an ARF, found ${found}`
  )
}

function fromBaselineFile(json: Record<string, unknown>, source: string): BaselineData {
  const {rules, score} = json
  if (!isRecord(rules)) throw bad(source, 'a baseline without a `rules` object')
  const map = new Map<string, RuleResultValue>()
  for (const [id, result] of Object.entries(rules)) {
    if (!isResult(result))
      throw bad(
        source,
        `rule ${show(id, 'with an unusual id')} with result ${show(result, 'that is not a result')}`
      )
    map.set(id, result)
  }
  if (score !== undefined && typeof score !== 'number')
    throw bad(source, 'a baseline with a `score` that is not a number')
  const profile = json['profile']
  const digest = json['configDigest']
  const benchmark = json['benchmark']
  return {
    source,
    ...(typeof score === 'number' ? {score} : {}),
    rules: map,
    ...(isRecord(benchmark) && typeof benchmark['id'] === 'string'
      ? {benchmarkId: benchmark['id']}
      : {}),
    ...(isRecord(benchmark) && typeof benchmark['version'] === 'string'
      ? {benchmarkVersion: benchmark['version']}
      : {}),
    ...(typeof profile === 'string' ? {profileId: profile} : {}),
    ...(typeof digest === 'string' ? {configDigest: digest} : {})
  }
}

function fromResultsJson(json: Record<string, unknown>, source: string): BaselineData {
  const {rules, score, scanner, image} = json
  if (!Array.isArray(rules)) throw bad(source, 'a results.json without a `rules` array')
  const map = new Map<string, RuleResultValue>()
  for (const rule of rules as unknown[]) {
    if (!isRecord(rule) || typeof rule['id'] !== 'string' || !isResult(rule['result'])) {
      throw bad(source, 'a results.json rule without a string `id` and a valid `result`')
    }
    const seen = map.get(rule['id'])
    map.set(rule['id'], seen === undefined ? rule['result'] : worstResult(seen, rule['result']))
  }
  const value = isRecord(score) ? score['value'] : undefined
  const profile =
    isRecord(scanner) && isRecord(scanner['profile']) ? scanner['profile']['id'] : undefined
  const digest = isRecord(image) ? image['configDigest'] : undefined
  const content = isRecord(scanner) ? scanner['content'] : undefined
  return {
    source,
    ...(typeof value === 'number' ? {score: value} : {}),
    rules: map,
    ...(isRecord(content) && typeof content['benchmarkId'] === 'string'
      ? {benchmarkId: content['benchmarkId']}
      : {}),
    ...(isRecord(content) && typeof content['benchmarkVersion'] === 'string'
      ? {benchmarkVersion: content['benchmarkVersion']}
      : {}),
    ...(typeof profile === 'string' ? {profileId: profile} : {}),
    ...(typeof digest === 'string' ? {configDigest: digest} : {})
  }
}

function fromArf(text: string, source: string): BaselineData {
  let parsed
  try {
    parsed = parseArfText(text, source)
  } catch (error) {
    // The ARF parser's messages may quote names and values from the file: not repeated here.
    if (error instanceof InvalidArfError)
      throw bad(source, 'XML that is not an ARF from oscap (or a damaged one)')
    throw error
  }
  const {testResult} = parsed
  const rules = perRule(
    testResult.ruleResults
      .filter(r => r.result !== 'notselected')
      .map(r => ({id: r.idref, result: r.result}))
  )
  const score =
    testResult.scores.find(s => s.system === 'urn:xccdf:scoring:default') ?? testResult.scores[0]
  return {
    source,
    ...(score === undefined ? {} : {score: score.value}),
    rules,
    ...(testResult.profileId === undefined ? {} : {profileId: testResult.profileId}),
    benchmarkId: testResult.benchmarkId
  }
}
