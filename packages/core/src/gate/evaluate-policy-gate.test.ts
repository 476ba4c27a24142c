import {describe, expect, it} from 'vitest'
import type {BaselineData} from '../baseline/types.js'
import {defaultCountAs, type Waiver} from '../policy/types.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {evaluatePolicyGate, type PolicyGateOptions} from './evaluate-policy-gate.js'

const id = (short: string): string => `xccdf_org.ssgproject.content_rule_${short}`
const now = new Date('2026-03-15T12:00:00Z')

function options(overrides: Partial<PolicyGateOptions> = {}): PolicyGateOptions {
  return {
    thresholds: {failOn: 'medium', max: {}, countAs: defaultCountAs},
    mode: 'absolute',
    waivers: [],
    staleWaivers: 'report',
    now,
    ...overrides
  }
}

function waiver(rule: string, expires: string, extra: Partial<Waiver> = {}): Waiver {
  return {
    rule,
    reason: 'legacy client',
    approver: 'alice',
    expires,
    source: {file: 'scapgate.yml', line: 7},
    ...extra
  }
}

const results = sampleResults([
  sampleRule({shortId: 'telnet', severity: 'high', result: 'fail'}),
  sampleRule({shortId: 'shadow', severity: 'medium', result: 'fail'}),
  sampleRule({shortId: 'banner', severity: 'low', result: 'fail'}),
  sampleRule({shortId: 'audit', severity: 'medium', result: 'error'}),
  sampleRule({shortId: 'ok', severity: 'high', result: 'pass'}),
  sampleRule({shortId: 'na', severity: 'high', result: 'notapplicable'})
])

describe('evaluatePolicyGate thresholds', () => {
  it('fails on rules at or above fail-on and passes those below it', () => {
    const verdict = evaluatePolicyGate(
      results,
      options({thresholds: {failOn: 'high', max: {}, countAs: defaultCountAs}})
    )
    expect(verdict.status).toBe('fail')
    expect(verdict.reasons).toEqual([
      expect.objectContaining({kind: 'failed-rules', ruleIds: [id('telnet')], threshold: 'high'})
    ])
    expect(verdict.counts).toMatchObject({failing: 1, unverified: 0, belowThreshold: 2, waived: 0})
  })

  it('allows up to max failures of a severity and names the rules when there are more', () => {
    const within = evaluatePolicyGate(
      results,
      options({thresholds: {failOn: 'high', max: {high: 1, medium: 2}, countAs: defaultCountAs}})
    )
    expect(within.status).toBe('pass')
    const over = evaluatePolicyGate(
      results,
      options({thresholds: {failOn: 'low', max: {medium: 1}, countAs: defaultCountAs}})
    )
    expect(over.reasons.map(r => r.kind)).toEqual(['failed-rules', 'too-many-failures'])
    expect(over.reasons[1]).toMatchObject({
      severity: 'medium',
      maximum: 1,
      count: 2,
      ruleIds: [id('audit'), id('shadow')]
    })
    expect(over.reasons[0]).toMatchObject({ruleIds: [id('banner'), id('telnet')]})
  })

  it('counts error results as failures by default and ignores them when the policy says so', () => {
    const strict = evaluatePolicyGate(results, options())
    expect(strict.reasons.find(r => r.kind === 'unverified-rules')?.ruleIds).toEqual([id('audit')])
    const lenient = evaluatePolicyGate(
      results,
      options({
        thresholds: {failOn: 'medium', max: {}, countAs: {...defaultCountAs, error: 'ignore'}}
      })
    )
    expect(lenient.reasons.map(r => r.kind)).toEqual(['failed-rules'])
  })

  it('counts notchecked as a failure only when asked to', () => {
    const r = sampleResults([
      sampleRule({shortId: 'x', severity: 'high', result: 'notchecked'}),
      sampleRule({shortId: 'p', result: 'pass'})
    ])
    expect(evaluatePolicyGate(r, options()).status).toBe('pass')
    const counted = evaluatePolicyGate(
      r,
      options({
        thresholds: {failOn: 'medium', max: {}, countAs: {...defaultCountAs, notchecked: 'failure'}}
      })
    )
    expect(counted.reasons).toEqual([
      expect.objectContaining({kind: 'unverified-rules', ruleIds: [id('x')]})
    ])
    expect(counted.reasons[0]?.message).toContain('(error or unknown or notchecked)')
  })

  it('fails on a score below min-score, and passes at exactly the minimum', () => {
    const ok = sampleResults([sampleRule({shortId: 'p', result: 'pass'})], {
      score: {system: 'urn:xccdf:scoring:default', value: 80, maximum: 100}
    })
    const t = (minScore: number) => ({
      failOn: 'medium' as const,
      max: {},
      minScore,
      countAs: defaultCountAs
    })
    expect(evaluatePolicyGate(ok, options({thresholds: t(80)})).status).toBe('pass')
    const low = evaluatePolicyGate(ok, options({thresholds: t(80.5)}))
    expect(low.reasons).toEqual([
      {
        kind: 'score-below-minimum',
        message: 'The score 80.00 is below the minimum 80.5.',
        ruleIds: [],
        score: 80,
        minimum: 80.5
      }
    ])
    expect(low.minScore).toBe(80.5)
  })

  it('keeps explicit max counts gating with fail-on never', () => {
    const verdict = evaluatePolicyGate(
      results,
      options({thresholds: {failOn: 'never', max: {high: 0}, countAs: defaultCountAs}})
    )
    expect(verdict.reasons.map(r => r.kind)).toEqual(['too-many-failures'])
  })
})

describe('evaluatePolicyGate waivers', () => {
  it('does not fail on a waived rule, and keeps it visible as applied', () => {
    const verdict = evaluatePolicyGate(
      results,
      options({
        thresholds: {failOn: 'high', max: {}, countAs: defaultCountAs},
        waivers: [waiver('telnet', '2026-03-31')]
      })
    )
    expect(verdict.status).toBe('pass')
    expect(verdict.counts.waived).toBe(1)
    expect(verdict.waivers.applied).toEqual([
      {
        rule: 'telnet',
        reason: 'legacy client',
        approver: 'alice',
        expires: '2026-03-31',
        ruleIds: [id('telnet')],
        source: 'scapgate.yml:7'
      }
    ])
    expect(verdict.summary).toContain('1 waived failure')
  })

  it('holds a waiver through its expiry day and fails the gate the day after, naming the waiver', () => {
    const w = [waiver('telnet', '2026-03-15')]
    const t = {failOn: 'high' as const, max: {}, countAs: defaultCountAs}
    expect(
      evaluatePolicyGate(
        results,
        options({thresholds: t, waivers: w, now: new Date('2026-03-15T23:59:59Z')})
      ).status
    ).toBe('pass')
    const verdict = evaluatePolicyGate(
      results,
      options({thresholds: t, waivers: w, now: new Date('2026-03-16T00:00:00Z')})
    )
    expect(verdict.status).toBe('fail')
    expect(verdict.reasons.map(r => r.kind)).toEqual(['failed-rules', 'expired-waivers'])
    expect(verdict.reasons[1]?.message).toBe(
      '1 waiver expired: telnet (2026-03-15, scapgate.yml:7); renew or remove it.'
    )
    expect(verdict.waivers.expired).toEqual([
      expect.objectContaining({rule: 'telnet', ruleIds: [id('telnet')]})
    ])
    expect(verdict.waivers.applied).toEqual([])
  })

  it('reports a waiver that matches no failing rule as stale without failing', () => {
    const verdict = evaluatePolicyGate(
      results,
      options({
        thresholds: {failOn: 'never', max: {}, countAs: defaultCountAs},
        waivers: [waiver(id('ok'), '2027-01-01')]
      })
    )
    expect(verdict.status).toBe('pass')
    expect(verdict.waivers.stale).toEqual([expect.objectContaining({rule: id('ok'), ruleIds: []})])
    expect(verdict.summary).toContain('1 stale waiver')
  })

  it('fails on a stale waiver when the policy says stale-waivers: fail', () => {
    const verdict = evaluatePolicyGate(
      results,
      options({
        thresholds: {failOn: 'never', max: {}, countAs: defaultCountAs},
        waivers: [waiver('ok', '2027-01-01')],
        staleWaivers: 'fail'
      })
    )
    expect(verdict.reasons).toEqual([
      expect.objectContaining({kind: 'stale-waivers', ruleIds: ['ok']})
    ])
  })
})

describe('evaluatePolicyGate against a baseline', () => {
  const baseline: BaselineData = {
    source: 'baseline.json',
    score: 70,
    rules: new Map([
      [id('telnet'), 'fail'],
      [id('shadow'), 'pass'],
      [id('banner'), 'fail'],
      [id('audit'), 'pass'],
      [id('ok'), 'fail'],
      [id('na'), 'pass']
    ])
  }
  const current = sampleResults(
    [...results.rules, sampleRule({shortId: 'brand_new', severity: 'high', result: 'fail'})],
    {score: {system: 'urn:xccdf:scoring:default', value: 75, maximum: 100}}
  )

  it('classifies every rule: new failure, regression, still failing, fixed, newly not applicable, new rule', () => {
    const verdict = evaluatePolicyGate(current, options({baseline}))
    expect(verdict.baseline).toEqual({
      source: 'baseline.json',
      score: 70,
      changes: {
        'new-failure': [id('shadow')],
        regression: [id('audit')],
        'still-failing': [id('banner'), id('telnet')],
        fixed: [id('ok')],
        'newly-not-applicable': [id('na')],
        'new-rule': [id('brand_new')]
      }
    })
  })

  it('in ratchet mode fails only on new failures and regressions', () => {
    const verdict = evaluatePolicyGate(current, options({baseline, mode: 'ratchet'}))
    expect(verdict.mode).toBe('ratchet')
    expect(verdict.reasons).toEqual([
      expect.objectContaining({kind: 'new-failures', ruleIds: [id('shadow')]}),
      expect.objectContaining({kind: 'regressions', ruleIds: [id('audit')]})
    ])
    expect(verdict.summary).toMatch(
      /^Compliance gate failed: 1 new failing rule, 1 new unverified rule/
    )
  })

  it('in ratchet mode passes when the only failures were already in the baseline', () => {
    const onlyOld = sampleResults(
      results.rules.filter(r => ['telnet', 'banner', 'ok'].includes(r.shortId)),
      {
        score: {system: 'urn:xccdf:scoring:default', value: 70, maximum: 100}
      }
    )
    const verdict = evaluatePolicyGate(onlyOld, options({baseline, mode: 'ratchet'}))
    expect(verdict.status).toBe('pass')
    expect(verdict.baseline?.changes['still-failing']).toEqual([id('banner'), id('telnet')])
  })

  it('in ratchet mode fails when the score drops below the baseline', () => {
    const dropped = sampleResults(
      [sampleRule({shortId: 'telnet', severity: 'high', result: 'fail'})],
      {
        score: {system: 'urn:xccdf:scoring:default', value: 69.5, maximum: 100}
      }
    )
    const verdict = evaluatePolicyGate(dropped, options({baseline, mode: 'ratchet'}))
    expect(verdict.reasons).toEqual([
      expect.objectContaining({kind: 'score-dropped', score: 69.5, baselineScore: 70})
    ])
  })

  it('in absolute mode applies the thresholds to every failing rule, old or new', () => {
    const verdict = evaluatePolicyGate(current, options({baseline, mode: 'absolute'}))
    expect(verdict.mode).toBe('absolute')
    expect(verdict.reasons[0]).toMatchObject({
      kind: 'failed-rules',
      ruleIds: [id('brand_new'), id('shadow'), id('telnet')]
    })
  })

  it('lets a waiver cover a new failure in ratchet mode', () => {
    const verdict = evaluatePolicyGate(
      current,
      options({
        baseline,
        mode: 'ratchet',
        waivers: [waiver('shadow', '2026-12-31'), waiver('audit', '2026-12-31')]
      })
    )
    expect(verdict.status).toBe('pass')
    expect(verdict.waivers.applied.map(w => w.rule)).toEqual(['shadow', 'audit'])
  })
})
