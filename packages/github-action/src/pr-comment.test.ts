import {describe, expect, it} from 'vitest'
import type {GateVerdict, ScanResults} from '@scapgate/core'
import {attribute, liveReferences, read, squash, textOf} from '../../../test/support/gfm-reader.js'
import {
  expectedCode,
  expectedInline,
  forbiddenInOutput,
  hostileStrings
} from '../../../test/support/hostile-strings.js'
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
  it('starts with the marker, shows the part above the fold and keeps the details folded', () => {
    const marker = commentMarker(['docker-archive:app.tar'])
    const summary = [
      '## ❌ Compliance gate failed',
      '',
      '**Score 71.00/100** · the table',
      '',
      '<details><summary>Details: why, all counts</summary>',
      '',
      'the details',
      '',
      '</details>',
      ''
    ].join('\n')
    const body = renderComment(
      marker,
      [{image: 'docker-archive:app.tar', verdict, summaryMarkdown: summary}],
      'https://github.com/o/r/actions/runs/1'
    )
    expect(body.startsWith(`${marker}\n`)).toBe(true)
    // The comment's heading replaces the summary's own.
    expect(body).not.toContain('## ❌ Compliance gate failed')
    const order = [
      '### scapgate: ❌',
      '**Score 71.00/100**',
      '<details><summary>Details',
      '</details>'
    ].map(s => body.indexOf(s))
    expect(order.every(i => i > 0)).toBe(true)
    expect([...order].sort((x, y) => x - y)).toEqual(order)
  })

  it('drops the folded details before anything else when over the limit', () => {
    const summary = (n: number): string =>
      `## ❌ Compliance gate failed\n\n**Score ${n}** table ${n}\n\n<details><summary>Details: all counts</summary>\n\n${'d'.repeat(30_000)}\n\n</details>\n`
    const items = [1, 2, 3].map(n => ({image: `img${n}`, verdict, summaryMarkdown: summary(n)}))
    const body = renderComment('<!-- m -->', items, 'https://github.com/o/r/actions/runs/1')
    expect(Array.from(body).length).toBeLessThan(65_536)
    for (const n of [1, 2, 3]) expect(body).toContain(`**Score ${n}** table ${n}`)
    expect(body).toContain('_Details are in the job summary and the artifact._')
    expect(body).not.toContain('cut: GitHub comments')
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

  it('shows hostile image names, rule titles and policy text as they are, with nothing live', () => {
    const pick = (i: number): string => hostileStrings[i % hostileStrings.length] ?? ''
    const rules = hostileStrings.map((title, i) => ({
      id: `x_rule_${i}`,
      shortId: pick(i + 1),
      title,
      severity: 'high'
    }))
    const results = {
      rules,
      score: {system: 's', value: 50, maximum: 100},
      counts: {fail: rules.length}
    } as unknown as ScanResults
    const waiver = (i: number) => ({
      rule: pick(i),
      reason: pick(i + 2),
      approver: pick(i + 3),
      expires: pick(i + 4),
      ruleIds: i % 2 === 0 ? [`x_rule_${i}`] : []
    })
    const hostile = {
      ...verdict,
      summary: pick(9),
      waivers: {
        applied: hostileStrings.map((_, i) => waiver(i)),
        expired: hostileStrings.map((_, i) => waiver(i + 1)),
        stale: []
      },
      baseline: {
        ...verdict.baseline,
        changes: {
          ...verdict.baseline?.changes,
          'new-failure': rules.map(r => r.id),
          fixed: ['x_rule_unknown']
        }
      }
    } as unknown as GateVerdict
    // Every hostile image name, half of them with an error; one image carries all the details.
    const items = hostileStrings.map((image, i) =>
      i % 2 === 0
        ? {image, error: pick(i + 5), summaryMarkdown: 'not scanned'}
        : {
            image,
            ...(i === 1 ? {results, verdict: hostile} : {verdict}),
            summaryMarkdown: 'the summary'
          }
    )
    const runUrl = 'https://github.com/o/r/actions/runs/1'
    const body = renderComment(commentMarker(['a']), items, runUrl)
    expect(body).not.toContain('cut: GitHub comments')
    expect(body).not.toMatch(forbiddenInOutput)
    const view = read(body)
    const allowed = ['h3', 'h4', 'p', 'ul', 'li', 'code', 'details', 'summary', 'a']
    expect(
      view.tags.filter(t => !allowed.includes(t)),
      view.html
    ).toEqual([])
    const links = view.elements.filter(e => e.tagName === 'a')
    expect(links.map(a => attribute(a, 'href'))).toEqual([runUrl])
    expect(liveReferences(view.proseText), view.html).toBeUndefined()
    // One line per image, naming it as it is, then a heading per image that did not pass.
    const lines = view.elements.filter(e => e.tagName === 'li').map(li => squash(textOf(li)))
    expect(
      lines.map(l =>
        squash(l.replace(/^(⚠️|❌|✅) /, '').replace(/( · score|: not scanned).*$/, ''))
      )
    ).toEqual(items.map(i => squash(expectedCode(i.image))))
    const headings = view.elements.filter(e => e.tagName === 'h4').map(h => squash(textOf(h)))
    for (const item of items.filter(i => 'error' in i))
      expect(headings).toContain(squash(`${expectedCode(item.image)}: ⚠️ not scanned`))
    // Errors of the scans that did not complete are shown as text.
    const paragraphs = view.elements.filter(e => e.tagName === 'p').map(p => squash(textOf(p)))
    for (const item of items)
      if ('error' in item) expect(paragraphs).toContain(expectedInline(item.error ?? ''))
  })
})
