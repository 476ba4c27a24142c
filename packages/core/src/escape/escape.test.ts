import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {XMLParser} from 'fast-xml-parser'
import {
  attribute,
  liveReferences,
  read,
  squash,
  textOf
} from '../../../../test/support/gfm-reader.js'
import {
  expectedCode,
  expectedInline,
  forbiddenInOutput,
  hostileStrings,
  xmlInvalidStrings
} from '../../../../test/support/hostile-strings.js'
import {
  codeSpan,
  fencedBlock,
  htmlText,
  markdownDocument,
  markdownLink,
  markdownText,
  plainText,
  stripControls,
  tableCode,
  terminalText,
  xmlText
} from './escape.js'

const cases = hostileStrings.map(s => [JSON.stringify(s), s] as const)
const markupTags = ['a', 'img', 'script', 'em', 'strong', 'del', 'code', 'h1', 'h2', 'hr']

describe('markdownText', () => {
  it.each(cases)('shows %s as it is, with nothing live', (_, input) => {
    const out = markdownText(input)
    expect(out).not.toMatch(forbiddenInOutput)
    expect(out).not.toContain('\n')
    for (const [context, doc] of [
      ['paragraph', `before ${out} after`],
      ['line start', out],
      ['list item', `- ${out}`],
      ['heading', `### ${out}`]
    ] as const) {
      const view = read(doc)
      const container = {paragraph: 'p', 'line start': 'p', 'list item': 'li', heading: 'h3'}[
        context
      ]
      // Empty text makes an empty paragraph, which renders as nothing.
      const allowed = expectedInline(input) === '' && context === 'line start' ? [] : [container]
      expect(
        view.tags.filter(t => t !== 'ul'),
        `${context}: ${view.html}`
      ).toEqual(allowed)
      const shown = squash(view.text)
      expect(shown, context).toBe(
        squash(
          context === 'paragraph' ? `before ${expectedInline(input)} after` : expectedInline(input)
        )
      )
      expect(liveReferences(view.proseText), `${context}: ${view.html}`).toBeUndefined()
    }
  })

  it('escapes a $ that could open or close math, and leaves a lone shell prompt alone', () => {
    expect(markdownText('$x^2$ and $$y$$ cost $5').replace(/\u2060/g, '')).toBe(
      '\\$x^2\\$ and \\$\\$y\\$\\$ cost \\$5'
    )
    expect(markdownText('run the command: $ sudo chmod 0600 /boot')).toBe(
      'run the command: $ sudo chmod 0600 /boot'
    )
  })

  it.each(cases)('keeps a table row whole with %s in a cell', (_, input) => {
    const view = read(`| a | b |\n| --- | --- |\n| ${markdownText(input)} | z |`)
    const cells = view.elements.filter(e => e.tagName === 'td')
    expect(cells, view.html).toHaveLength(2)
    expect(squash(textOf(cells[0]!))).toBe(expectedInline(input))
    expect(textOf(cells[1]!)).toBe('z')
    expect(view.tags.filter(t => markupTags.includes(t))).toEqual([])
    expect(liveReferences(view.proseText)).toBeUndefined()
  })
})

describe('codeSpan', () => {
  it.each(cases)('shows %s verbatim in one code element', (_, input) => {
    const out = codeSpan(input)
    expect(out).not.toMatch(forbiddenInOutput)
    const view = read(`see ${out} here`)
    const code = view.elements.filter(e => e.tagName === 'code')
    if (expectedCode(input) === '') {
      expect(out).toBe('')
      return
    }
    expect(view.tags, view.html).toEqual(['p', 'code'])
    // Exactly the text: no backslash or other escaping artefact inside the span.
    expect(textOf(code[0]!)).toBe(expectedCode(input))
  })
})

describe('tableCode', () => {
  it.each(cases)('shows %s in a cell without splitting the row', (_, input) => {
    const view = read(`| a | b |\n| --- | --- |\n| ${tableCode(input)} | z |`)
    const cells = view.elements.filter(e => e.tagName === 'td')
    expect(cells, view.html).toHaveLength(2)
    expect(textOf(cells[1]!)).toBe('z')
    const code = view.elements.filter(e => e.tagName === 'code')
    if (code.length === 1) expect(textOf(code[0]!)).toBe(expectedCode(input))
    else expect(squash(textOf(cells[0]!))).toBe(expectedInline(input))
    expect(view.tags.filter(t => markupTags.includes(t) && t !== 'code')).toEqual([])
    expect(liveReferences(view.proseText)).toBeUndefined()
  })

  it('uses code for pipes, and escaped text only when a backslash precedes a pipe', () => {
    expect(tableCode('a|b')).toBe('`a\\|b`')
    expect(tableCode('a\\|b')).toBe('a\\\\\\|b')
  })
})

describe('htmlText', () => {
  it.each(cases)('shows %s as the text of a <summary>', (_, input) => {
    const doc = `<details><summary><code>${htmlText(input)}</code>: fix</summary>\n\nbody\n\n</details>`
    const view = read(doc)
    expect(view.tags, view.html).toEqual(['details', 'summary', 'code', 'p'])
    const summary = view.elements.find(e => e.tagName === 'summary')!
    expect(squash(textOf(summary))).toBe(squash(`${expectedInline(input)}: fix`))
    expect(liveReferences(view.rawText), view.html).toBeUndefined()
    expect(doc).not.toMatch(forbiddenInOutput)
  })
})

describe('markdownLink', () => {
  it('links http and https URLs, with the destination kept exactly', () => {
    for (const url of [
      'https://example.com/run/1?a=1&b=2#x',
      'http://example.com/a b(c)<d>"e`f\\g|h',
      'https://example.com/path)](javascript:alert(1))'
    ]) {
      const view = read(markdownLink('the @run', url))
      const links = view.elements.filter(e => e.tagName === 'a')
      expect(links, view.html).toHaveLength(1)
      const href = attribute(links[0]!, 'href') ?? ''
      expect(decodeURI(href)).toBe(decodeURI(new URL(url).href))
      expect(view.text).toBe('the @run')
      expect(liveReferences(view.proseText)).toBeUndefined()
    }
  })

  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', '/relative', 'not a url', ''])(
    'renders %s as text only',
    url => {
      const view = read(markdownLink('[click](javascript:alert(1))', url))
      expect(view.tags).toEqual(['p'])
      expect(view.text).toBe('[click](javascript:alert(1))')
    }
  )
})

describe('fencedBlock', () => {
  it.each(cases)('keeps %s inside the block', (_, input) => {
    const view = read(`${fencedBlock(`x\n${input}\ny`, 'sh')}\n\nafter`)
    expect(view.tags, view.html).toEqual(['pre', 'code', 'p'])
    const code = view.elements.find(e => e.tagName === 'code')!
    expect(attribute(code, 'class')).toBe('language-sh')
    expect(textOf(code)).toBe(`x\n${plainText(input)}\ny\n`)
    expect(textOf(code)).not.toMatch(forbiddenInOutput)
  })
})

describe('markdownDocument', () => {
  it('removes control and bidi characters and keeps lines and tabs', () => {
    expect(markdownDocument('a\r\nb\u001b[1m\tc\u202ed\u0007')).toBe('a\nb[1m\tcd')
  })
})

describe('stripControls and plainText', () => {
  it.each(cases)('leave no control or bidi character in %s', (_, input) => {
    expect(stripControls(input)).not.toMatch(forbiddenInOutput)
    expect(stripControls(input)).not.toContain('\n')
    expect(plainText(input)).not.toMatch(forbiddenInOutput)
  })
})

describe('terminalText', () => {
  it.each(cases)('shows the controls of %s escaped', (_, input) => {
    const out = terminalText(input)
    expect(out).not.toMatch(forbiddenInOutput)
  })

  it('makes ESC, BEL, CR, C1 and bidi controls visible', () => {
    expect(terminalText('a\u001b[31mb\u0007c\rd\u009be\u202ef\ng\th')).toBe(
      'a\\x1b[31mb\\x07c\\x0dd\\x9be\\u202ef\ng\th'
    )
  })
})

describe('xmlText', () => {
  const strings = [...hostileStrings, ...xmlInvalidStrings]

  it('makes every string well-formed XML 1.0 text and attributes, as libxml2 reads it', () => {
    const doc = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<r>',
      ...strings.map(s => `  <s v="${xmlText(s)}">${xmlText(s)}</s>`),
      '</r>',
      ''
    ].join('\n')
    // xmllint is libxml2's checker: it rejects characters XML 1.0 forbids, even as references.
    execFileSync('xmllint', ['--noout', '-'], {input: doc})
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      trimValues: false,
      processEntities: true,
      parseTagValue: false,
      parseAttributeValue: false
    }).parse(doc) as {r: {s: {v: string; '#text'?: string}[]}}
    for (const [i, s] of strings.entries()) {
      const expected = s
        .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
        .replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      expect(parsed.r.s[i]?.v, JSON.stringify(s)).toBeDefined()
      expect(xmlText(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/)
      expect((parsed.r.s[i]?.['#text'] ?? '').replace(/\r\n?/g, '\n'), JSON.stringify(s)).toBe(
        expected.replace(/\r\n?/g, '\n')
      )
    }
  })
})
