import {
  CancelledError,
  ConfigurationError,
  EnvironmentError,
  InvalidArfError,
  InvalidImageError,
  LimitExceededError,
  ScanFailedError
} from '@scapgate/core'

/**
 * The CLI's documented exit codes (README "Exit codes"). Adapters rely on them.
 * A scan that did not complete never maps to 0 or 1.
 */
export const ExitCode = {
  GatePassed: 0,
  GateFailed: 1,
  Usage: 2,
  ScanIncomplete: 3,
  Interrupted: 130
} as const
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof UsageError || error instanceof ConfigurationError) return ExitCode.Usage
  if (error instanceof CancelledError) return ExitCode.Interrupted
  if (
    error instanceof InvalidImageError ||
    error instanceof ScanFailedError ||
    error instanceof EnvironmentError ||
    error instanceof LimitExceededError ||
    error instanceof InvalidArfError
  ) {
    return ExitCode.ScanIncomplete
  }
  // Our bug or the infrastructure: the scan did not complete either.
  return ExitCode.ScanIncomplete
}

/** A command-line usage mistake (unknown flag, missing argument). Exit 2, with the usage text. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}
