import {sanitizeForDisplay} from '../errors.js'

/**
 * What oscap's stderr says beyond its exit code (`openscap.md` §7). oscap exits 0 or 2 in all of
 * these cases, so they are only visible here.
 */
export interface OscapDiagnostics {
  /** Lines proving that some answers are wrong: package, rpm or chroot failures. Sanitised. */
  silentFailures: string[]
  /** Lines worth surfacing that do not invalidate the results (offline-unsupported probes, remote resources). Sanitised, deduplicated. */
  warnings: string[]
}

const SILENT_FAILURE_PATTERNS: readonly RegExp[] = [
  // dpkginfo with libapt (< 1.3.10): every package looks absent (§5).
  /dpkginfo_init has failed/,
  // librpm could not open the image's rpmdb (§6).
  /\bRPM: /,
  // A CHROOT-mode probe ran against the sandbox instead of the image (security.md §2.1 #2).
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
