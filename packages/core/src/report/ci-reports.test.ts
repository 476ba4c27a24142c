import {describe, expect, it} from 'vitest'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {toCodeQuality} from './code-quality.js'
import {fencedBlock} from '../escape/escape.js'
import {toJunit} from './junit.js'
import {runSnippet, splitBashFixes} from './remediation.js'
import {renderSummary} from './summary-md.js'

const telnetd = sampleRule({
  shortId: 'package_telnetd_removed',
  result: 'fail',
  severity: 'high',
  title: 'Uninstall telnetd'
})
const results = sampleResults([
  telnetd,
  sampleRule({shortId: 'probe', result: 'unknown', severity: 'medium'}),
  sampleRule({shortId: 'na', result: 'notapplicable'}),
  sampleRule({shortId: 'ok', result: 'pass', title: 'Evil <x> & "y" \u0001'})
])
const blame = new Map<string, Attribution>([
  [
    ruleKey(telnetd),
    {
      kind: 'instruction',
      evidence: 'telnetd 0.17-42 is installed',
      cause: 'added by the RUN on line 6',
      location: {uri: 'Dockerfile', startLine: 6, endLine: 8}
    }
  ]
])
const fallback = {uri: 'Dockerfile', startLine: 1}

describe('toJunit', () => {
  it('writes one test case per selected rule: failure, error, skipped or passed', () => {
    const text = toJunit(results, {blame})
    expect(XMLValidator.validate(text)).toBe(true)
    const doc = new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(text)
    const suite = doc.testsuites.testsuite
    expect(suite).toMatchObject({tests: '4', failures: '1', errors: '1', skipped: '1'})
    const cases = suite.testcase as Record<string, unknown>[]
    expect(
      cases.map(c => Object.keys(c).filter(k => ['failure', 'error', 'skipped'].includes(k)))
    ).toEqual([['failure'], ['error'], ['skipped'], []])
    expect(String((cases[0]?.failure as Record<string, string>)['#text'])).toContain(
      'Location: Dockerfile:6 (added by the RUN on line 6)\nFound: telnetd 0.17-42 is installed'
    )
    expect(cases[3]?.name).toBe('ok: Evil <x> & "y"')
  })
})

describe('toCodeQuality', () => {
  it('writes the GitLab fields with the severity mapping, the blamed line and stable fingerprints', () => {
    const issues = toCodeQuality(results, {location: fallback, blame})
    expect(issues).toHaveLength(2)
    expect(issues[0]).toMatchObject({
      check_name: 'package_telnetd_removed',
      severity: 'critical',
      description:
        'Uninstall telnetd failed: telnetd 0.17-42 is installed (added by the RUN on line 6)',
      location: {path: 'Dockerfile', lines: {begin: 6, end: 8}}
    })
    expect(issues[1]).toMatchObject({
      severity: 'major',
      location: {path: 'Dockerfile', lines: {begin: 1}}
    })
    expect(issues[0]?.fingerprint).toMatch(/^[a-f0-9]{64}$/)
    expect(toCodeQuality(results, {location: fallback})[0]?.fingerprint).toBe(
      issues[0]?.fingerprint
    )
  })
})

describe('remediation', () => {
  const script = [
    '#!/usr/bin/env bash',
    '###############################################################################',
    "# BEGIN fix (1 / 2) for 'xccdf_x_rule_missing_one'",
    '###############################################################################',
    `(>&2 echo "Remediating rule 1/2: 'xccdf_x_rule_missing_one'")`,
    `(>&2 echo "FIX FOR THIS RULE 'xccdf_x_rule_missing_one' IS MISSING!")`,
    '',
    "# END fix for 'xccdf_x_rule_missing_one'",
    '',
    '###############################################################################',
    "# BEGIN fix (2 / 2) for 'xccdf_x_rule_package_telnetd_removed'",
    '###############################################################################',
    `(>&2 echo "Remediating rule 2/2: 'xccdf_x_rule_package_telnetd_removed'")`,
    '',
    'DEBIAN_FRONTEND=noninteractive apt-get remove -y "telnetd"',
    '',
    "# END fix for 'xccdf_x_rule_package_telnetd_removed'"
  ].join('\n')

  it('splits the bash script per rule and skips the missing-fix stubs', () => {
    expect([...splitBashFixes(script)]).toEqual([
      [
        'xccdf_x_rule_package_telnetd_removed',
        'DEBIAN_FRONTEND=noninteractive apt-get remove -y "telnetd"'
      ]
    ])
  })

  it('makes a RUN heredoc whose delimiter the fix cannot end early', () => {
    const snippet = runSnippet('r', 'echo a\nSCAPGATE_FIX\necho b')
    expect(snippet).toContain(
      "RUN <<'SCAPGATE_FIX_'\nset -e\necho a\nSCAPGATE_FIX\necho b\nSCAPGATE_FIX_\n"
    )
  })

  it('fences code with a fence its content cannot close', () => {
    expect(fencedBlock('a ``` b')).toBe('````\na ``` b\n````')
  })
})

describe('renderSummary with locations and fixes', () => {
  it('shows where each finding is and how to fix it', () => {
    const text = renderSummary(results, evaluateGate(results, {failOn: 'medium'}), {
      blame,
      runFixes: new Map([
        [telnetd.id, runSnippet('package_telnetd_removed', 'apt-get remove -y telnetd')]
      ]),
      sarifTrim: {total: 30_000, kept: 25_000, reason: 'at most 25000 results per run'}
    })
    expect(text).toContain(
      '| high | Uninstall telnetd (`package_telnetd_removed`) | `Dockerfile:6` | telnetd 0\\.17\\-42 is installed: added by the RUN on line 6 |'
    )
    expect(text).toContain('SARIF holds 25000 of 30000 findings')
    expect(text).toContain('### How to fix')
    expect(text).toContain('add to the Dockerfile after line 8 of Dockerfile</summary>')
    expect(text).toContain('```dockerfile\n# package_telnetd_removed')
  })

  it('never leaves a fix block open when the size cap cuts it', () => {
    const runFixes = new Map([[telnetd.id, runSnippet('x', 'echo y\n'.repeat(500))]])
    const full = renderSummary(results, evaluateGate(results, {failOn: 'medium'}), {
      blame,
      runFixes
    })
    const capped = renderSummary(results, evaluateGate(results, {failOn: 'medium'}), {
      blame,
      runFixes,
      maxChars: full.length - 100
    })
    expect(capped.length).toBeLessThanOrEqual(full.length - 100)
    // The fix went whole; the folded details are still closed, the rule is still above them.
    expect(capped).not.toContain('<details><summary><code>')
    expect(capped.match(/<details>/g)).toHaveLength(1)
    expect(capped.trimEnd().endsWith('</details>')).toBe(true)
    expect(capped).toContain('| high | Uninstall telnetd (`package_telnetd_removed`)')
    expect(capped).toContain('Some details are not shown')
  })
})
