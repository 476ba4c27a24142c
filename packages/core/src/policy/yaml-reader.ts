/**
 * Typed reads of a parsed YAML tree that remember where each value was: every failure is a
 * {@link PolicyError} naming the file, the key path and the line. Values stay `unknown` (YAML
 * nodes) until one of these guards has checked them. Aliases and tags are refused: a policy
 * file has no use for them, and aliases are the YAML "billion laughs" vector.
 */
import {isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap} from 'yaml'
import {PolicyError} from './policy-error.js'

export interface YamlContext {
  file: string
  lines: LineCounter
}

/** A node with its key path, so that nested reads can extend the path and report the line. */
export interface Located {
  node: Node | null
  path: string
  ctx: YamlContext
  /** Line of the key when the value is empty (`key:` with nothing after it). */
  keyLine: number
}

export function lineOf(at: Located): number {
  const offset = at.node?.range?.[0]
  return offset === undefined ? at.keyLine : at.ctx.lines.linePos(offset).line
}

export function fail(at: Located, detail: string): never {
  throw new PolicyError(at.ctx.file, lineOf(at), at.path, detail)
}

/**
 * What a policy value is, for a message. The file may not be what it claims to be (a link to an
 * env file or to `/etc/shadow` was once shown this way), so a scalar's text is shown only when it
 * is a short plain token (`ratchett`, `2026-02-30`, `lots`); anything else is described by its
 * type and length. Mappings and lists are never shown.
 */
function describe(node: Node | null): string {
  if (node === null) return 'nothing'
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    const value = node.value
    if (value === null) return 'nothing (null)'
    const text = String(value)
    if (plainValue.test(text)) return `\`${text}\` (${typeof value})`
    return typeof value === 'string' ? `a string of ${text.length} characters` : `a ${typeof value}`
  }
  return 'an unsupported node'
}

/** Values shown in messages: short, no spaces, no `=`, `:`, `$` or quotes. */
const plainValue = /^[A-Za-z0-9_][A-Za-z0-9_.+/-]{0,31}$/
/** Keys shown in messages: a plain identifier of bounded length. */
const plainKey = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/

/** What a container is when a mapping or list was expected: its kind only, never its text. */
function kindOf(node: Node | null): string {
  if (node === null) return 'nothing'
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) return node.value === null ? 'nothing (null)' : `a ${typeof node.value}`
  return 'an unsupported node'
}

function checkPlain(at: Located): void {
  if (at.node !== null && isAlias(at.node))
    fail(at, 'expected a value, got a YAML alias (aliases are not supported)')
  if (
    at.node !== null &&
    at.node.tag !== undefined &&
    !isMap(at.node) &&
    !isSeq(at.node) &&
    !isScalar(at.node)
  ) {
    fail(at, 'expected a plain value')
  }
}

/** The entries of a mapping, each checked against `known` keys; unknown keys are errors. */
export function readMap(at: Located, known: readonly string[]): Map<string, Located> {
  checkPlain(at)
  if (at.node === null || !isMap(at.node)) fail(at, `expected a mapping, got ${kindOf(at.node)}`)
  const entries = new Map<string, Located>()
  for (const pair of (at.node as YAMLMap<unknown, unknown>).items) {
    const key = pair.key as Node | null
    const keyAt: Located = {node: key, path: at.path, ctx: at.ctx, keyLine: lineOf(at)}
    if (key === null || !isScalar(key) || typeof key.value !== 'string') {
      fail(keyAt, `expected a key that is a string, got ${kindOf(key)}`)
    }
    const name = key.value as string
    if (!known.includes(name)) {
      // The key is shown only when it is a plain identifier: never a line of some other file.
      const shown = plainKey.test(name) ? `unknown key \`${name}\`` : 'unknown key'
      fail(keyAt, `${shown}; expected one of ${known.join(', ')}`)
    }
    const path = at.path === '' ? name : `${at.path}.${name}`
    entries.set(name, {node: pair.value as Node | null, path, ctx: at.ctx, keyLine: lineOf(keyAt)})
  }
  return entries
}

export function readList(at: Located): Located[] {
  checkPlain(at)
  if (at.node === null || !isSeq(at.node)) fail(at, `expected a list, got ${kindOf(at.node)}`)
  return at.node.items.map((item, index) => ({
    node: item as Node | null,
    path: `${at.path}[${index}]`,
    ctx: at.ctx,
    keyLine: lineOf(at)
  }))
}

function scalarValue(at: Located): unknown {
  checkPlain(at)
  if (at.node === null || !isScalar(at.node)) return undefined
  return at.node.value
}

export function readString(at: Located): string {
  const value = scalarValue(at)
  if (typeof value !== 'string' || value.trim() === '') {
    fail(at, `expected a non-empty string, got ${describe(at.node)}`)
  }
  return value
}

/** A string or a list of strings (`images: app-*` or `images: [app-*, api-*]`). */
export function readStrings(at: Located): string[] {
  if (at.node !== null && isSeq(at.node)) {
    const items = readList(at).map(readString)
    if (items.length === 0) fail(at, 'expected at least one string, got an empty list')
    return items
  }
  return [readString(at)]
}

export function readNumber(at: Located, min: number, max: number, integer: boolean): number {
  const value = scalarValue(at)
  const kind = integer ? 'a whole number' : 'a number'
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    fail(at, `expected ${kind} from ${min} to ${max}, got ${describe(at.node)}`)
  }
  return value
}

export function readEnum<T extends string>(at: Located, choices: readonly T[]): T {
  const value = scalarValue(at)
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    fail(at, `expected one of ${choices.join('|')}, got ${describe(at.node)}`)
  }
  return value as T
}

/** `YYYY-MM-DD` that is a real calendar date (`2026-02-30` is refused). */
export function readDate(at: Located): string {
  const value = scalarValue(at)
  const text = typeof value === 'string' ? value : undefined
  const match = text === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) fail(at, `expected a date as YYYY-MM-DD, got ${describe(at.node)}`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    fail(at, `expected a date as YYYY-MM-DD, got \`${text as string}\` (no such day)`)
  }
  return text as string
}
