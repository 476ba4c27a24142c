import {describe, expect, it} from 'vitest'
import type {GateVerdict} from '@scapgate/core'
import {commentMarker, renderComment} from './pr-comment.js'

const verdict = {
  status: 'fail',
  failOn: 'medium',
  mode: 'ratchet',
  reasons: [],
  counts: {
    selected: 3,
    evaluated: 3,
    failing: 1,
    unverified: 0,
    belowThreshold: 0,
    waived: 1,
    results: {}
  },
  waivers: {
    applied: [
      {
        rule: 'r_waived',
        reason: 'vendor image',
        approver: 'sec',
        expires: '2099-01-01',
        ruleIds: ['x_rule_waived']
      }
    ],
    expired: [
      {rule: 'r_old', reason: 'temporary', approver: 'sec', expires: '2020-01-01', ruleIds: []}
    ],
    stale: []
  },
  baseline: {
    source: 'b.json',
    changes: {
      'new-failure': ['x_rule_new'],
      regression: [],
      'still-failing': [],
      fixed: ['x_rule_fixed'],
      'newly-not-applicable': [],
      'new-rule': []
    }
  },
  summary: 'Compliance gate failed: 1 failing rule'
} as unknown as GateVerdict

describe('renderComment', () => {
  it('starts with the marker and lists new failures, then waived, expired and fixed rules, then the summary', () => {
    const marker = commentMarker(['docker-archive:app.tar'])
    const body = renderComment(
      marker,
      [{image: 'docker-archive:app.tar', verdict, summaryMarkdown: '## summary'}],
      'https://github.com/o/r/actions/runs/1'
    )
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    const order = [
      'New failures (1)',
      'Waived (1)',
      'Expired waivers (1)',
      'Fixed (1)',
      '## summary'
    ].map(s => body.indexOf(s))
    expect(order.every(i => i > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('keys the marker by the set of images, whatever their order', () => {
    expect(commentMarker(['a', 'b'])).toBe(commentMarker(['b', 'a']))
    expect(commentMarker(['a'])).not.toBe(commentMarker(['b']))
  })

  it('makes untrusted text inert and stays under 65,536 code points', () => {
    const hostile = {
      ...verdict,
      waivers: {
        ...verdict.waivers,
        applied: [
          {
            rule: 'r',
            reason: '<img src=x onerror=alert(1)> [link](https://evil)',
            approver: 'a',
            expires: '2099-01-01',
            ruleIds: []
          }
        ]
      }
    }
    const body = renderComment(
      '<!-- m -->',
      [{image: 'x', verdict: hostile, summaryMarkdown: 'y'.repeat(70_000)}],
      'u'
    )
    expect(body).not.toContain('<img')
    expect(body).not.toContain('](https://evil)')
    expect(Array.from(body).length).toBeLessThan(65_536)
    expect(body).toContain('cut: GitHub comments hold at most 65,536 characters')
  })
})
