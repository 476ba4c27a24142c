import {describe, expect, it} from 'vitest'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {SCRIPT_CHECK_NOT_RUN_REASON} from '../results/model.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {toSarif} from './sarif.js'
import {renderSummary} from './summary-md.js'

/** Rules whose only check was SCE (issue 11 §2): notchecked, with the reason in every output. */
describe('the reason of rules whose script check was not run', () => {
  const results = sampleResults(
    [
      sampleRule({shortId: 'passing', result: 'pass'}),
      sampleRule({
        shortId: 'set_nftables_base_chain',
        result: 'notchecked',
        reason: SCRIPT_CHECK_NOT_RUN_REASON
      }),
      sampleRule({
        shortId: 'set_ip6tables_default_rule',
        result: 'notchecked',
        reason: SCRIPT_CHECK_NOT_RUN_REASON
      }),
      sampleRule({shortId: 'manual_only', result: 'notchecked'})
    ],
    {}
  )
  results.scanner.content.sceChecksRemoved = 111

  it('names the rules and the reason in summary.md, under the counts', () => {
    const summary = renderSummary(results, evaluateGate(results, {failOn: 'medium'}))
    expect(summary).toContain(
      '> 2 notchecked: script check, not run on untrusted images (`set_nftables_base_chain`, `set_ip6tables_default_rule`)'
    )
    expect(summary).not.toContain('manual_only')
  })

  it('lists them with the reason in the SARIF run properties, and the count in the OpenSCAP extension', () => {
    const run = toSarif(results, {
      location: {uri: 'Dockerfile', startLine: 1},
      toolVersion: '0.0.0'
    }).runs[0]
    expect(run?.properties?.['notEvaluated']).toEqual([
      {
        ruleId: 'xccdf_org.ssgproject.content_rule_set_nftables_base_chain',
        result: 'notchecked',
        reason: SCRIPT_CHECK_NOT_RUN_REASON
      },
      {
        ruleId: 'xccdf_org.ssgproject.content_rule_set_ip6tables_default_rule',
        result: 'notchecked',
        reason: SCRIPT_CHECK_NOT_RUN_REASON
      }
    ])
    expect(run?.tool.extensions?.[0]?.properties?.['sceChecksRemoved']).toBe(111)
  })

  it('adds nothing when no rule has a reason', () => {
    const plain = sampleResults([sampleRule({shortId: 'manual_only', result: 'notchecked'})])
    const summary = renderSummary(plain, evaluateGate(plain, {failOn: 'medium'}))
    expect(summary).not.toContain('not run on untrusted images')
    const run = toSarif(plain, {location: {uri: 'Dockerfile', startLine: 1}, toolVersion: '0'})
      .runs[0]
    expect(run?.properties?.['notEvaluated']).toBeUndefined()
    expect(run?.tool.extensions?.[0]?.properties?.['sceChecksRemoved']).toBeUndefined()
  })
})
