/**
 * `scapgate.yml` text → {@link Policy}. YAML 1.2 (core schema: `2026-03-31` stays a string, `yes`
 * stays a string), one document, no aliases. Every key is checked: an unknown key, a wrong type or
 * a bad date is a {@link PolicyError} naming the file, the key path and the line. Rule ids are
 * checked later, against the content actually scanned ({@link checkWaiverRules}).
 * Does not read files (see `load-policy.ts`) and does not resolve paths.
 */
import {isMap, LineCounter, parseDocument, type Node} from 'yaml'
import {parseCvePolicy} from './cve-policy.js'
import {ConfigurationError} from '../errors.js'
import {failOnValues} from '../gate/types.js'
import {severities, type Severity} from '../results/model.js'
import {PolicyError} from './policy-error.js'
import {
  countAsValues,
  policyModes,
  staleWaiverActions,
  type ImageSection,
  type Policy,
  type Thresholds,
  type Waiver
} from './types.js'
import {
  fail,
  lineOf,
  readDate,
  readEnum,
  readList,
  readMap,
  readNumber,
  readString,
  readStrings,
  type Located,
  type YamlContext
} from './yaml-reader.js'

export const policyVersion = 1
const topKeys = [
  'version',
  'mode',
  'baseline',
  'thresholds',
  'waivers',
  'stale-waivers',
  'images',
  'cves',
  'content'
]
const thresholdKeys = ['fail-on', 'max', 'min-score', 'count']
const waiverKeys = ['rule', 'images', 'reason', 'approver', 'expires']
const imageKeys = ['match', 'content', 'profile', 'tailoring', 'dockerfile', 'thresholds']

/**
 * @param text the file's content
 * @param file the name used in messages (as the user gave it) and recorded as `Policy.file`
 */
export function parsePolicy(text: string, file: string): Policy {
  const lines = new LineCounter()
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: true,
    uniqueKeys: true,
    version: '1.2'
  })
  const problem = doc.errors[0]
  if (problem !== undefined) {
    const line = problem.linePos?.[0].line ?? 0
    throw new PolicyError(file, line, '', `not valid YAML: ${yamlProblem(problem)}`)
  }
  const ctx: YamlContext = {file, lines}
  const root: Located = {node: doc.contents as Node | null, path: '', ctx, keyLine: 1}
  const policy: Policy = {file, thresholds: {}, waivers: [], staleWaivers: 'report', images: []}
  if (root.node === null) return policy
  const top = readMap(root, topKeys)
  const version = top.get('version')
  if (version !== undefined && readNumber(version, 1, 1, true) !== policyVersion)
    fail(version, 'unsupported')
  const mode = top.get('mode')
  if (mode !== undefined) policy.mode = readEnum(mode, policyModes)
  const baseline = top.get('baseline')
  if (baseline !== undefined) policy.baseline = readString(baseline)
  const thresholds = top.get('thresholds')
  if (thresholds !== undefined) policy.thresholds = readThresholds(thresholds)
  const waivers = top.get('waivers')
  if (waivers !== undefined) policy.waivers = readList(waivers).map(readWaiver)
  const stale = top.get('stale-waivers')
  if (stale !== undefined) policy.staleWaivers = readEnum(stale, staleWaiverActions)
  const images = top.get('images')
  if (images !== undefined) policy.images = readList(images).map(readImageSection)
  const content = top.get('content')
  if (content !== undefined) policy.content = readContentPin(content)
  const cves = top.get('cves')
  if (cves !== undefined && cves.node !== null) {
    if (!isMap(cves.node)) fail(cves, 'expected a mapping (docs/cves.md)')
    const js = doc.toJS({maxAliasCount: 0}) as {cves: Record<string, unknown>}
    try {
      policy.cves = parseCvePolicy(js.cves, file)
    } catch (error) {
      // parseCvePolicy names the key; the line is the section's.
      if (error instanceof ConfigurationError) fail(cves, error.message)
      throw error
    }
  }
  return policy
}

/**
 * The YAML library's message without any text of the file: its pretty form quotes the offending
 * line, and some messages embed a token (`Unresolved tag: !x`). The first line is kept only when
 * it is plain prose (letters, spaces, a few punctuation marks); otherwise the error code is given.
 */
function yamlProblem(problem: {message: string; code: string}): string {
  const first = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
  return /^[A-Za-z][A-Za-z ,.()'-]{0,119}$/.test(first) ? first : `error ${problem.code}`
}

/** `content: {version: 0.1.76, sha256: …}`: the content automatic selection may use (docs/content.md). */
function readContentPin(at: Located): NonNullable<Policy['content']> {
  const entries = readMap(at, ['version', 'sha256'])
  const pin: NonNullable<Policy['content']> = {}
  const version = entries.get('version')
  if (version !== undefined) {
    pin.version = readString(version)
    if (!/^\d+(\.\d+)+$/.test(pin.version)) fail(version, 'expected an SSG version such as 0.1.76')
  }
  const sha256 = entries.get('sha256')
  if (sha256 !== undefined) {
    pin.sha256 = readString(sha256).toLowerCase()
    if (!/^[0-9a-f]{64}$/.test(pin.sha256)) fail(sha256, 'expected a sha256 digest (64 hex digits)')
  }
  if (pin.version === undefined && pin.sha256 === undefined)
    fail(at, 'expected `version` and/or `sha256`')
  return pin
}

function readThresholds(at: Located): Partial<Thresholds> {
  const entries = readMap(at, thresholdKeys)
  const thresholds: Partial<Thresholds> = {}
  const failOn = entries.get('fail-on')
  if (failOn !== undefined) thresholds.failOn = readEnum(failOn, failOnValues)
  const max = entries.get('max')
  if (max !== undefined) {
    const counts: Partial<Record<Severity, number>> = {}
    for (const [severity, value] of readMap(max, severities)) {
      counts[severity as Severity] = readNumber(value, 0, Number.MAX_SAFE_INTEGER, true)
    }
    thresholds.max = counts
  }
  const minScore = entries.get('min-score')
  if (minScore !== undefined) thresholds.minScore = readNumber(minScore, 0, 100, false)
  const count = entries.get('count')
  if (count !== undefined) {
    const countAs: Partial<Thresholds['countAs']> = {}
    for (const [result, value] of readMap(count, ['error', 'unknown', 'notchecked'])) {
      countAs[result as keyof Thresholds['countAs']] = readEnum(value, countAsValues)
    }
    thresholds.countAs = countAs as Thresholds['countAs']
  }
  return thresholds
}

function required(entries: Map<string, Located>, at: Located, key: string): Located {
  const value = entries.get(key)
  if (value === undefined) fail(at, `missing required key \`${key}\``)
  return value
}

function readWaiver(at: Located): Waiver {
  const entries = readMap(at, waiverKeys)
  const rule = required(entries, at, 'rule')
  const images = entries.get('images')
  return {
    rule: readString(rule),
    ...(images === undefined ? {} : {images: readStrings(images)}),
    reason: readString(required(entries, at, 'reason')),
    approver: readString(required(entries, at, 'approver')),
    expires: readDate(required(entries, at, 'expires')),
    source: {file: at.ctx.file, line: lineOf(rule), path: at.path}
  }
}

function readImageSection(at: Located): ImageSection {
  const entries = readMap(at, imageKeys)
  const section: ImageSection = {
    match: readStrings(required(entries, at, 'match')),
    source: {file: at.ctx.file, line: lineOf(at), path: at.path}
  }
  for (const key of ['content', 'profile', 'tailoring', 'dockerfile'] as const) {
    const value = entries.get(key)
    if (value !== undefined) section[key] = readString(value)
  }
  const thresholds = entries.get('thresholds')
  if (thresholds !== undefined) section.thresholds = readThresholds(thresholds)
  return section
}
