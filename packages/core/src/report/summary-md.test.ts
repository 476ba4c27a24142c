import {describe, expect, it} from 'vitest'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import {liveReferences, read, squash, textOf} from '../../../../test/support/gfm-reader.js'
import {
  expectedInline,
  forbiddenInOutput,
  hostileStrings
} from '../../../../test/support/hostile-strings.js'
import {renderSummary} from './summary-md.js'

/** The elements summary.md's own template makes; anything else came from the input. */
const summaryTags = new Set([
  'h2',
  'h3',
  'p',
  'ul',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'details',
  'summary',
  'pre',
  'blockquote',
  'em'
])

describe('renderSummary', () => {
  it('puts the verdict first, then counts, then failing rules by severity', () => {
    const results = sampleResults([
      sampleRule({shortId: 'low_one', result: 'fail', severity: 'low', title: 'Low one'}),
      sampleRule({shortId: 'high_one', result: 'fail', severity: 'high', title: 'High one'}),
      sampleRule({shortId: 'probe', result: 'unknown', severity: 'medium', title: 'Needs systemd'}),
      sampleRule({shortId: 'ok', result: 'pass'})
    ])
    expect(renderSummary(results, evaluateGate(results, {failOn: 'medium'})))
      .toMatchInlineSnapshot(`
        "## ❌ Compliance gate failed

        registry\\.example/team/app:1\\.2\\.3 · profile Standard System Security Profile for Debian 11 · fail-on medium · score 75.00/100

        - 1 rule failed at severity medium or higher\\.
        - 1 rule at severity medium or higher could not be checked \\(error or unknown\\)\\.

        | Result | Rules |
        | --- | ---: |
        | pass | 1 |
        | fail | 2 |
        | unknown | 1 |

        ### Failing and unverified rules

        | Severity | Result | Rule | Title |
        | --- | --- | --- | --- |
        | high | fail | \`high_one\` | High one |
        | medium | unknown | \`probe\` | Needs systemd |
        | low | fail | \`low_one\` | Low one |
        "
      `)
  })

  it('says the gate passed when it did', () => {
    const results = sampleResults([sampleRule({shortId: 'ok', result: 'pass'})])
    expect(renderSummary(results, evaluateGate(results, {failOn: 'low'}))).toMatch(
      /^## ✅ Compliance gate passed\n/
    )
  })

  it('shows hostile image names, titles, locations and history as text, with nothing live', () => {
    const rules = hostileStrings.map((title, i) =>
      sampleRule({shortId: `r${i}_${title.slice(0, 8)}`, result: 'fail', title})
    )
    const blame = new Map<string, Attribution>(
      rules.map((rule, i) => [
        ruleKey(rule),
        {
          kind: 'layer',
          evidence: hostileStrings[(i + 1) % hostileStrings.length] ?? '',
          cause: `added by ${hostileStrings[(i + 2) % hostileStrings.length] ?? ''}`,
          location: {uri: hostileStrings[(i + 3) % hostileStrings.length] ?? '', startLine: 1}
        }
      ])
    )
    for (const [i, name] of hostileStrings.entries()) {
      const results = sampleResults(rules, {
        image: {...sampleResults([]).image, names: [name]},
        scanner: {
          ...sampleResults([]).scanner,
          profile: {id: 'p', title: hostileStrings[(i + 5) % hostileStrings.length] ?? ''}
        }
      })
      const text = renderSummary(results, evaluateGate(results, {failOn: 'low'}), {
        blame,
        runFixes: new Map(rules.map(r => [r.id, `RUN echo ${r.title}`])),
        fullReportHint: name,
        sarifTrim: {total: 2, kept: 1, reason: name}
      })
      expect(text).not.toMatch(forbiddenInOutput)
      const view = read(text)
      expect(
        view.tags.filter(t => !summaryTags.has(t)),
        view.html
      ).toEqual([])
      expect(liveReferences(view.proseText), view.html).toBeUndefined()
      // The image line shows the image name as it is.
      const imageLine = view.elements.find(e => e.tagName === 'p')
      expect(squash(textOf(imageLine!))).toBe(
        squash(
          `${expectedInline(name)} · profile ${expectedInline(hostileStrings[(i + 5) % hostileStrings.length] ?? '')} · fail-on low · score 75.00/100`
        )
      )
      // Every failing rule has its own row of five cells, showing its title as it is.
      const rows = view.elements
        .filter(e => e.tagName === 'tr')
        .map(tr => tr.childNodes.filter(c => c.nodeName === 'td'))
        .filter(cells => cells.length > 0 && textOf(cells[0]!) === 'medium')
      expect(rows).toHaveLength(rules.length)
      for (const cells of rows) expect(cells).toHaveLength(5)
      expect(rows.map(cells => squash(textOf(cells[3]!))).sort()).toEqual(
        hostileStrings.map(t => expectedInline(t)).sort()
      )
      // One <details> per fix, each still closed by its own </details>.
      expect(view.tags.filter(t => t === 'details')).toHaveLength(rules.length)
    }
  })

  it('stays under the cap and points to the full report when rows are dropped', () => {
    const rules = Array.from({length: 500}, (_, i) =>
      sampleRule({
        shortId: `rule_${i}`,
        result: 'fail',
        severity: 'high',
        title: `A fairly long rule title number ${i}`
      })
    )
    const results = sampleResults(rules)
    const text = renderSummary(results, evaluateGate(results, {failOn: 'high'}), {
      maxChars: 4000,
      fullReportHint: 'results.json artifact'
    })
    expect(text.length).toBeLessThanOrEqual(4000)
    const shown = (text.match(/^\| high \| fail \|/gm) ?? []).length
    expect(shown).toBeGreaterThan(10)
    expect(text).toContain(
      `_${500 - shown} more rules are not shown: see the full report (results\\.json artifact)._`
    )
  })
})
