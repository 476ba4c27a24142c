import {describe, expect, it} from 'vitest'
import type {ParsedArf, ParsedRule, ParsedRuleResult} from '../arf/types.js'
import {SCRIPT_CHECK_REMOVED_SYSTEM} from '../content/strip-sce.js'
import {buildScanResults} from './build-results.js'
import {SCRIPT_CHECK_NOT_RUN_REASON} from './model.js'

const OVAL = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
const OCIL = 'http://scap.nist.gov/schema/ocil/2'

function rule(id: string, systems: string[]): ParsedRule {
  return {
    id,
    severity: 'medium',
    title: id,
    description: '',
    rationale: '',
    references: [],
    identifiers: [],
    fixes: [],
    checks: systems.map(system => ({system})),
    platforms: []
  }
}

function ruleResult(
  idref: string,
  result: ParsedRuleResult['result'],
  checks: string[] = []
): ParsedRuleResult {
  return {
    idref,
    index: 0,
    severity: 'medium',
    result,
    identifiers: [],
    checks: checks.map(system => ({system, exports: []})),
    messages: []
  }
}

function arf(rules: ParsedRule[], results: ParsedRuleResult[]): ParsedArf {
  return {
    source: 'test.arf.xml',
    testResult: {
      id: 'xccdf_t_testresult_1',
      startTime: '',
      endTime: '2026-01-01T00:00:00',
      testSystem: 'cpe:/a:redhat:openscap:1.3.7',
      version: '1',
      benchmarkId: 'xccdf_t_benchmark_b',
      target: 't',
      facts: [],
      scores: [],
      setValues: new Map(),
      platforms: [],
      ruleResults: results
    },
    benchmark: {
      id: 'xccdf_t_benchmark_b',
      version: '1',
      title: 'b',
      profiles: new Map(),
      rules: new Map(rules.map(r => [r.id, r]))
    },
    oval: new Map()
  }
}

const build = (parsed: ParsedArf): Map<string, string | undefined> =>
  new Map(
    buildScanResults(parsed, {
      image: {
        reference: 'x',
        configDigest: 'sha256:0',
        names: [],
        platform: 'linux/amd64',
        os: {id: 'debian', versionId: '12', prettyName: ''}
      },
      scanner: {content: {path: 'ds.xml', sha256: '0'.repeat(64)}, durationSeconds: 1}
    }).rules.map(r => [r.id, r.reason])
  )

describe('buildScanResults: the reason of rules whose script check was not run', () => {
  it('is set for a notchecked rule that holds the marker check and evaluated no check', () => {
    const reasons = build(
      arf(
        [
          rule('marker', [SCRIPT_CHECK_REMOVED_SYSTEM]),
          rule('marker_ocil', [SCRIPT_CHECK_REMOVED_SYSTEM, OCIL]),
          rule('ocil_only', [OCIL]),
          rule('marker_other_selector', [OVAL, SCRIPT_CHECK_REMOVED_SYSTEM]),
          rule('na', [SCRIPT_CHECK_REMOVED_SYSTEM])
        ],
        [
          ruleResult('marker', 'notchecked'),
          ruleResult('marker_ocil', 'notchecked'),
          ruleResult('ocil_only', 'notchecked'),
          // oscap evaluated the OVAL check (another selector group); notchecked for its own reasons
          ruleResult('marker_other_selector', 'notchecked', [OVAL]),
          ruleResult('na', 'notapplicable')
        ]
      )
    )
    expect(Object.fromEntries(reasons)).toEqual({
      marker: SCRIPT_CHECK_NOT_RUN_REASON,
      marker_ocil: SCRIPT_CHECK_NOT_RUN_REASON,
      ocil_only: undefined,
      marker_other_selector: undefined,
      na: undefined
    })
  })
})
