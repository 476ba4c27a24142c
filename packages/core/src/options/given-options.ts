/**
 * One source's options (flags, `SCAPGATE_*` variables, action inputs), parsed through the option
 * table and remembering the name each came by, so that a later message can name it as the user
 * wrote it (`--feed`, `SCAPGATE_FEED`, `feed`).
 */
import {resolve} from 'node:path'
import {ConfigurationError} from '../errors.js'
import {
  optionKeys,
  optionTable,
  type GivenOptions,
  type OptionKey,
  type OptionSpec
} from './option-table.js'

export type SourceKind = 'flag' | 'env' | 'action'

export interface Given {
  values: GivenOptions
  /** For each value: the source kind and the name it was given by. */
  from: Partial<Record<OptionKey, {kind: SourceKind; name: string}>>
}

export const noOptions = (): Given => ({values: {}, from: {}})

function set(given: Given, key: OptionKey, value: unknown, kind: SourceKind, name: string): void {
  ;(given.values as Record<string, unknown>)[key] = value
  given.from[key] = {kind, name}
}

const row = (key: OptionKey): OptionSpec<unknown> => optionTable[key] as OptionSpec<unknown>

/**
 * Flags as `util.parseArgs` returns them (keyed by flag name without `--`). A flag given an empty
 * value is an error (often an unset CI variable); switches are `true` when present.
 */
export function optionsFromFlags(values: Readonly<Record<string, unknown>>): Given {
  const given = noOptions()
  for (const key of optionKeys) {
    const spec = row(key)
    if (spec.flag === undefined || !spec.flag.startsWith('--')) continue
    const raw = values[spec.flag.slice(2)]
    if (raw === undefined) continue
    if (spec.switch === true) {
      if (raw === true) set(given, key, true, 'flag', spec.flag)
      continue
    }
    const items = Array.isArray(raw) ? (raw as unknown[]) : [raw]
    const parsed: unknown[] = []
    for (const item of items) {
      if (item === '')
        throw new ConfigurationError(
          `Expected \`${spec.flag}\` to have a value, got an empty string`
        )
      parsed.push(spec.parse(String(item), spec.flag))
    }
    set(given, key, spec.multiple === true ? parsed.flat() : parsed[0], 'flag', spec.flag)
  }
  return given
}

/**
 * Named values of another source (`SCAPGATE_*` variables, action inputs): `read(name)` returns the
 * trimmed text or undefined; empty text means "not given", so the next source decides.
 */
export function optionsFromNames(
  kind: Exclude<SourceKind, 'flag'>,
  read: (name: string) => string | undefined,
  only: readonly OptionKey[] = optionKeys
): Given {
  const given = noOptions()
  for (const key of only) {
    const spec = row(key)
    const name = kind === 'env' ? spec.env : spec.action
    if (name === undefined) continue
    const text = read(name)?.trim()
    if (text === undefined || text === '') continue
    set(given, key, spec.parse(text, name), kind, name)
  }
  return given
}

/** Sources merged, the first one that gives an option wins (flags, then variables). */
export function firstGiven(...sources: Given[]): Given {
  const merged = noOptions()
  for (const source of [...sources].reverse()) {
    Object.assign(merged.values, source.values)
    Object.assign(merged.from, source.from)
  }
  return merged
}

/**
 * The same options with every path made absolute against `base` (the CLI's working directory, the
 * action's workspace); URLs of `pathOrUrl` options stay as they are. The policy path is left as
 * given: `loadPolicy` resolves and displays it.
 */
export function absolutePaths(given: Given, base: string): Given {
  const values: Record<string, unknown> = {...given.values}
  for (const key of optionKeys) {
    const spec = row(key)
    const value = values[key]
    if (typeof value !== 'string') continue
    if (spec.path === true || (spec.pathOrUrl === true && !/^https?:\/\//i.test(value)))
      values[key] = resolve(base, value)
  }
  return {values: values as GivenOptions, from: {...given.from}}
}
