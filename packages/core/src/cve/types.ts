/** The CVE part of the result model (`results.json` → `cves`, see docs/results-schema.md). */

export const cveSeverities = ['unknown', 'negligible', 'low', 'medium', 'high', 'critical'] as const
export type CveSeverity = (typeof cveSeverities)[number]

export interface CveFinding {
  /** The first CVE id, else the advisory id, else the definition id: what waivers match. */
  id: string
  /** Every CVE id the definition names (an RHSA names several). */
  cves: string[]
  /** DSA/DLA, USN or RHSA id when the feed names one. */
  advisory?: string
  /** The OVAL definition that evaluated true. */
  definitionId: string
  title: string
  /** The installed (binary) package the finding is about: what blame locates and waivers name. */
  package: string
  /**
   * The source package it was built from, when known (dpkg): for Debian's feeds, which name
   * source packages, the one the definition named and the finding was matched through.
   */
  sourcePackage?: string
  /** That source's version: what a Debian feed's fixed version is compared with. */
  sourceVersion?: string
  installedVersion?: string
  /** The first version without the flaw; absent when no fix exists yet ("unfixed"). */
  fixedVersion?: string
  /** From the feed; Debian's feeds carry none, so their findings are `unknown`. */
  severity: CveSeverity
  cvss?: {score: number; vector?: string}
  /** Advisory and tracker URLs from the feed. */
  references: string[]
}

export interface CveFeedInfo {
  /** URL or file the feed came from. */
  source: string
  /** sha256 of the feed as obtained (compressed or not). */
  sha256: string
  origin: 'file' | 'download' | 'cache' | 'stale-cache'
  /** The feed's own `<oval:timestamp>`, when it has one. */
  generatedAt?: string
  /** Whole days between `generatedAt` and the scan. */
  ageDays?: number
  /** True when older than the freshness limit. */
  stale: boolean
}

export interface CveScanReport {
  feed: CveFeedInfo
  /** `debian`, `ubuntu`, `rhel` or `unknown` (a `--feed` for another OS). */
  distribution: string
  definitions: {total: number; evaluated: number; true: number; unverified: number}
  /** Definitions that ended `error` or `unknown`: not known to be safe. */
  unverifiedDefinitions: string[]
  /** Seconds: prefilter and oscap. */
  durationSeconds: {prefilter: number; oscap: number}
  findings: CveFinding[]
}
