import type {SourceLinks} from '../report/source-links.js'
import type {TrendHistory} from '../trend/history.js'
import type {ScanEnvironment} from '../environment/index.js'
import type {DaemonOptions, Platform, RegistryOptions, ResolvedImage} from '../image/types.js'
import type {Logger, ProgressReporter} from '../logging.js'
import type {ScanResults} from '../results/model.js'
import type {FailOn, GateVerdict} from '../gate/types.js'
import type {ContentPin} from '../content/select-content.js'
import type {CveScanSettings} from '../options/resolve-options.js'
import type {ImageFacts} from '../packages/image-facts.js'
import type {OutputSet} from './output-set.js'
import type {CveScanReport} from '../cve/types.js'

/** What one image's scan is asked to do: the caller's resolved settings plus its injected services. */
export interface ScanImageOptions {
  /** The IMAGE argument as the user wrote it (`docker-archive:app.tar`). */
  image: string
  contentPath?: string
  /** The policy's `content: {version, sha256}` pin for automatic selection (docs/content.md). */
  contentPin?: ContentPin
  profile?: string
  tailoringPath?: string
  outDir: string
  failOn: FailOn
  platform?: Platform
  /** Registry pulls (TLS, credentials, cache); see `sourceSettings`. */
  registry?: RegistryOptions
  /** `docker-daemon:` and `podman:` sources. */
  daemon?: DaemonOptions
  timeoutMs: number
  environment: ScanEnvironment
  /** Dockerfile the findings point at (its final FROM line for now); optional. */
  dockerfile?: string
  /** Directory that output paths (SARIF URIs) are relative to: the repository checkout. */
  cwd: string
  /** scapgate's version, recorded in the outputs. */
  toolVersion: string
  logger: Logger
  progress: ProgressReporter
  signal?: AbortSignal
  /** An image the caller already opened and verified (the result cache does); closed here. */
  openedImage?: ResolvedImage
  /**
   * Replaces the plain `failOn` gate (the policy gate). Runs once the results exist, before the
   * verdict-dependent outputs are written; may throw a ConfigurationError (a waiver naming a rule
   * the content does not have).
   */
  evaluate?: (
    results: ScanResults,
    context: {contentRuleIds: readonly string[]}
  ) => Promise<GateVerdict>
  /** Also scan for known vulnerabilities (`--cves`, issue 7); see `pipeline/cve-step.ts`. */
  cves?: CveScanSettings
  /**
   * The output set of `outDir` that the caller opened (under the directory's lock) and will
   * commit or abandon (`scanImages` does). Without it scanImage locks `outDir` and does both.
   */
  outputSet?: OutputSet
  /** What the reviewer's view adds: links to the lines, the trend (docs/trend.md). */
  review?: ReviewContext
}

/** Given by the CI adapter as plain data; core reads no CI variables for it. */
export interface ReviewContext {
  links?: SourceLinks
  /** Keep a trend: append this run to `previous` (or start one) and write `history.json`. */
  trend?: {previous?: TrendHistory; commit?: string; at: Date}
}

export interface ScanOutcome {
  results: ScanResults
  verdict: GateVerdict
  outDir: string
  summaryMarkdown: string
  /** Packages and release files, kept for `scapgate rejudge` (absent for cache hits). */
  facts?: ImageFacts
  /** The CVE scan's report, with `--cves` (what `scan --attest` signs as a vulns statement). */
  cveReport?: CveScanReport
}
