/**
 * Blame: failing rule → the OVAL items that decided it → the layer that introduced them → the
 * image history entry → the Dockerfile instruction.
 *
 * - Package items (`dpkginfo_item`) go to the layer that installed the package's current version.
 * - File items go to the layer that introduced the property the rule checks: the mode for
 *   `file_permissions_*`, the owner for `file_owner_*`, the group for `file_groupowner_*`, the
 *   content otherwise. A later layer that merely rewrote the file (apt adding a user rewrites
 *   /etc/passwd) keeps the blame where the bad value first appeared.
 * - Only the items OVAL marked as failing (a file whose mode did not match, one that should not
 *   exist); all of them when none is marked. Several items: the latest layer wins.
 * - Items from the base image's layers → the final stage's FROM line, "inherited from the base
 *   image". Nothing attributable (no items, an absent package or file, rpm, no bookkeeping, a
 *   Dockerfile that does not match the history) → the FROM line, saying so. A precise line is
 *   only ever given for an instruction the history matched.
 */
import type {OvalItem, ParsedArf} from '../arf/types.js'
import {matchHistory, type HistoryStep} from '../dockerfile/match-history.js'
import type {Dockerfile, Instruction} from '../dockerfile/parse-dockerfile.js'
import type {RuleOutcome} from '../results/model.js'
import {introducingLayer, type LayerBookkeeping} from './bookkeeping.js'
import {blameConfigRule} from './config-rules.js'
import type {FileVersion} from './layer-evidence.js'
import type {VariableSources} from './oval-variables.js'
import type {Attribution, SourceLocation} from './types.js'

export interface BlameInput {
  oval: ParsedArf['oval']
  /** Variable items → their source file items (`readVariableSources`). */
  variables?: VariableSources
  bookkeeping?: LayerBookkeeping
  /** `describeHistory(config.history, layers.length)`; undefined without an image config. */
  history?: HistoryStep[]
  dockerfile?: {uri: string; parsed: Dockerfile}
  /** Where findings go without a Dockerfile: a real file in the checkout (the image archive). */
  fallback: SourceLocation
}

/** Key of one rule-result in the blame map. */
export function ruleKey(rule: Pick<RuleOutcome, 'id' | 'index'>): string {
  return `${rule.id}#${rule.index}`
}

/**
 * Items the rule's OVAL checks collected (deduplicated by item id): those OVAL marked as deciding
 * the failure (`failing`), or every item when none is marked (a passing definition, a result
 * without per-item results). A `variable_item` is replaced by the file items its variable was
 * computed from, when `variables` knows them.
 */
export function ruleItems(
  rule: RuleOutcome,
  oval: ParsedArf['oval'],
  variables?: VariableSources
): OvalItem[] {
  const all: OvalItem[] = []
  for (const check of rule.checks) {
    if (check.name === undefined) continue
    const report = oval.get((check.href ?? '#oval0').replace(/^#/, ''))
    all.push(...(report?.definitions.get(check.name)?.items ?? []))
  }
  const failing = all.filter(item => item.failing === true)
  const seen = new Map<string, OvalItem>()
  for (const item of failing.length > 0 ? failing : all) {
    const sources = item.itemType === 'variable_item' ? variables?.get(item.id) : undefined
    for (const found of sources ?? [item]) seen.set(found.id, found)
  }
  return [...seen.values()]
}

/** In-root paths named by the items of `rules`: what bookkeeping must follow. */
export function evidencePaths(
  rules: readonly RuleOutcome[],
  oval: ParsedArf['oval'],
  variables?: VariableSources
): Set<string> {
  const paths = new Set<string>()
  for (const rule of rules)
    for (const item of ruleItems(rule, oval, variables))
      if (item.filepath !== undefined) paths.add(item.filepath)
  return paths
}

type Property = 'mode' | 'uid' | 'gid' | 'content'

function propertyFor(rule: RuleOutcome): Property {
  if (/^file_permissions_|_perms?_|^dir_perms/.test(rule.shortId)) return 'mode'
  if (/^file_owner_|^dir_owner/.test(rule.shortId)) return 'uid'
  if (/^file_groupowner_|^dir_groupowner/.test(rule.shortId)) return 'gid'
  return 'content'
}

const propertyKey: Record<Property, (v: FileVersion) => string> = {
  mode: v => v.mode.toString(8),
  uid: v => String(v.uid),
  gid: v => String(v.gid),
  content: v => `${v.type}:${v.digest}`
}

function describeFile(path: string, property: Property, version: FileVersion | undefined): string {
  if (version === undefined) return path
  switch (property) {
    case 'mode':
      return `${path} has mode ${version.mode.toString(8).padStart(4, '0')}`
    case 'uid':
      return `${path} is owned by uid ${version.uid}`
    case 'gid':
      return `${path} has group gid ${version.gid}`
    default:
      return path
  }
}

interface ItemBlame {
  text: string
  layer?: number
  note?: string
}

function blameItem(item: OvalItem, rule: RuleOutcome, bookkeeping?: LayerBookkeeping): ItemBlame {
  if (item.itemType === 'rpminfo_item') {
    return {
      text: `${item.name ?? '?'} ${item.evr ?? ''}`.trim() + ' is installed',
      note: 'rpm databases are not attributed to layers'
    }
  }
  if (item.itemType === 'dpkginfo_item' && item.name !== undefined) {
    // dpkginfo reports an epoch of 0 explicitly (`0:0.17-42`); dpkg itself never shows it.
    return blameDpkgPackage(item.name, item.evr?.replace(/^0:/, ''), bookkeeping)
  }
  if (item.filepath !== undefined) {
    const property = propertyFor(rule)
    const changes = bookkeeping?.files.get(item.filepath)
    const last = changes?.[changes.length - 1]?.value
    const text = describeFile(item.filepath, property, last)
    const layer = changes && introducingLayer(changes, propertyKey[property])
    return layer === undefined ? {text} : {text, layer}
  }
  return {text: item.name ?? item.path ?? item.itemType}
}

/** The layer that installed `name` at its current version (dpkg bookkeeping), as evidence text. */
function blameDpkgPackage(
  name: string,
  version: string | undefined,
  bookkeeping: LayerBookkeeping | undefined
): ItemBlame {
  const text = `${name}${version === undefined ? '' : ` ${version}`} is installed`
  const changes = bookkeeping?.packages.get(name)
  const layer = changes && introducingLayer(changes, v => v)
  return layer === undefined ? {text} : {text, layer}
}

/** What locating needs beyond the evidence: the history matched to the Dockerfile, once per call. */
interface Locator {
  input: BlameInput
  match: ReturnType<typeof matchHistory> | undefined
  fromLocation: SourceLocation
  withoutDockerfile: string
}

function locator(input: BlameInput): Locator {
  const match =
    input.dockerfile !== undefined && input.history !== undefined
      ? matchHistory(input.history, input.dockerfile.parsed)
      : undefined
  const stages = input.dockerfile?.parsed.stages ?? []
  const from = stages[stages.length - 1]?.from
  const fromLocation: SourceLocation =
    input.dockerfile === undefined
      ? input.fallback
      : {uri: input.dockerfile.uri, startLine: from?.startLine ?? 1, endLine: from?.endLine ?? 1}
  const withoutDockerfile = input.dockerfile === undefined ? '; no Dockerfile was given' : ''
  return {input, match, fromLocation, withoutDockerfile}
}

/**
 * Package findings (known vulnerabilities): each installed package → the Dockerfile instruction
 * whose layer installed or upgraded it to its current version, exactly as `package_*` rules are
 * attributed (base image → FROM, "inherited from the base image"). Keyed by package name.
 * `kind: 'rpm'` packages are never attributed (the rpm database is not read).
 */
export function blamePackages(
  packages: readonly {name: string; version?: string; kind: 'dpkg' | 'rpm'}[],
  input: BlameInput
): Map<string, Attribution> {
  const at = locator(input)
  const out = new Map<string, Attribution>()
  for (const pkg of packages) {
    const blamed =
      pkg.kind === 'rpm'
        ? {
            text: `${pkg.name}${pkg.version === undefined ? '' : ` ${pkg.version}`} is installed`,
            note: 'rpm databases are not attributed to layers'
          }
        : blameDpkgPackage(pkg.name, pkg.version, input.bookkeeping)
    out.set(pkg.name, locate([blamed], at))
  }
  return out
}

/** Attributes every rule in `rules` (call it with the reported ones). */
export function blameRules(
  rules: readonly RuleOutcome[],
  input: BlameInput
): Map<string, Attribution> {
  const at = locator(input)
  const out = new Map<string, Attribution>()
  for (const rule of rules) {
    // Container baseline configuration rules: the Dockerfile instruction, not a layer (issue 12).
    const config = blameConfigRule(rule.id, input.dockerfile, at.fromLocation)
    if (config !== undefined) {
      out.set(ruleKey(rule), config)
      continue
    }
    const items = ruleItems(rule, input.oval, input.variables).filter(
      i => i.status !== 'does not exist'
    )
    out.set(
      ruleKey(rule),
      locate(
        items.map(item => blameItem(item, rule, input.bookkeeping)),
        at
      )
    )
  }
  return out
}

/** Evidence → location: the latest layer that introduced any of it, then its instruction. */
function locate(blamed: readonly ItemBlame[], at: Locator): Attribution {
  const {input, match, fromLocation, withoutDockerfile} = at
  const layers = blamed.flatMap(b => (b.layer === undefined ? [] : [b.layer]))
  const evidence = summarise(blamed)
  if (layers.length === 0) {
    const why =
      blamed.length === 0
        ? 'no evidence in the image to attribute'
        : input.bookkeeping === undefined
          ? 'no layer bookkeeping (the image was not read)'
          : (blamed.find(b => b.note !== undefined)?.note ??
            'no layer of the image introduced the evidence')
    return {
      kind: 'unattributed',
      evidence,
      cause: `not attributable to a Dockerfile instruction: ${why}${withoutDockerfile}`,
      location: fromLocation
    }
  }
  const layer = Math.max(...layers)
  const step = input.history?.find(s => s.layerIndex === layer)
  const instruction = step === undefined ? undefined : match?.instructions.get(step.historyIndex)
  const shown = summarise(blamed.filter(b => b.layer === layer))
  const base: Pick<Attribution, 'layerIndex' | 'createdBy'> = {layerIndex: layer}
  if (step !== undefined) base.createdBy = step.createdBy
  if (instruction !== undefined && input.dockerfile !== undefined) {
    return {
      ...base,
      kind: 'instruction',
      evidence: shown,
      cause: `${verb(blamed, layer)} by the ${instruction.keyword} on ${lines(instruction)}`,
      location: {
        uri: input.dockerfile.uri,
        startLine: instruction.startLine,
        endLine: instruction.endLine
      },
      instruction: {
        keyword: instruction.keyword,
        startLine: instruction.startLine,
        endLine: instruction.endLine
      }
    }
  } else if (step !== undefined && match?.base.has(step.historyIndex) === true) {
    return {
      ...base,
      kind: 'base',
      evidence: shown,
      cause: 'inherited from the base image',
      location: fromLocation
    }
  } else {
    const history = step === undefined ? '' : ` (\`${clip(step.createdBy)}\` in the image history)`
    const reason =
      input.dockerfile === undefined
        ? 'no Dockerfile was given'
        : step === undefined
          ? 'the image history does not map to its layers'
          : 'no instruction of the Dockerfile matches it'
    return {
      ...base,
      kind: 'layer',
      evidence: shown,
      cause: `${verb(blamed, layer)} by layer ${layer + 1}${history}; ${reason}`,
      location: fromLocation
    }
  }
}

function verb(blamed: readonly ItemBlame[], layer: number): string {
  return blamed.some(b => b.layer === layer && b.text.endsWith(' is installed'))
    ? 'added'
    : 'changed'
}

function lines(instruction: Instruction): string {
  return instruction.endLine > instruction.startLine
    ? `lines ${instruction.startLine}–${instruction.endLine}`
    : `line ${instruction.startLine}`
}

function summarise(blamed: readonly ItemBlame[]): string {
  const texts = [...new Set(blamed.map(b => b.text))]
  if (texts.length <= 3) return texts.join('; ')
  return `${texts.slice(0, 3).join('; ')} and ${texts.length - 3} more`
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
}
