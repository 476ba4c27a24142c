import {describe, expect, it} from 'vitest'
import type {RuleResultValue, Severity} from '../results/model.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {evaluateGate} from './evaluate-gate.js'
import type {FailOn} from './types.js'

const rule = (shortId: string, result: RuleResultValue, severity: Severity) =>
  sampleRule({shortId, result, severity})
const id = (shortId: string) => `xccdf_org.ssgproject.content_rule_${shortId}`

describe('evaluateGate', () => {
  const cases: {
    name: string
    failOn: FailOn
    rules: ReturnType<typeof rule>[]
    status: 'pass' | 'fail'
    kinds: string[]
  }[] = [
    {
      name: 'passes when every rule passes',
      failOn: 'low',
      rules: [rule('a', 'pass', 'high')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'fails on a high failure at fail-on high',
      failOn: 'high',
      rules: [rule('a', 'fail', 'high')],
      status: 'fail',
      kinds: ['failed-rules']
    },
    {
      name: 'passes on a medium failure at fail-on high',
      failOn: 'high',
      rules: [rule('a', 'pass', 'high'), rule('b', 'fail', 'medium')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'fails on a medium failure at fail-on medium',
      failOn: 'medium',
      rules: [rule('b', 'fail', 'medium')],
      status: 'fail',
      kinds: ['failed-rules']
    },
    {
      name: 'fails on a low failure at fail-on low',
      failOn: 'low',
      rules: [rule('c', 'fail', 'low')],
      status: 'fail',
      kinds: ['failed-rules']
    },
    {
      name: 'never gates on an info failure',
      failOn: 'low',
      rules: [rule('a', 'pass', 'low'), rule('d', 'fail', 'info')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'ranks an unknown-severity failure as high',
      failOn: 'high',
      rules: [rule('e', 'fail', 'unknown')],
      status: 'fail',
      kinds: ['failed-rules']
    },
    {
      name: 'fails on an error result at the threshold',
      failOn: 'medium',
      rules: [rule('a', 'pass', 'low'), rule('f', 'error', 'medium')],
      status: 'fail',
      kinds: ['unverified-rules']
    },
    {
      name: 'fails on an unknown result at the threshold',
      failOn: 'medium',
      rules: [rule('a', 'pass', 'low'), rule('g', 'unknown', 'high')],
      status: 'fail',
      kinds: ['unverified-rules']
    },
    {
      name: 'passes on an unknown result below the threshold',
      failOn: 'high',
      rules: [rule('a', 'pass', 'low'), rule('g', 'unknown', 'low')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'fails when every selected rule is notapplicable',
      failOn: 'high',
      rules: [rule('h', 'notapplicable', 'high'), rule('i', 'notselected', 'high')],
      status: 'fail',
      kinds: ['nothing-evaluated']
    },
    {
      name: 'fails when no rule is selected',
      failOn: 'low',
      rules: [rule('i', 'notselected', 'high')],
      status: 'fail',
      kinds: ['nothing-evaluated']
    },
    {
      name: 'fails when every selected rule is notchecked',
      failOn: 'low',
      rules: [rule('j', 'notchecked', 'medium')],
      status: 'fail',
      kinds: ['nothing-evaluated']
    },
    {
      name: 'passes with fail-on never whatever failed',
      failOn: 'never',
      rules: [rule('a', 'fail', 'high'), rule('f', 'error', 'high')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'passes with fail-on never when nothing was evaluated',
      failOn: 'never',
      rules: [rule('h', 'notapplicable', 'high')],
      status: 'pass',
      kinds: []
    },
    {
      name: 'reports failures and unverified rules together',
      failOn: 'low',
      rules: [rule('a', 'fail', 'low'), rule('f', 'error', 'low')],
      status: 'fail',
      kinds: ['failed-rules', 'unverified-rules']
    },
    {
      name: 'passes on notapplicable rules next to a pass',
      failOn: 'low',
      rules: [rule('a', 'pass', 'low'), rule('h', 'notapplicable', 'high')],
      status: 'pass',
      kinds: []
    }
  ]

  for (const c of cases) {
    it(`${c.name}`, () => {
      const verdict = evaluateGate(sampleResults(c.rules), {failOn: c.failOn})
      expect(verdict.status).toBe(c.status)
      expect(verdict.reasons.map(r => r.kind)).toEqual(c.kinds)
      expect(verdict.failOn).toBe(c.failOn)
    })
  }

  it('lists the gating rule ids once each, sorted, even for multi-check duplicates', () => {
    const rules = [
      rule('z', 'fail', 'high'),
      {...rule('a', 'fail', 'high'), index: 0},
      {...rule('a', 'fail', 'high'), index: 1}
    ]
    const verdict = evaluateGate(sampleResults(rules), {failOn: 'high'})
    expect(verdict.reasons).toEqual([
      {
        kind: 'failed-rules',
        message: '2 rules failed at severity high or higher.',
        ruleIds: [id('a'), id('z')],
        threshold: 'high'
      }
    ])
  })

  it('counts selected, evaluated, failing, unverified and below-threshold rules', () => {
    const rules = [
      rule('a', 'fail', 'high'),
      rule('b', 'fail', 'low'),
      rule('c', 'unknown', 'high'),
      rule('d', 'pass', 'medium'),
      rule('e', 'notapplicable', 'medium'),
      rule('f', 'notselected', 'medium')
    ]
    const verdict = evaluateGate(sampleResults(rules), {failOn: 'medium'})
    expect(verdict.counts).toMatchObject({
      selected: 5,
      evaluated: 4,
      failing: 1,
      unverified: 1,
      belowThreshold: 1
    })
    expect(verdict.summary).toBe(
      'Compliance gate failed: 1 failing rule, 1 unverified rule at or above the threshold, 4 of 5 selected rules evaluated; fail-on medium.'
    )
  })

  it('explains a platform mismatch in the reason and the summary', () => {
    const verdict = evaluateGate(
      sampleResults([rule('h', 'notapplicable', 'high'), rule('k', 'notapplicable', 'low')]),
      {failOn: 'high'}
    )
    expect(verdict.reasons[0]?.message).toBe(
      "None of the 2 selected rules could be evaluated (all notapplicable or notchecked): the content probably does not match the image's OS."
    )
    expect(verdict.summary).toBe(
      'Compliance gate failed: no rule was evaluated (2 selected); fail-on high.'
    )
  })
})
