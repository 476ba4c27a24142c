/**
 * One gated run over one or several images, shared by `scapgate scan`, `scapgate baseline` and the
 * GitHub action: check the CVE options up front, scan every image (`scanImages`: cache, policy
 * gate, baseline, one output set per image), then aggregate the verdicts. The callers only turn
 * the {@link GateRun} into their own surface (console text and exit code, baselines, GitHub
 * reports); none scans or aggregates on its own.
 */
import {aggregateStatus, renderAggregateSummary, type AggregateStatus} from '../gate/aggregate.js'
import type {ImageVerdict} from '../gate/aggregate.js'
import {resolveCveSettings} from '../options/resolve-options.js'
import {
  imageVerdicts,
  scanImages,
  type ImageOutcome,
  type ScanImagesOptions
} from '../pipeline/scan-images.js'

export interface GateRun {
  /** One per image, in the order given. */
  outcomes: ImageOutcome[]
  verdicts: ImageVerdict[]
  /** `pass` only when every image was scanned and passed. */
  status: AggregateStatus
  /** The aggregated summary (written into `outDir` too when there are several images). */
  summaryMarkdown: string
}

/**
 * Runs the gate. Throws a ConfigurationError before anything is scanned when the CVE options
 * contradict (see `resolveCveSettings`); one image failing to scan is kept in its outcome.
 */
export async function runGate(options: ScanImagesOptions): Promise<GateRun> {
  resolveCveSettings(options.given, options.policy?.cves, options.now)
  const outcomes = await scanImages(options)
  const verdicts = imageVerdicts(outcomes)
  return {
    outcomes,
    verdicts,
    status: aggregateStatus(verdicts),
    summaryMarkdown: renderAggregateSummary(verdicts)
  }
}
