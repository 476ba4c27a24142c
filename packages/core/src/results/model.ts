/**
 * The result model: what scapgate knows about one scan after the ARF has been validated.
 * `results.json` is this model serialised (see `docs/results-schema.md`); reporters read only this.
 */

/** XCCDF 1.2 rule-result values. */
export const ruleResultValues = [
  'pass',
  'fail',
  'error',
  'unknown',
  'notapplicable',
  'notchecked',
  'notselected',
  'informational',
  'fixed'
] as const
export type RuleResultValue = (typeof ruleResultValues)[number]

export const severities = ['unknown', 'info', 'low', 'medium', 'high'] as const
export type Severity = (typeof severities)[number]

export interface RuleReference {
  /** The framework URL (`@href`), e.g. NIST SP 800-53's PDF. May be empty (ACSC ISM content bug). */
  href: string
  /** The control id, e.g. `CM-6(a)`. */
  text: string
  /** A short framework name derived from `href` when known (`NIST-800-53`, `CIS`, `PCI-DSS` …). */
  framework?: string
}

export interface RuleIdentifier {
  /** e.g. `https://nvd.nist.gov/cce/index.cfm` */
  system: string
  value: string
}

export interface RuleCheckRef {
  system: string
  /** OVAL definition id, e.g. `oval:ssg-package_telnetd_removed:def:1`. */
  name?: string
  href?: string
}

export interface RuleOutcome {
  /** Full XCCDF id: `xccdf_org.ssgproject.content_rule_package_telnetd_removed`. */
  id: string
  /** Short id: `package_telnetd_removed`. */
  shortId: string
  /** Distinguishes several rule-results with the same idref (multi-check); 0 otherwise. */
  index: number
  title: string
  severity: Severity
  result: RuleResultValue
  /** Plain text (XHTML flattened, `xccdf:sub` resolved where possible). */
  description: string
  rationale: string
  references: RuleReference[]
  identifiers: RuleIdentifier[]
  /** Fix systems present on the Rule (`urn:xccdf:fix:script:sh`, `…:ansible` …). */
  fixes: string[]
  checks: RuleCheckRef[]
  messages: string[]
  /**
   * Why the result is what it is when scapgate knows better than oscap's message: a `notchecked`
   * rule whose only check was SCE ({@link SCRIPT_CHECK_NOT_RUN_REASON}), or an `error` package
   * rule on an image without a dpkg database.
   */
  reason?: string
}

/** The reason of a rule whose only check was a Script Check Engine script (never run). */
export const SCRIPT_CHECK_NOT_RUN_REASON = 'script check, not run on untrusted images'

export interface ImageInfo {
  /** The reference the user gave, e.g. `docker-archive:app.tar`. */
  reference: string
  configDigest: string
  manifestDigest?: string
  names: string[]
  platform: string
  os: {id: string; versionId: string; prettyName: string}
}

/** Mirrors `ContentSelection` (content/select-content.ts); results.json `scanner.content.selection`. */
export interface ContentSelectionInfo {
  origin: 'store' | 'directory'
  ssgVersion?: string
  source?: string
  sourceSha256?: string
  reason: string
  candidates: number
  passedOver?: string[]
}

export interface ScannerInfo {
  name: 'OpenSCAP'
  version: string
  /**
   * The content as given (`sha256` of that file, not of the private copy oscap evaluated).
   * `sceChecksRemoved`: Script Check Engine checks removed from that copy (never run); absent when
   * the results were rebuilt from an ARF alone.
   */
  content: {
    path: string
    sha256: string
    benchmarkId: string
    benchmarkVersion: string
    sceChecksRemoved?: number
    /** How scapgate chose the data stream when none was given (`content/select-content.ts`). */
    selection?: ContentSelectionInfo
  }
  profile: {id: string; title: string}
  tailoring?: {path: string; sha256: string}
  /** Seconds oscap ran for. */
  durationSeconds: number
  /**
   * What scapgate changed in oscap's view of the image to work around a quirk of this oscap, one
   * sentence each (e.g. held packages on OpenSCAP >= 1.3.10, docs/openscap.md §5); absent when
   * nothing was changed.
   */
  notes?: string[]
}

export type ResultCounts = Record<RuleResultValue, number>

export interface ScanResults {
  image: ImageInfo
  scanner: ScannerInfo
  testResultId: string
  startTime: string
  endTime: string
  score: {system: string; value: number; maximum: number}
  counts: ResultCounts
  rules: RuleOutcome[]
}

export function emptyCounts(): ResultCounts {
  return Object.fromEntries(ruleResultValues.map(v => [v, 0])) as ResultCounts
}

export function countResults(rules: readonly RuleOutcome[]): ResultCounts {
  const counts = emptyCounts()
  for (const rule of rules) counts[rule.result] += 1
  return counts
}
