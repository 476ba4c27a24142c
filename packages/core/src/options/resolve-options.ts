/**
 * The one resolver: for each setting the first of these that gives it wins (docs/options.md).
 *
 *   1. the command line (flags; the action's inputs stand here)
 *   2. `SCAPGATE_*` variables
 *   3. the policy: the first matching `images:` section, then the top level
 *   4. the defaults of the option table, and last of all the implicit `./Dockerfile`
 *
 * Sources 1 and 2 arrive merged as one {@link Given} (`firstGiven(flags, variables)`), with paths
 * already absolute; the policy's paths are absolute too (relative to the policy file).
 */
import {defaultCvePolicy, type CvePolicy} from '../policy/cve-policy.js'
import {ConfigurationError} from '../errors.js'
import type {Thresholds, Waiver} from '../policy/types.js'
import {matchesAny} from '../policy/glob.js'
import {
  defaultCountAs,
  type ImageSection,
  type Policy,
  type PolicyMode,
  type StaleWaiverAction
} from '../policy/types.js'
import type {Given} from './given-options.js'
import {optionDefault, optionTable, type OptionKey} from './option-table.js'

/** Everything the gate and the scan need for one image, resolved. */
export interface ImageSettings {
  content?: string
  profile?: string
  tailoring?: string
  dockerfile?: string
  /** Which of the files above the policy named (checked as files the policy names). */
  fromPolicy: {content?: string; tailoring?: string; dockerfile?: string}
  thresholds: Thresholds
  mode: PolicyMode
  /** The waivers whose image scope includes this image. */
  waivers: Waiver[]
  staleWaivers: StaleWaiverAction
  /** The policy section that matched, if any. */
  section?: ImageSection
}

export const defaultThresholds: Thresholds = {
  failOn: optionDefault('failOn'),
  max: {},
  countAs: defaultCountAs
}

function merge(base: Thresholds, over: Partial<Thresholds> | undefined): Thresholds {
  if (over === undefined) return base
  return {
    failOn: over.failOn ?? base.failOn,
    max: {...base.max, ...over.max},
    ...((over.minScore ?? base.minScore) === undefined
      ? {}
      : {minScore: over.minScore ?? base.minScore}),
    countAs: {...base.countAs, ...over.countAs}
  }
}

/**
 * Settings for one image, known by its names (the IMAGE argument and the tags the archive
 * records). The first `images:` section with a matching glob applies. `implicitDockerfile` is
 * `./Dockerfile` when the workspace has one: used only when neither the given options nor the
 * policy name a Dockerfile.
 */
export function resolveImageSettings(
  given: Given,
  policy: Policy | undefined,
  names: readonly string[],
  implicitDockerfile?: string
): ImageSettings {
  const g = given.values
  const section = policy?.images.find(s => matchesAny(s.match, names))
  let thresholds = merge(merge(defaultThresholds, policy?.thresholds), section?.thresholds)
  if (g.failOn !== undefined) thresholds = {...thresholds, failOn: g.failOn}
  const fromPolicy = {
    ...(g.content !== undefined || section?.content === undefined
      ? {}
      : {content: section.content}),
    ...(g.tailoring !== undefined || section?.tailoring === undefined
      ? {}
      : {tailoring: section.tailoring}),
    ...(g.dockerfile !== undefined || section?.dockerfile === undefined
      ? {}
      : {dockerfile: section.dockerfile})
  }
  const content = g.content ?? section?.content
  const profile = g.profile ?? section?.profile
  const tailoring = g.tailoring ?? section?.tailoring
  const dockerfile = g.dockerfile ?? section?.dockerfile ?? implicitDockerfile
  return {
    ...(content === undefined ? {} : {content}),
    ...(profile === undefined ? {} : {profile}),
    ...(tailoring === undefined ? {} : {tailoring}),
    ...(dockerfile === undefined ? {} : {dockerfile}),
    fromPolicy,
    thresholds,
    mode: g.mode ?? policy?.mode ?? optionDefault('mode'),
    waivers: (policy?.waivers ?? []).filter(
      w => w.images === undefined || matchesAny(w.images, names)
    ),
    staleWaivers: policy?.staleWaivers ?? 'report',
    ...(section === undefined ? {} : {section})
  }
}

/** The baseline of a run: the given one, else the policy's `baseline:`; and who named it. */
export function resolveBaseline(
  given: Given,
  policy: Policy | undefined
): {path: string; fromPolicy: boolean} | undefined {
  if (given.values.baseline !== undefined) return {path: given.values.baseline, fromPolicy: false}
  if (policy?.baseline !== undefined) return {path: policy.baseline, fromPolicy: true}
  return undefined
}

/** What a CVE scan runs with (`--cves` or the policy's `cves: {enabled: true}`). */
export interface CveScanSettings {
  /** `--feed FILE|URL`; chosen from the image's OS when absent. */
  feed?: string
  /** `--feed-cache DIR`. */
  feedCache?: string
  policy: CvePolicy
  /** Injected for tests. */
  fetch?: typeof fetch
  now?: Date
}

const cveOptions: readonly OptionKey[] = [
  'feed',
  'feedCache',
  'cveFailOn',
  'ignoreUnfixed',
  'maxFeedAge'
]

/** How the user turns CVE scanning on, in the words of the source they used. */
function cvesSwitch(kind: 'flag' | 'env' | 'action'): string {
  const {env, action, flag} = optionTable.cves
  if (kind === 'env') return `${env ?? ''}=true`
  if (kind === 'action') return `${action ?? ''}: true`
  return flag ?? ''
}

/**
 * The CVE settings of a run: the table's defaults, then the policy's `cves:`, then the given
 * options. Undefined when neither the given `cves` nor the policy's `enabled: true` asks for a CVE
 * scan; CVE options given then are a {@link ConfigurationError} naming the first (they would be
 * ignored). `now` is the gate's clock (waiver expiry), the one the rule waivers use.
 */
export function resolveCveSettings(
  given: Given,
  policy: CvePolicy | undefined,
  now?: Date
): CveScanSettings | undefined {
  const g = given.values
  if (g.cves !== true && policy?.enabled !== true) {
    const stray = cveOptions.find(key => g[key] !== undefined)
    if (stray !== undefined) {
      const from = given.from[stray] ?? {kind: 'flag' as const, name: String(stray)}
      throw new ConfigurationError(
        `Expected \`${from.name}\` only with \`${cvesSwitch(from.kind)}\` or \`cves: {enabled: true}\` in the policy, got neither`
      )
    }
    return undefined
  }
  return {
    ...(g.feed === undefined ? {} : {feed: g.feed}),
    ...(g.feedCache === undefined ? {} : {feedCache: g.feedCache}),
    policy: {
      ...defaultCvePolicy,
      ...policy,
      ...(g.cveFailOn === undefined ? {} : {failOn: g.cveFailOn}),
      // `--ignore-unfixed` can only turn it on; the action's `false` overrides the policy.
      ...(g.ignoreUnfixed === undefined ? {} : {ignoreUnfixed: g.ignoreUnfixed}),
      ...(g.maxFeedAge === undefined ? {} : {maxFeedAgeDays: g.maxFeedAge}),
      enabled: true
    },
    ...(now === undefined ? {} : {now})
  }
}
