/**
 * How the option table (`option-table.ts`) reads one value, whatever its source: a command-line
 * flag, a `SCAPGATE_*` variable, an action input. Every failure is a {@link ConfigurationError}
 * naming the source (`--fail-on`, `SCAPGATE_FAIL_ON`, `fail-on`), what was expected and what was
 * found (control characters escaped, length bounded: the value may be anything).
 */
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'

/** A parser: the raw text (never empty: empty means "not given") and the name to blame. */
export type ValueParser<T> = (text: string, name: string) => T

const shown = (text: string): string => `\`${sanitizeForDisplay(text, 100)}\``

/** Any non-empty text (a path, a profile id, an image reference). */
export const textValue: ValueParser<string> = text => text

/**
 * Where a secret is, never the secret: a file, `env://NAME` or `$NAME` (resolved when the key is
 * loaded, `attest/signing-key.ts`). Text that holds a PEM block (or any line break) is refused
 * without being shown: it is the key itself, which would otherwise end up in a message as a path.
 */
export const secretReferenceValue: ValueParser<string> = (text, name) => {
  if (/-----BEGIN|[\r\n]/.test(text))
    throw new ConfigurationError(
      `Expected \`${name}\` to name the signing key (a file, env://NAME or $NAME), got the key itself (${text.length} characters, not shown): keep it in a secret variable and name that`
    )
  return text
}

/** One of a closed set. */
export function enumValue<T extends string>(values: readonly T[]): ValueParser<T> {
  return (text, name) => {
    if ((values as readonly string[]).includes(text)) return text as T
    throw new ConfigurationError(
      `Expected \`${name}\` to be one of ${values.join('|')}, got ${shown(text)}`
    )
  }
}

const trueValues = ['true', 'True', 'TRUE']
const falseValues = ['false', 'False', 'FALSE']

/**
 * YAML 1.2 core schema booleans only: `yes`, `on` and `1` are mistakes, not booleans (the action
 * always read its inputs this way; the variables now do too).
 */
export const booleanValue: ValueParser<boolean> = (text, name) => {
  if (trueValues.includes(text)) return true
  if (falseValues.includes(text)) return false
  throw new ConfigurationError(
    `Expected \`${name}\` to be true or false (YAML 1.2 core schema), got ${shown(text)}`
  )
}

/** A commit id: 4 to 64 hexadecimal digits. */
export const commitValue: ValueParser<string> = (text, name) => {
  if (/^[0-9a-f]{4,64}$/i.test(text)) return text
  throw new ConfigurationError(
    `Expected \`${name}\` to be a hexadecimal commit id, got ${shown(text)}`
  )
}

/** An absolute http(s) URL without whitespace (a link base: never a \`javascript:\` URL). */
export const httpUrlValue: ValueParser<string> = (text, name) => {
  if (/^https?:\/\/\S+$/i.test(text)) return text
  throw new ConfigurationError(`Expected \`${name}\` to be an http(s) URL, got ${shown(text)}`)
}

/** A whole number ≥ 1, in `unit` when given (`seconds`). */
export function wholeNumberValue(unit?: string): ValueParser<number> {
  return (text, name) => {
    if (/^\d{1,9}$/.test(text) && Number(text) >= 1) return Number(text)
    throw new ConfigurationError(
      `Expected \`${name}\` to be a whole number${unit === undefined ? '' : ` of ${unit}`} ≥ 1, got ${shown(text)}`
    )
  }
}

/** A whole number from 1 to `max` (`--shards`). */
export function boundedNumberValue(max: number): ValueParser<number> {
  return (text, name) => {
    if (/^\d{1,9}$/.test(text) && Number(text) >= 1 && Number(text) <= max) return Number(text)
    throw new ConfigurationError(
      `Expected \`${name}\` to be a whole number from 1 to ${max}, got ${shown(text)}`
    )
  }
}

/**
 * A policy value in a message: never more than a short plain token, since the file may be a
 * secret (docs/input-files.md). Shared by every parser of policy values.
 */
export function describePolicyValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  const text = String(value)
  if (/^[A-Za-z0-9_][A-Za-z0-9_.+/-]{0,31}$/.test(text)) return `\`${text}\` (${typeof value})`
  return typeof value === 'string' ? `a string of ${text.length} characters` : `a ${typeof value}`
}

/** `7`, `7d`, `36h` → days (hours are rounded up to whole days); `where` names the source. */
export function parseFeedAge(value: unknown, where: string): number {
  const text = typeof value === 'number' ? String(value) : value
  const match = typeof text === 'string' ? /^(\d{1,5})\s*(d|h)?$/.exec(text.trim()) : null
  if (match === null) {
    throw new ConfigurationError(
      `Expected ${where} to be a number of days (\`7\`, \`7d\`) or hours (\`36h\`), got ${describePolicyValue(value)}`
    )
  }
  const amount = Number(match[1])
  return match[2] === 'h' ? Math.ceil(amount / 24) : amount
}

/** Days (`7`, `7d`) or hours (`36h`), as the policy's `cves.max-feed-age`. */
export const feedAgeValue: ValueParser<number> = (text, name) => parseFeedAge(text, `\`${name}\``)

/** A list: one item per line or separated by commas (flags give one item per occurrence). */
export const listValue: ValueParser<string[]> = text =>
  text
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')

/** A list of paths, one per line (a path may hold a comma). */
export const linesValue: ValueParser<string[]> = text =>
  text
    .split(/\r?\n/)
    .map(item => item.trim())
    .filter(item => item !== '')
