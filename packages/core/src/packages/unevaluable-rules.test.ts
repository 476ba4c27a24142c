import {describe, expect, it} from 'vitest'
import type {OvalDefinitionResult, ParsedArf} from '../arf/types.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {dpkginfoTestIds, markRulesUsingTests} from './unevaluable-rules.js'

const definition = (id: string, testIds: string[]): [string, OvalDefinitionResult] => [
  id,
  {id, result: 'true', testIds, items: []}
]

describe('dpkginfoTestIds', () => {
  it('finds dpkginfo_test ids under any prefix, in either quote style, and nothing else', () => {
    const xml = `<linux:dpkginfo_test id="oval:a:tst:1" check="all"><linux:object object_ref="x"/></linux:dpkginfo_test>
<dpkginfo_test check='all' id='oval:b:tst:2'/>
<ind:textfilecontent54_test id="oval:c:tst:3"/><linux:dpkginfo_object id="oval:d:obj:1"/>`
    expect([...dpkginfoTestIds(xml)].sort()).toEqual(['oval:a:tst:1', 'oval:b:tst:2'])
  })
})

describe('markRulesUsingTests', () => {
  it('turns evaluated rules reaching a listed test into error with the reason, and recounts', () => {
    const check = (name: string) => [
      {system: 'http://oval.mitre.org/XMLSchema/oval-definitions-5', name}
    ]
    const results = sampleResults([
      sampleRule({shortId: 'package_telnetd_removed', result: 'pass', checks: check('def:pkg')}),
      sampleRule({shortId: 'package_audit_installed', result: 'fail', checks: check('def:pkg2')}),
      sampleRule({
        shortId: 'service_x_disabled',
        result: 'notapplicable',
        checks: check('def:pkg')
      }),
      sampleRule({
        shortId: 'file_permissions_etc_shadow',
        result: 'fail',
        checks: check('def:file')
      })
    ])
    const parsed = {
      oval: new Map([
        [
          'oval0',
          {
            definitions: new Map([
              definition('def:pkg', ['tst:pkg']),
              definition('def:pkg2', ['tst:file', 'tst:pkg']),
              definition('def:file', ['tst:file'])
            ]),
            tests: new Map()
          }
        ]
      ])
    } as unknown as ParsedArf
    const changed = markRulesUsingTests(results, parsed, new Set(['tst:pkg']), 'why')
    expect(changed.map(id => id.replace(/^.*_rule_/, ''))).toEqual([
      'package_telnetd_removed',
      'package_audit_installed'
    ])
    expect(results.rules.map(r => [r.shortId, r.result, r.reason])).toEqual([
      ['package_telnetd_removed', 'error', 'why'],
      ['package_audit_installed', 'error', 'why'],
      ['service_x_disabled', 'notapplicable', undefined],
      ['file_permissions_etc_shadow', 'fail', undefined]
    ])
    expect(results.counts).toMatchObject({error: 2, fail: 1, notapplicable: 1, pass: 0})
  })
})
