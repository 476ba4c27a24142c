import {describe, expect, it} from 'vitest'
import {InvalidArfError} from '../errors.js'
import {parseXml, type XmlElement} from './xml-parser.js'
import {text} from './xml-tree.js'

const notWellFormed = /Expected bad\.xml to be well-formed XML, found at line \d+ column \d+: /

describe('parseXml refuses documents that are not well-formed', () => {
  it.each([
    ['a mismatched end tag', '<a><b></a></b>', /expected <\/b>, found <\/a>/],
    ['an end tag without a start tag', '<a/></b>', /without a start tag/],
    ['two root elements', '<a/><b/>', /a second root element/],
    ['text outside the root element', '<a/>x', /text outside the root element/],
    ['text before the root element', 'x<a/>', /text outside the root element/],
    ['an unquoted attribute value', '<a k=v/>', /is not quoted/],
    ['an attribute without a value', '<a k/>', /has no value/],
    ['a duplicate attribute', '<a k="1" k="2"/>', /duplicate attribute `k`/],
    [
      'a duplicate attribute once namespaces are resolved',
      '<a xmlns:p="u" xmlns:q="u" p:k="1" q:k="2"/>',
      /duplicate attribute `\{u\}k`/
    ],
    ['attributes not separated by whitespace', '<a k="1"j="2"/>', /expected whitespace/],
    ['`<` in an attribute value', '<a k="<"/>', /`<` in the value/],
    ['an unterminated attribute value', '<a k="1/>', /unterminated value/],
    ['an unterminated start tag', '<a><b k="1"', /unterminated start tag <b>/],
    ['an unterminated comment', '<a><!-- x</a>', /unterminated comment/],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>', /unterminated CDATA/],
    [
      'an unterminated processing instruction',
      '<?xml version="1.0"<a/>',
      /unterminated processing instruction/
    ],
    ['an invalid element name', '<1a/>', /expected an element name/],
    ['a name with two colons', '<a:b:c xmlns:a="u"/>', /expected whitespace/],
    ['a bare `<`', '<a>1 < 2</a>', /expected an element name/],
    ['an empty document', '', /no root element/],
    ['another declaration', '<a><!ELEMENT a ANY></a>', /unexpected declaration/]
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseXml(xml, 'bad.xml')).toThrow(notWellFormed)
    expect(() => parseXml(xml, 'bad.xml')).toThrow(message)
  })

  it('reports the line and column of the problem', () => {
    expect(() => parseXml('<a>\n  <b>\n  </c>\n</a>', 'bad.xml')).toThrow(
      'Expected bad.xml to be well-formed XML, found at line 3 column 3: expected </b>, found </c>'
    )
  })

  it('accepts a declaration, comments and processing instructions around the root', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><a k = \'v\' >x<!-- y -->z<?pi d?></a >\n',
      'ok.xml'
    )
    expect([root.name, root.attrs.get('k'), text(root)]).toEqual(['a', 'v', 'xz'])
  })

  it('refuses entities in attribute values the same way as in text', () => {
    expect(() => parseXml('<a k="&nbsp;"/>', 'e.xml')).toThrow(InvalidArfError)
    expect(parseXml('<a k="&lt;&#x41;"/>', 'e.xml').attrs.get('k')).toBe('<A')
  })
})

describe('parseXml with skip', () => {
  const xml =
    '<r xmlns="urn:r" xmlns:o="urn:o"><keep n="1"/><o:big a="1"><x>deep</x><o:big/></o:big><keep n="2"/></r>'

  it('leaves skipped elements and their children out of the tree', () => {
    const root = parseXml(xml, 's.xml', {skip: (uri, name) => uri === 'urn:o' && name === 'big'})
    expect(root.children.map(c => (c as XmlElement).attrs.get('n'))).toEqual(['1', '2'])
  })

  it('still checks skipped elements for well-formedness and entities', () => {
    const skip = (): boolean => true
    const inner = (body: string): string => `<r><s>${body}</s></r>`
    const skipInner = (uri: string, name: string): boolean => name === 's'
    expect(() => parseXml(inner('<x></y>'), 's.xml', {skip: skipInner})).toThrow(/expected <\/x>/)
    expect(() => parseXml(inner('&nbsp;'), 's.xml', {skip: skipInner})).toThrow(InvalidArfError)
    expect(() => parseXml(inner('<p:x/>'), 's.xml', {skip: skipInner})).toThrow(/`p` undeclared/)
    expect(() => parseXml('<r><s>', 's.xml', {skip: skipInner})).toThrow(/is not closed/)
    expect(() => parseXml('<r/>', 's.xml', {skip})).toThrow(/the root element is skipped/)
  })
})
