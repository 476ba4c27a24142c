/**
 * The vulnerability statement that accompanies the compliance statement when the scan also
 * looked for CVEs (`--cves`): in-toto's vulns predicate, version 0.2 (the in-toto attestation
 * repository's `spec/predicates/vulns_02.md`; its example names the type with the version,
 * `https://in-toto.io/attestation/vulns/v0.2`, as test-result does with `/v0.1`).
 *
 * - `scanner.uri`/`version`: scapgate, which drove OpenSCAP's OVAL engine.
 * - `scanner.db`: the OVAL feed, by its source and sha256; `lastUpdate` is the feed's own
 *   timestamp (the scan's end when the feed carries none: the spec requires the field).
 * - `scanner.result`: one entry per finding; `severity` is the feed's rating (`method: "feed"`)
 *   and the CVSS score when the feed gives one; annotations name the package, the installed and
 *   the fixed version, the advisory. An empty list means no known vulnerability was found.
 * - `metadata`: the scan's start and end.
 *
 * The subject is the same manifest digest as the compliance statement's, taken from the same
 * result model.
 */
import type {CveScanReport} from '../cve/types.js'
import type {ScanResults} from '../results/model.js'
import {inTotoStatementType, subjectOf, type InTotoStatement} from './statement.js'

export const vulnsPredicateType = 'https://in-toto.io/attestation/vulns/v0.2'

export interface VulnsResult {
  id: string
  severity: {method: string; score: string}[]
  annotations?: Record<string, string>[]
}

export interface VulnsPredicate {
  scanner: {
    uri: string
    version: string
    db: {uri: string; version: string; lastUpdate: string}
    result: VulnsResult[]
  }
  metadata: {scanStartedOn: string; scanFinishedOn: string}
}

export function vulnsStatement(
  results: ScanResults,
  report: CveScanReport,
  context: {repository: string; scapgateVersion: string}
): InTotoStatement<VulnsPredicate> {
  const result: VulnsResult[] = report.findings.map(finding => {
    const severity: VulnsResult['severity'] = [{method: 'feed', score: finding.severity}]
    if (finding.cvss !== undefined)
      severity.push({method: 'cvss_score', score: String(finding.cvss.score)})
    const annotations: Record<string, string>[] = [{package: finding.package}]
    if (finding.installedVersion !== undefined)
      annotations.push({installedVersion: finding.installedVersion})
    annotations.push({fixedVersion: finding.fixedVersion ?? 'unfixed'})
    if (finding.advisory !== undefined) annotations.push({advisory: finding.advisory})
    if (finding.cves.length > 1) annotations.push({cves: finding.cves.join(' ')})
    return {id: finding.id, severity, annotations}
  })
  return {
    _type: inTotoStatementType,
    subject: subjectOf(results, context.repository),
    predicateType: vulnsPredicateType,
    predicate: {
      scanner: {
        uri: 'https://scapgate.dev',
        version: context.scapgateVersion,
        db: {
          // A local feed file is named by its base name only: the runner's paths are not data.
          uri: /^https?:\/\//i.test(report.feed.source)
            ? report.feed.source
            : `file:${report.feed.source.slice(report.feed.source.lastIndexOf('/') + 1)}`,
          version: `sha256:${report.feed.sha256.replace(/^sha256:/, '')}`,
          lastUpdate: report.feed.generatedAt ?? results.endTime
        },
        result
      },
      metadata: {scanStartedOn: results.startTime, scanFinishedOn: results.endTime}
    }
  }
}
