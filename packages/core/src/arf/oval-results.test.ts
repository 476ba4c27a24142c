import {describe, expect, it} from 'vitest'
import {InvalidArfError} from '../errors.js'
import {readOvalResults} from './oval-results.js'
import {ovalExcerpt} from '../../../../test/support/oval-fixtures.js'
import {parseXml} from './xml-parser.js'

function read(definitions: string, tests: string, files: Record<string, string>) {
  return readOvalResults(
    parseXml(ovalExcerpt(definitions, tests, files), 'excerpt.xml'),
    'excerpt.xml'
  )
}

const failingItems = (results: ReturnType<typeof read>, id = 'def:1') =>
  results.definitions
    .get(id)
    ?.items.filter(i => i.failing === true)
    .map(i => i.filepath)

describe('readOvalResults per-item results', () => {
  it('keeps each test result with the result of every item it tested', () => {
    const results = read(
      `<definition definition_id="def:1" result="false"><criteria result="false">
        <criterion test_ref="tst:1" result="false"/></criteria></definition>`,
      `<test test_id="tst:1" check_existence="all_exist" check="all" result="false">
        <tested_item item_id="1" result="true"/><tested_item item_id="2" result="false"/></test>`,
      {'1': '/etc/passwd', '2': '/etc/shadow'}
    )
    expect(results.tests.get('tst:1')).toEqual({
      id: 'tst:1',
      result: 'false',
      check: 'all',
      checkExistence: 'all_exist',
      items: [
        {itemId: '1', result: 'true'},
        {itemId: '2', result: 'false'}
      ]
    })
    expect(results.definitions.get('def:1')?.items.map(i => [i.filepath, i.failing])).toEqual([
      ['/etc/passwd', false],
      ['/etc/shadow', true]
    ])
  })

  it('marks the matching items of a negated test, and the non-matching ones of `none satisfy`', () => {
    const results = read(
      `<definition definition_id="def:1" result="false"><criteria operator="AND" result="false">
        <criterion test_ref="tst:bad" negate="true" result="false"/>
        <criterion test_ref="tst:none" result="false"/>
        <criterion test_ref="tst:fine" result="true"/></criteria></definition>`,
      `<test test_id="tst:bad" check="all" result="true">
        <tested_item item_id="1" result="true"/></test>
       <test test_id="tst:none" check="none satisfy" result="false">
        <tested_item item_id="2" result="true"/><tested_item item_id="3" result="false"/></test>
       <test test_id="tst:fine" check="all" result="true">
        <tested_item item_id="4" result="true"/></test>`,
      {'1': '/a', '2': '/b', '3': '/c', '4': '/d'}
    )
    expect(failingItems(results)).toEqual(['/a', '/b'])
  })

  it('marks every item of a test without state, and follows negated extended definitions', () => {
    const results = read(
      `<definition definition_id="def:1" result="false"><criteria result="false">
        <extend_definition definition_ref="def:2" negate="true" result="false"/></criteria></definition>
       <definition definition_id="def:2" result="true"><criteria result="true">
        <criterion test_ref="tst:exists" result="true"/></criteria></definition>`,
      `<test test_id="tst:exists" check_existence="at_least_one_exists" check="all" result="true">
        <tested_item item_id="1" result="not evaluated"/><tested_item item_id="2" result="not evaluated"/></test>`,
      {'1': '/root/.rhosts', '2': '/etc/hosts.equiv'}
    )
    expect(failingItems(results)).toEqual(['/root/.rhosts', '/etc/hosts.equiv'])
    expect(results.definitions.get('def:2')?.items.some(i => 'failing' in i)).toBe(false)
  })

  it('marks no item when no criterion decided the failure on its own result', () => {
    const results = read(
      `<definition definition_id="def:1" result="false"><criteria result="false">
        <criterion test_ref="tst:1" result="error"/></criteria></definition>`,
      `<test test_id="tst:1" check="all" result="error"><tested_item item_id="1" result="error"/></test>`,
      {'1': '/etc/passwd'}
    )
    expect(failingItems(results)).toEqual([])
  })

  it('rejects a tested_item without a result, naming the item and the test', () => {
    expect(() =>
      read(
        '',
        `<test test_id="tst:1" check="all" result="false"><tested_item item_id="7"/></test>`,
        {}
      )
    ).toThrow(InvalidArfError)
    expect(() =>
      read(
        '',
        `<test test_id="tst:1" check="all" result="false"><tested_item item_id="7"/></test>`,
        {}
      )
    ).toThrow(/tested_item 7 of OVAL test tst:1 in excerpt.xml.*got undefined/)
  })
})
