import {writeFile} from 'node:fs/promises'
import {testHooks} from '../environment/test-hooks.js'
import type {Logger, ProgressReporter, ScanPhase} from '../logging.js'

export interface PhaseTimings {
  /** Seconds spent in each phase, in the order the phases ran. */
  phases: {phase: ScanPhase; seconds: number}[]
  totalSeconds: number
}

/**
 * Wraps a ProgressReporter to time the phases it announces; `finish()` returns the durations and
 * logs them at debug level (the benchmark reads them from `--verbose`).
 */
export function timePhases(
  progress: ProgressReporter,
  logger: Logger
): ProgressReporter & {finish: () => PhaseTimings} {
  const started = performance.now()
  const phases: {phase: ScanPhase; seconds: number}[] = []
  let current: {phase: ScanPhase; at: number} | undefined
  const close = (now: number): void => {
    if (current !== undefined)
      phases.push({phase: current.phase, seconds: (now - current.at) / 1000})
  }
  return {
    phase(phase, detail) {
      const now = performance.now()
      close(now)
      current = {phase, at: now}
      progress.phase(phase, detail)
    },
    progress: (phase, done, total) => progress.progress(phase, done, total),
    finish() {
      const now = performance.now()
      close(now)
      current = undefined
      const timings = {phases, totalSeconds: (now - started) / 1000}
      logger.debug(
        `timings: ${phases.map(p => `${p.phase} ${p.seconds.toFixed(2)}s`).join(', ')}, total ${timings.totalSeconds.toFixed(2)}s`
      )
      return timings
    }
  }
}

/**
 * A named point between two steps of the pipeline (`prepared`, `scanned`, `publish` …; see
 * docs/output-sets.md). Normally nothing happens. The fault-injection suite sets
 * `SCAPGATE_TEST_PAUSE_AT` (environment/test-hooks.ts): at that boundary this writes the marker
 * file and waits until `signal` aborts (the test's SIGINT/SIGTERM) or 120 s pass, then returns
 * normally, so the pipeline meets the cancellation exactly as if the signal had arrived there.
 */
export async function pipelineBoundary(name: string, signal?: AbortSignal): Promise<void> {
  const pause = testHooks().pauseAt
  if (pause?.boundary !== name) return
  await writeFile(pause.marker, `${name}\n`)
  if (signal === undefined || signal.aborted) return
  await new Promise<void>(resolve => {
    const timer = setTimeout(resolve, 120_000)
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer)
        resolve()
      },
      {once: true}
    )
  })
}
