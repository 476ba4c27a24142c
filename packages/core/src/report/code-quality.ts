/**
 * {@link ScanResults} → GitLab Code Quality (`artifacts:reports:codequality`): a JSON array with
 * one issue per reported rule-result (`fail`, `error`, `unknown`), at its blamed location.
 *
 * Required fields (docs/reference/platform-limits.md §2.1): `description`, `check_name`, `fingerprint`,
 * `severity` (info / minor / major / critical / blocker) and `location.path` +
 * `location.lines.begin`. Severity: XCCDF high (and unknown, which the gate ranks as high) →
 * critical, medium → major, low → minor, info → info. The fingerprint is the SARIF one: stable
 * across rebuilds, never derived from the tag or digest.
 */
import {ruleKey} from '../blame/attribute.js'
import {type Attribution, type SourceLocation} from '../blame/types.js'
import type {ScanResults, Severity} from '../results/model.js'
import {stripControls, truncate} from '../escape/escape.js'
import {fingerprint, imageRepository} from './sarif.js'

export interface CodeQualityIssue {
  type: 'issue'
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  categories: string[]
  location: {path: string; lines: {begin: number; end?: number}}
}

export interface CodeQualityOptions {
  /** Where findings without an attribution go. */
  location: SourceLocation
  blame?: ReadonlyMap<string, Attribution>
}

export const codeQualitySeverity: Record<Severity, CodeQualityIssue['severity']> = {
  high: 'critical',
  unknown: 'critical',
  medium: 'major',
  low: 'minor',
  info: 'info'
}

const reported = new Set(['fail', 'error', 'unknown'])

export function toCodeQuality(
  results: ScanResults,
  options: CodeQualityOptions
): CodeQualityIssue[] {
  const image = imageRepository(results)
  return results.rules
    .filter(rule => reported.has(rule.result))
    .map(rule => {
      const blame = options.blame?.get(ruleKey(rule))
      const location = blame?.location ?? options.location
      const found =
        blame === undefined
          ? ''
          : ` ${blame.evidence === '' ? '' : `${blame.evidence} `}(${blame.cause})`
      const verb = rule.result === 'fail' ? 'failed' : `could not be checked (${rule.result})`
      return {
        type: 'issue' as const,
        description: truncate(
          stripControls(`${rule.title} ${verb}:${found}`.replace(/:$/, '')),
          1000
        ),
        check_name: stripControls(rule.shortId),
        fingerprint: fingerprint(rule, results.scanner.profile.id, image),
        severity: codeQualitySeverity[rule.severity],
        categories: ['Security', 'Compliance'],
        location: {
          path: location.uri,
          lines: {
            begin: location.startLine,
            ...(location.endLine !== undefined && location.endLine > location.startLine
              ? {end: location.endLine}
              : {})
          }
        }
      }
    })
}
