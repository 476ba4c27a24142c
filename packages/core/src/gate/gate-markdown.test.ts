import {describe, expect, it} from 'vitest'
import {liveReferences, read, squash, textOf} from '../../../../test/support/gfm-reader.js'
import {
  expectedCode,
  expectedInline,
  forbiddenInOutput,
  hostileStrings
} from '../../../../test/support/hostile-strings.js'
import {renderAggregateSummary} from './aggregate.js'
import {renderGateDetails} from './gate-details-md.js'
import type {GateVerdict, WaiverReport} from './types.js'

const pick = (i: number): string => hostileStrings[i % hostileStrings.length] ?? ''

function verdict(overrides: Partial<GateVerdict> = {}): GateVerdict {
  return {
    status: 'fail',
    failOn: 'medium',
    mode: 'ratchet',
    reasons: [],
    counts: {
      selected: 1,
      evaluated: 1,
      failing: 1,
      unverified: 0,
      belowThreshold: 0,
      waived: 0,
      results: {}
    },
    waivers: {applied: [], expired: [], stale: []},
    summary: 'gate failed',
    ...overrides
  } as GateVerdict
}

const waivers: WaiverReport[] = hostileStrings.map((s, i) => ({
  rule: s,
  reason: pick(i + 1),
  approver: pick(i + 2),
  expires: pick(i + 3),
  ruleIds: []
}))

/** Rows of the table under `heading` (a `<p><strong>` line), as cell texts. */
function rowsAfter(html: ReturnType<typeof read>, cellCount: number): string[][] {
  return html.elements
    .filter(e => e.tagName === 'tr')
    .map(tr => tr.childNodes.filter(c => c.nodeName === 'td').map(c => squash(textOf(c))))
    .filter(cells => cells.length > 0)
    .map(cells => {
      expect(cells).toHaveLength(cellCount)
      return cells
    })
}

describe('renderGateDetails with hostile policy text', () => {
  it('keeps every waiver row whole and shows its text as it is, with nothing live', () => {
    const text = renderGateDetails(
      verdict({
        waivers: {applied: waivers.slice(0, 25), expired: waivers.slice(25), stale: []},
        baseline: {
          source: pick(5),
          changes: {
            'new-failure': hostileStrings.slice(0, 10),
            regression: hostileStrings.slice(10, 20),
            'still-failing': [],
            fixed: hostileStrings.slice(20),
            'newly-not-applicable': [],
            'new-rule': []
          }
        }
      })
    ).join('\n')
    expect(text).not.toMatch(forbiddenInOutput)
    const view = read(text)
    expect(
      view.tags.filter(
        t =>
          ![
            'p',
            'strong',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'code',
            'ul',
            'li'
          ].includes(t)
      ),
      view.html
    ).toEqual([])
    expect(liveReferences(view.proseText), view.html).toBeUndefined()
    const rows = rowsAfter(view, 4)
    expect(rows).toHaveLength(waivers.length)
    for (const [i, cells] of rows.entries()) {
      const w = waivers[i]!
      // A rule with `\|` in it is shown as text, not code; either way as it is.
      expect(cells[0]).toBe(squash(expectedCode(w.rule)))
      expect(cells[1]).toBe(expectedInline(w.expires))
      expect(cells[2]).toBe(expectedInline(w.approver))
      expect(cells[3]).toBe(expectedInline(w.reason))
    }
  })
})

describe('renderAggregateSummary with hostile image names and errors', () => {
  it('keeps one row per image and shows names and errors as they are', () => {
    const images = hostileStrings.map((image, i) =>
      i % 2 === 0
        ? {image, slug: `img-${i}`, error: new Error(pick(i + 4))}
        : {
            image,
            slug: `img-${i}`,
            verdict: verdict({
              reasons: [
                {kind: 'failed-rules', message: pick(i + 6), ruleIds: [], threshold: 'medium'}
              ]
            }),
            score: 50
          }
    )
    const text = renderAggregateSummary(images)
    expect(text).not.toMatch(forbiddenInOutput)
    const view = read(text)
    expect(
      view.tags.filter(
        t =>
          ![
            'h2',
            'h3',
            'p',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'code',
            'ul',
            'li'
          ].includes(t)
      ),
      view.html
    ).toEqual([])
    expect(liveReferences(view.proseText), view.html).toBeUndefined()
    const rows = rowsAfter(view, 6)
    expect(rows.map(r => r[0])).toEqual(hostileStrings.map(s => squash(expectedCode(s))))
    for (const [i, cells] of rows.entries())
      if (i % 2 === 0) expect(cells[5]).toBe(expectedInline(pick(i + 4)))
    const headings = view.elements.filter(e => e.tagName === 'h3').map(h => squash(textOf(h)))
    expect(headings).toEqual(
      hostileStrings.filter((_, i) => i % 2 === 1).map(s => expectedInline(s))
    )
  })
})
