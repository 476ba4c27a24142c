import {describe, expect, it} from 'vitest'
import {parsePolicy} from './parse-policy.js'
import {PolicyError} from './policy-error.js'
import {checkWaiverRules} from './check-rules.js'

const complete = `version: 1
mode: ratchet
baseline: baselines/app.json
thresholds:
  fail-on: high
  max: {medium: 3, low: 10}
  min-score: 80.5
  count:
    error: failure
    notchecked: failure
waivers:
  - rule: package_telnetd_removed
    images: 'registry.example/team/*'
    reason: Legacy client, removed in PLAT-12
    approver: alice@example.com
    expires: 2026-03-31
stale-waivers: fail
images:
  - match: ['registry.example/team/api:*', '**/api.tar']
    profile: standard
    content: content/ssg-debian11-ds.xml
    thresholds: {fail-on: medium}
cves:
  fail-on: critical
`

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, 'scapgate.yml')
  } catch (error) {
    if (error instanceof PolicyError) return error
    throw error
  }
  throw new Error('expected a PolicyError')
}

describe('parsePolicy', () => {
  it('reads every key of a complete policy', () => {
    const policy = parsePolicy(complete, 'scapgate.yml')
    expect(policy.mode).toBe('ratchet')
    expect(policy.baseline).toBe('baselines/app.json')
    expect(policy.thresholds).toEqual({
      failOn: 'high',
      max: {medium: 3, low: 10},
      minScore: 80.5,
      countAs: {error: 'failure', notchecked: 'failure'}
    })
    expect(policy.waivers).toEqual([
      {
        rule: 'package_telnetd_removed',
        images: ['registry.example/team/*'],
        reason: 'Legacy client, removed in PLAT-12',
        approver: 'alice@example.com',
        expires: '2026-03-31',
        source: {file: 'scapgate.yml', line: 12, path: 'waivers[0]'}
      }
    ])
    expect(policy.staleWaivers).toBe('fail')
    expect(policy.images[0]).toMatchObject({
      match: ['registry.example/team/api:*', '**/api.tar'],
      profile: 'standard',
      content: 'content/ssg-debian11-ds.xml',
      thresholds: {failOn: 'medium'}
    })
    expect(policy.cves).toMatchObject({enabled: false, failOn: 'critical'})
  })

  it('accepts an empty file as an empty policy', () => {
    expect(parsePolicy('', 'scapgate.yml')).toMatchObject({waivers: [], images: [], thresholds: {}})
  })

  it('names the file, the key path and the line of an unknown key', () => {
    const error = errorOf('thresholds:\n  fail-on: high\n  fial-on: low\n')
    expect(error.message).toBe(
      'scapgate.yml:3: thresholds: unknown key `fial-on`; expected one of fail-on, max, min-score, count'
    )
    expect(error).toMatchObject({line: 3, keyPath: 'thresholds'})
  })

  it('names the line of a value with the wrong type', () => {
    expect(errorOf('thresholds:\n  max:\n    high: lots\n').message).toBe(
      'scapgate.yml:3: thresholds.max.high: expected a whole number from 0 to 9007199254740991, got `lots` (string)'
    )
  })

  it('refuses a date that does not exist, with its line', () => {
    const text = 'waivers:\n  - rule: a\n    reason: r\n    approver: b\n    expires: 2026-02-30\n'
    expect(errorOf(text).message).toBe(
      'scapgate.yml:5: waivers[0].expires: expected a date as YYYY-MM-DD, got `2026-02-30` (no such day)'
    )
  })

  it('refuses a date in another format', () => {
    const text = 'waivers:\n  - rule: a\n    reason: r\n    approver: b\n    expires: 31/03/2026\n'
    expect(errorOf(text).message).toMatch(
      /^scapgate\.yml:5: waivers\[0\]\.expires: expected a date as YYYY-MM-DD, got `31\/03\/2026`/
    )
  })

  it('requires a reason, an approver and an expiry on every waiver', () => {
    expect(errorOf('waivers:\n  - rule: a\n    reason: r\n    expires: 2026-01-01\n').message).toBe(
      'scapgate.yml:2: waivers[0]: missing required key `approver`'
    )
  })

  it('lists the choices for a bad enum value', () => {
    expect(errorOf('mode: ratchett\n').message).toBe(
      'scapgate.yml:1: mode: expected one of absolute|ratchet, got `ratchett` (string)'
    )
  })

  it('reports YAML syntax errors with their line', () => {
    expect(errorOf('mode: absolute\nthresholds: [\n').message).toMatch(
      /^scapgate\.yml:\d+: not valid YAML/
    )
  })

  it('refuses aliases', () => {
    expect(errorOf('x: &a high\nthresholds:\n  fail-on: *a\n').message).toMatch(
      /^scapgate\.yml:1: unknown key `x`/
    )
    expect(errorOf('thresholds: &t {fail-on: high}\nmode: *t\n').message).toBe(
      'scapgate.yml:2: mode: expected a value, got a YAML alias (aliases are not supported)'
    )
  })

  it('refuses duplicate keys', () => {
    expect(errorOf('mode: ratchet\nmode: absolute\n').message).toMatch(
      /^scapgate\.yml:2: not valid YAML: Map keys must be unique/
    )
  })
})

describe('parsePolicy never echoes the text of a file that is not a policy', () => {
  const canary = 'ghp_CANARY0123456789abcdefCANARY'
  const cases: [string, string, RegExp][] = [
    [
      'an /etc/shadow line',
      `root:*:20228:0:99999:7:::\n${canary}:x:1:\n`,
      /^scapgate\.yml:1: unknown key; expected one of /
    ],
    [
      '/proc/self/environ',
      `MY_SECRET_TOKEN=${canary}\u0000SHELL=/bin/sh\u0000`,
      /^scapgate\.yml:1: expected a mapping, got a string$/
    ],
    [
      'an env file',
      `MY_SECRET_TOKEN=${canary}\n`,
      /^scapgate\.yml:1: expected a mapping, got a string$/
    ],
    [
      'a long key',
      `${'k'.repeat(70)}${canary}: 1\n`,
      /^scapgate\.yml:1: unknown key; expected one of /
    ],
    [
      'a value that is not a plain token',
      `mode: "${canary} secret"\n`,
      /^scapgate\.yml:1: mode: expected one of absolute\|ratchet, got a string of \d+ characters$/
    ],
    [
      'a YAML error that quotes the line',
      `mode: |x${canary}\n`,
      /^scapgate\.yml:1: not valid YAML: error UNEXPECTED_TOKEN$/
    ],
    [
      'a bad escape',
      `mode: "\\q${canary}"\n`,
      /^scapgate\.yml:1: not valid YAML: error BAD_DQ_ESCAPE$/
    ]
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const message = errorOf(text).message
      expect(message).toMatch(expected)
      expect(message).not.toContain('CANARY')
      expect(message).not.toContain('root:')
    })
  }
})

describe('checkWaiverRules', () => {
  const policy = parsePolicy(
    'waivers:\n  - rule: package_telnetd_removed\n    reason: r\n    approver: a\n    expires: 2030-01-01\n  - rule: no_such_rule\n    reason: r\n    approver: a\n    expires: 2030-01-01\n',
    'scapgate.yml'
  )
  it('reports a waiver for a rule the content does not have, with its line', () => {
    expect(() =>
      checkWaiverRules(policy.waivers, [
        'xccdf_org.ssgproject.content_rule_package_telnetd_removed'
      ])
    ).toThrow(
      'scapgate.yml:6: waivers[1].rule: unknown rule id `no_such_rule`: the scanned content has no such rule (it has 1)'
    )
  })

  it('accepts full and short rule ids the content has', () => {
    expect(() =>
      checkWaiverRules(policy.waivers, [
        'xccdf_org.ssgproject.content_rule_package_telnetd_removed',
        'xccdf_x_rule_no_such_rule'
      ])
    ).not.toThrow()
  })
})

describe('parsePolicy content pin', () => {
  it('reads `content: {version, sha256}` and refuses malformed pins with their line', () => {
    const digest = 'F6880719015C16E8E221BC2503C0E5A9F83D6A09FC6F9292D3522E46BF4FC9D7'
    expect(
      parsePolicy(`content:\n  version: 0.1.76\n  sha256: ${digest}\n`, 'scapgate.yml').content
    ).toEqual({version: '0.1.76', sha256: digest.toLowerCase()})
    expect(() => parsePolicy('content:\n  sha256: abc\n', 'scapgate.yml')).toThrow(
      /scapgate\.yml:2.*64 hex digits/
    )
    expect(() => parsePolicy('content:\n  version: latest\n', 'scapgate.yml')).toThrow(
      /SSG version/
    )
    expect(() => parsePolicy('content: {}\n', 'scapgate.yml')).toThrow(/version.*sha256/)
  })
})
