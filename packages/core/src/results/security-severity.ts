/**
 * The one table of SARIF `security-severity` scores, for compliance rules (`Severity`) and CVE
 * findings (`CveSeverity`) alike. GitHub's bands: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium,
 * 0.1–3.9 low; each word scores inside its band. `unknown` scores as high, as the gates rank it.
 */
export const securitySeverityScore = {
  critical: 9.5,
  high: 8.0,
  unknown: 8.0,
  medium: 5.5,
  low: 3.0,
  info: 1.0,
  negligible: 1.0
} as const satisfies Record<string, number>

export type ScoredSeverity = keyof typeof securitySeverityScore

/** The score as SARIF carries it: a string with one decimal (`"8.0"`). */
export function securitySeverityText(score: number): string {
  return score.toFixed(1)
}
