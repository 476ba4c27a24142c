/**
 * The step outputs (`action.yml` documents them). Values are numbers and paths the action made;
 * `@actions/core` writes them to GITHUB_OUTPUT with a random delimiter (≥ 1.9.1, CVE-2022-35954).
 */
import * as core from '@actions/core'
import type {AggregateStatus, ImageOutcome} from '@scapgate/core'

/** Every output the action sets; action.yml must declare exactly these. */
export const outputNames = [
  'verdict',
  'score',
  'failed',
  'new-failures',
  'sarif-file',
  'results-file',
  'matrix',
  'images'
] as const

export interface ActionOutputs {
  verdict: AggregateStatus
  score: string
  failed: number
  newFailures: number
  sarifFiles: string[]
  resultsFiles: string[]
}

export function computeOutputs(
  status: AggregateStatus,
  outcomes: readonly ImageOutcome[],
  files: {sarif: string[]; results: string[]}
): ActionOutputs {
  const scanned = outcomes.flatMap(o => (o.outcome === undefined ? [] : [o.outcome]))
  const scores = scanned.map(o => o.results.score.value)
  return {
    verdict: status,
    // With several images: the lowest score, the one a threshold would trip on.
    score: scores.length === 0 ? '' : Math.min(...scores).toFixed(2),
    failed: scanned.reduce((n, o) => n + o.verdict.counts.failing + o.verdict.counts.unverified, 0),
    newFailures: scanned.reduce(
      (n, o) =>
        n +
        (o.verdict.baseline?.changes['new-failure'].length ?? 0) +
        (o.verdict.baseline?.changes.regression.length ?? 0),
      0
    ),
    sarifFiles: files.sarif,
    resultsFiles: files.results
  }
}

/** Paths are one per line when several images were scanned. */
export function setOutputs(outputs: ActionOutputs): void {
  core.setOutput('verdict', outputs.verdict)
  core.setOutput('score', outputs.score)
  core.setOutput('failed', String(outputs.failed))
  core.setOutput('new-failures', String(outputs.newFailures))
  core.setOutput('sarif-file', outputs.sarifFiles.join('\n'))
  core.setOutput('results-file', outputs.resultsFiles.join('\n'))
}
