/**
 * The policy file (`scapgate.yml`) after validation. `docs/policy.md` documents every key; the
 * parser (`parse-policy.ts`) is the only producer, so every field here has been checked.
 */
import type {CvePolicy} from './cve-policy.js'
import type {FailOn, PolicyMode} from '../options/option-values.js'
import type {Severity} from '../results/model.js'

export {policyModes, type PolicyMode} from '../options/option-values.js'

/** How a rule-result that is neither pass nor fail counts against the thresholds. */
export const countAsValues = ['failure', 'ignore'] as const
export type CountAs = (typeof countAsValues)[number]

export const staleWaiverActions = ['report', 'fail'] as const
export type StaleWaiverAction = (typeof staleWaiverActions)[number]

/** Where a value came from in the policy file, for messages. */
export interface PolicySource {
  file: string
  line: number
  /** Key path of the entry, e.g. `waivers[2]`. */
  path?: string
}

export interface Thresholds {
  failOn: FailOn
  /**
   * Most failing rules allowed per severity; overrides `failOn` for that severity (a severity at
   * or above `failOn` otherwise allows 0, below it any number).
   */
  max: Partial<Record<Severity, number>>
  /** Lowest acceptable score (the default XCCDF scoring system: 0–100). Absolute mode only. */
  minScore?: number
  countAs: {error: CountAs; unknown: CountAs; notchecked: CountAs}
}

export interface Waiver {
  /** Full XCCDF rule id or its short form (`package_telnetd_removed`). */
  rule: string
  /** Image name globs the waiver applies to; absent: every image. */
  images?: string[]
  reason: string
  approver: string
  /** `YYYY-MM-DD`; the waiver holds through that day (UTC). */
  expires: string
  source?: PolicySource
}

/** Per-image settings, chosen by the first section whose glob matches the image. */
export interface ImageSection {
  match: string[]
  content?: string
  profile?: string
  tailoring?: string
  dockerfile?: string
  thresholds?: Partial<Thresholds>
  source?: PolicySource
}

export interface Policy {
  /** The policy file, absolute; relative paths in the policy resolve against its directory. */
  file: string
  mode?: PolicyMode
  baseline?: string
  thresholds: Partial<Thresholds>
  waivers: Waiver[]
  staleWaivers: StaleWaiverAction
  images: ImageSection[]
  /** The `cves:` section (docs/cves.md); absent when the policy has none. */
  cves?: CvePolicy
  /**
   * How the paths this policy names are checked when they are read (docs/input-files.md): a
   * policy file inside the workspace may only name files inside the workspace (`workspace`); one
   * outside it was chosen by the pipeline author (`command-line`). Absent: `command-line`.
   */
  pathOrigin?: 'workspace' | 'command-line'
  /** `content: {version, sha256}`: pins automatically selected content (docs/content.md). */
  content?: {version?: string; sha256?: string}
}

export const defaultCountAs: Thresholds['countAs'] = {
  error: 'failure',
  unknown: 'failure',
  notchecked: 'ignore'
}
