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
  'em',
  'strong'
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

        \`registry.example/team/app:1.2.3\` · profile Standard System Security Profile for Debian 11 · fail-on medium

        **Score 75.00/100** · **2 failing** · no baseline to compare with · 0 waived · 0 expired

        ### 2 failing rules

        | Severity | Rule |
        | --- | --- |
        | high | High one (\`high_one\`) |
        | medium | Needs systemd (\`probe\`) |

        <details><summary>Details: why, 1 more rule, all counts</summary>

        - 1 rule failed at severity medium or higher\\.
        - 1 rule at severity medium or higher could not be checked \\(error or unknown\\)\\.

        Score 75.00/100 (default)

        | Result | Rules |
        | --- | ---: |
        | pass | 1 |
        | fail | 2 |
        | unknown | 1 |

        ### More failing and unverified rules (below the threshold, waived or not gating)

        | Severity | Result | Rule |
        | --- | --- | --- |
        | low | fail | Low one (\`low_one\`) |


        </details>
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
          `${expectedInline(name)} · profile ${expectedInline(hostileStrings[(i + 5) % hostileStrings.length] ?? '')} · fail-on low`
        )
      )
      // Every failing rule gates and has its own row of four cells above the fold, showing its
      // title as it is, then its id.
      const rows = view.elements
        .filter(e => e.tagName === 'tr')
        .map(tr => tr.childNodes.filter(c => c.nodeName === 'td'))
        .filter(cells => cells.length > 0 && textOf(cells[0]!) === 'medium')
      expect(rows).toHaveLength(rules.length)
      for (const cells of rows) expect(cells).toHaveLength(4)
      const titles = rows.map(cells => squash(textOf(cells[1]!)))
      for (const title of hostileStrings)
        expect(
          titles.some(t => t.startsWith(`${expectedInline(title)} (`)),
          title
        ).toBe(true)
      // The folded details, then one <details> per fix, each still closed by its own </details>.
      expect(view.tags.filter(t => t === 'details')).toHaveLength(rules.length + 1)
    }
  })

  it('shows the reason of a rule that could not be evaluated once, not in its row too', () => {
    const reason = 'no dpkg database in the image: package rules cannot be evaluated'
    const results = sampleResults([
      sampleRule({shortId: 'package_a_removed', result: 'error', severity: 'high', reason}),
      sampleRule({shortId: 'package_b_removed', result: 'error', severity: 'low', reason})
    ])
    const text = renderSummary(results, evaluateGate(results, {failOn: 'medium'}))
    const shown = squash(read(text).text)
    expect(shown.split('no dpkg database in the image').length - 1).toBe(1)
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
    const shown = (text.match(/^\| high \| A fairly/gm) ?? []).length
    expect(shown).toBeGreaterThan(10)
    expect(text).toContain(
      `_${500 - shown} more gating rules are not shown: see the full report (results\\.json artifact)._`
    )
  })
})
