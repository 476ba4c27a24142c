import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {exciseSubtrees, type ExciseRule} from './xml-excise.js'
import {parseXml, readXmlFile} from './xml-parser.js'
import {parseArfText} from './parse-arf.js'

const DEF = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
const skip = (ns: string, name: string): boolean =>
  ns === DEF && ['tests', 'objects'].includes(name)
const rules: ExciseRule[] = [{names: ['tests', 'objects'], within: 'oval_definitions'}]

function both(xml: string): {hollowed: unknown; whole: unknown; count: number} {
  return {
    hollowed: parseXml(xml, 'doc', {skip, excise: rules}),
    whole: parseXml(xml, 'doc', {skip}),
    count: exciseSubtrees(xml, rules).count
  }
}

describe('exciseSubtrees never changes the parsed tree', () => {
  it('hollows dropped subtrees (prefixed and default namespace) and the tree is the same', () => {
    const xml = `<r xmlns:d="${DEF}"><d:oval_definitions><d:tests a="x>y"><d:t>1</d:t></d:tests><d:variables><d:v>keep</d:v></d:variables></d:oval_definitions><oval_definitions xmlns="${DEF}"><objects><o/></objects><tests/></oval_definitions></r>`
    const {hollowed, whole, count} = both(xml)
    expect(count).toBe(2)
    expect(hollowed).toEqual(whole)
    expect(JSON.stringify(hollowed)).toContain('keep')
  })

  it('falls back to the whole text when a hollowed element is not dropped (other namespace)', () => {
    const xml = `<r xmlns:d="urn:other"><d:oval_definitions><d:tests>kept text</d:tests></d:oval_definitions></r>`
    const {hollowed, whole, count} = both(xml)
    expect(count).toBe(1)
    expect(hollowed).toEqual(whole)
    expect(JSON.stringify(hollowed)).toContain('kept text')
  })

  it('never cuts through a comment, CDATA or a nested element of the same name', () => {
    const xml = `<r xmlns:d="${DEF}"><d:oval_definitions><d:tests><!-- </d:tests> --></d:tests><d:objects><d:objects/></d:objects></d:oval_definitions><x><![CDATA[<d:oval_definitions><d:tests>in cdata</d:tests></d:oval_definitions>]]></x></r>`
    const {hollowed, whole} = both(xml)
    expect(hollowed).toEqual(whole)
    expect(JSON.stringify(hollowed)).toContain('in cdata')
  })

  it('gives the same tree as a whole parse on a real oscap ARF', async () => {
    const path = fileURLToPath(
      new URL(
        '../../../../test/fixtures/arf/debian11-standard-container.arf.xml.gz',
        import.meta.url
      )
    )
    const text = await readXmlFile(path)
    let hollowed: unknown
    const parsed = parseArfText(text, path, {alsoRead: root => (hollowed = root)})
    const arfRules: ExciseRule[] = [
      {names: ['ocil', 'cpe-list']},
      {names: ['definitions', 'tests', 'objects', 'states'], within: 'oval_definitions'}
    ]
    expect(exciseSubtrees(text, arfRules).count).toBeGreaterThan(2)
    const whole = parseXml(text, path, {
      skip: (ns, name) =>
        ns === DEF
          ? ['definitions', 'tests', 'objects', 'states'].includes(name)
          : (ns === 'http://scap.nist.gov/schema/ocil/2.0' && name === 'ocil') ||
            (ns === 'http://cpe.mitre.org/dictionary/2.0' && name === 'cpe-list')
    })
    expect(hollowed).toEqual(whole)
    expect(parsed.testResult.ruleResults.length).toBeGreaterThan(0)
  })
})
