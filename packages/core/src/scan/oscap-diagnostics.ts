import {ScanFailedError, sanitizeForDisplay} from '../errors.js'
import {excerpt, type SandboxRunResult} from './sandbox.js'

/**
 * What oscap's stderr says beyond its exit code (`docs/reference/openscap.md` §7). oscap exits 0 or 2 in all of
 * these cases, so they are only visible here.
 */
export interface OscapDiagnostics {
  /** Lines proving that some answers are wrong: package, rpm or chroot failures. Sanitised. */
  silentFailures: string[]
  /** Lines worth surfacing that do not invalidate the results (offline-unsupported probes, remote resources). Sanitised, deduplicated. */
  warnings: string[]
}

const SILENT_FAILURE_PATTERNS: readonly RegExp[] = [
  // dpkginfo with libapt (< 1.3.10; the message is gone from 1.3.10 on): every package looks
  // absent (§5). The other lines read the same in 1.3.7 and 1.4.x (docs/openscap.md §7).
  /dpkginfo_init has failed/,
  // librpm could not open the image's rpmdb (§6).
  /\bRPM: /,
  // A CHROOT-mode probe ran against the sandbox instead of the image (docs/reference/security.md §2.1 #2).
  /chroot(\("\."\))? failed/
]

const WARNING_PATTERNS: readonly RegExp[] = [
  /Requested offline mode is not supported by \S+ probe/,
  /^W(ARNING)?: /
]

const MAX_LINES = 50

/** Classifies oscap's stderr. Lines are untrusted (they can quote content and image data). */
export function readOscapDiagnostics(stderr: string): OscapDiagnostics {
  const silentFailures: string[] = []
  const warningCounts = new Map<string, number>()
  for (const raw of stderr.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (SILENT_FAILURE_PATTERNS.some(pattern => pattern.test(line))) {
      if (silentFailures.length < MAX_LINES) silentFailures.push(sanitizeForDisplay(line, 300))
      continue
    }
    const offline = /Requested offline mode is not supported by (\S+) probe/.exec(line)
    const key = offline ? `Requested offline mode is not supported by ${offline[1]} probe` : line
    if (WARNING_PATTERNS.some(pattern => pattern.test(line))) {
      warningCounts.set(key, (warningCounts.get(key) ?? 0) + 1)
    }
  }
  const warnings = [...warningCounts]
    .slice(0, MAX_LINES)
    .map(([line, count]) => sanitizeForDisplay(count > 1 ? `${line} (${count}×)` : line, 300))
  return {silentFailures: [...new Set(silentFailures)], warnings}
}

/**
 * Reads a finished oscap run the way every caller must: a signal or an exit code outside
 * `okExitCodes` is an `oscap-error`, and a silent-failure line on stderr (wrong package answers,
 * a failed chroot) is a `silent-failure`, although oscap exits 0 or 2 then. Returns the
 * diagnostics (warnings) of a run that passed both checks. `label` names the command in messages.
 */
export function checkOscapRun(
  result: SandboxRunResult,
  options: {label: string; okExitCodes: readonly number[]}
): OscapDiagnostics {
  const stderrExcerpt = excerpt(result.stderr)
  if (result.signal !== null || !options.okExitCodes.includes(result.exitCode ?? -1)) {
    const how =
      result.signal === null ? `exited with ${result.exitCode}` : `was killed by ${result.signal}`
    throw new ScanFailedError(
      `${options.label} ${how}: ${stderrExcerpt || excerpt(result.stdout)}`,
      {
        reason: 'oscap-error',
        exitCode: result.exitCode,
        signal: result.signal,
        stderrExcerpt
      }
    )
  }
  const diagnostics = readOscapDiagnostics(result.stderr)
  if (diagnostics.silentFailures.length > 0) {
    throw new ScanFailedError(
      `${options.label} finished but reported that some answers are wrong: ${diagnostics.silentFailures.join('; ')}`,
      {reason: 'silent-failure', exitCode: result.exitCode, stderrExcerpt}
    )
  }
  return diagnostics
}
