import {describe, expect, it} from 'vitest'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {sampleResults, sampleRule} from '../results/sample-results.js'
import {renderSummary} from './summary-md.js'

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

  it('escapes markdown and HTML in rule titles and image names', () => {
    const results = sampleResults(
      [
        sampleRule({
          shortId: 'x|y`z',
          result: 'fail',
          title: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) | **b**\n# h'
        })
      ],
      {image: {...sampleResults([]).image, names: ['evil<b>/app:1']}}
    )
    const text = renderSummary(results, evaluateGate(results, {failOn: 'low'}))
    expect(text).not.toMatch(/<img|<b>|\]\(javascript|\n# h/)
    expect(text).toContain(
      '&lt;img src=x onerror=alert\\(1\\)\\> \\[click\\]\\(javascript:alert\\(1\\)\\) \\| \\*\\*b\\*\\* \\# h |'
    )
    expect(text).toContain("`x\\|y'z`")
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
