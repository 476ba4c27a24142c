/**
 * The core logs only through an injected {@link Logger}; it never writes to stdout itself.
 * The CLI passes a console logger, the GitHub Action an `@actions/core` one.
 */
export interface Logger {
  debug: (message: string) => void
  info: (message: string) => void
  warning: (message: string | Error) => void
  error: (message: string | Error) => void
  startGroup: (name: string) => void
  endGroup: () => void
}

/** Coarse phases of a scan, reported through {@link ProgressReporter}. */
export type ScanPhase = 'reading' | 'extracting' | 'scanning' | 'reporting'

/** Progress callbacks; `done`/`total` are in the phase's own unit (bytes, layers). */
export interface ProgressReporter {
  phase: (phase: ScanPhase, detail?: string) => void
  progress: (phase: ScanPhase, done: number, total?: number) => void
}

export const nullLogger: Logger = {
  debug: () => {},
  info: () => {},
  warning: () => {},
  error: () => {},
  startGroup: () => {},
  endGroup: () => {}
}

export const nullProgress: ProgressReporter = {
  phase: () => {},
  progress: () => {}
}
