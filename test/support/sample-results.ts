/**
 * Builders for hand-made {@link ScanResults} in tests (gate, reporters). Not used at runtime.
 * Real-ARF tests go through `parseArf` + `buildScanResults` instead.
 */
import {
  countResults,
  type RuleOutcome,
  type ScanResults
} from '../../packages/core/src/results/model.js'

export function sampleRule(overrides: Partial<RuleOutcome> & {shortId: string}): RuleOutcome {
  return {
    id: `xccdf_org.ssgproject.content_rule_${overrides.shortId}`,
    index: 0,
    title: `Rule ${overrides.shortId}`,
    severity: 'medium',
    result: 'pass',
    description: '',
    rationale: '',
    references: [],
    identifiers: [],
    fixes: [],
    checks: [],
    messages: [],
    ...overrides
  }
}

export function sampleResults(
  rules: RuleOutcome[],
  overrides: Partial<ScanResults> = {}
): ScanResults {
  return {
    image: {
      reference: 'docker-archive:app.tar',
      configDigest: `sha256:${'a'.repeat(64)}`,
      names: ['registry.example/team/app:1.2.3'],
      platform: 'linux/amd64',
      os: {id: 'debian', versionId: '11', prettyName: 'Debian GNU/Linux 11 (bullseye)'}
    },
    scanner: {
      name: 'OpenSCAP',
      version: '1.3.7',
      content: {
        path: '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml',
        sha256: 'b'.repeat(64),
        benchmarkId: 'xccdf_org.ssgproject.content_benchmark_DEBIAN-11',
        benchmarkVersion: '0.1.65'
      },
      profile: {
        id: 'xccdf_org.ssgproject.content_profile_standard',
        title: 'Standard System Security Profile for Debian 11'
      },
      durationSeconds: 3.5
    },
    testResultId: 'xccdf_org.open-scap_testresult_xccdf_org.ssgproject.content_profile_standard',
    startTime: '2024-01-01T00:00:00+00:00',
    endTime: '2024-01-01T00:00:04+00:00',
    score: {system: 'urn:xccdf:scoring:default', value: 75, maximum: 100},
    counts: countResults(rules),
    rules,
    ...overrides
  }
}
