import {describe, expect, it} from 'vitest'
import {cveSeverities} from '../cve/types.js'
import {cveSarif} from '../cve/cve-outputs.js'
import {severities} from './model.js'
import {securitySeverityScore, securitySeverityText} from './security-severity.js'

/** GitHub's bands for `security-severity` (code scanning shows the band, not the number). */
function band(score: number): string {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  return score > 0 ? 'low' : 'none'
}

describe('securitySeverityScore', () => {
  it('scores every compliance and CVE severity word inside the GitHub band it names', () => {
    const expected: Record<string, string> = {
      critical: 'critical',
      high: 'high',
      unknown: 'high',
      medium: 'medium',
      low: 'low',
      info: 'low',
      negligible: 'low'
    }
    for (const word of [...severities, ...cveSeverities]) {
      expect(band(securitySeverityScore[word]), word).toBe(expected[word])
    }
  })

  it('gives a CVE without a CVSS score the same number as a rule of the same severity', () => {
    const {rules} = cveSarif(
      {
        findings: [
          {
            id: 'CVE-2024-0001',
            severity: 'unknown',
            package: 'libx',
            title: 't',
            references: [],
            cves: []
          }
        ]
      } as unknown as Parameters<typeof cveSarif>[0],
      () => ({uri: 'Dockerfile', startLine: 1})
    )
    expect(rules[0]!.properties!['security-severity']).toBe(
      securitySeverityText(securitySeverityScore.unknown)
    )
  })
})
