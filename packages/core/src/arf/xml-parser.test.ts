import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import {afterAll, describe, expect, it} from 'vitest'
import {ConfigurationError, InvalidArfError, LimitExceededError} from '../errors.js'
import {parseArf} from './parse-arf.js'
import {parseXml, readXmlFile, type XmlElement} from './xml-parser.js'
import {text} from './xml-tree.js'

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/arf/', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'scapgate-xml-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))

function file(name: string, content: string | Buffer): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

describe('parseXml rejects hostile documents', () => {
  it('rejects a billion-laughs ARF at the DOCTYPE gate, quickly (XML-1)', async () => {
    const started = performance.now()
    await expect(parseArf(`${fixtures}doctype-billion-laughs.arf.xml`)).rejects.toThrow(
      /Expected .*doctype-billion-laughs\.arf\.xml to have no <!DOCTYPE> declaration \(oscap never writes one\), found one at offset 22/
    )
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('rejects external entities without reading them (XML-6)', async () => {
    await expect(parseArf(`${fixtures}external-entity.arf.xml`)).rejects.toBeInstanceOf(
      InvalidArfError
    )
  })

  it('rejects an ENTITY declaration even without a DOCTYPE (XML-5, XML-7)', () => {
    expect(() => parseXml('<a><!ENTITY l. "x"></a>', 'e.xml')).toThrow(/no <!ENTITY> declaration/)
    expect(() => parseXml('<a/><!doctype a>', 'd.xml')).toThrow(/no <!DOCTYPE>/)
  })

  it('rejects entities it does not know instead of passing them through', () => {
    expect(() => parseXml('<a>&nbsp;</a>', 'nbsp.xml')).toThrow(
      "Expected only XML's predefined entities or character references in nbsp.xml, found `&nbsp;`"
    )
  })

  it('rejects out-of-range character references without crashing (XML-4)', () => {
    expect(() => parseXml('<a>&#9999999;</a>', 'ncr.xml')).toThrow(
      /name XML characters, found `&#9999999;`/
    )
    expect(() => parseXml('<a>&#xFFFFFF;</a>', 'ncr.xml')).toThrow(InvalidArfError)
    expect(() => parseXml('<a>&#0;</a>', 'ncr.xml')).toThrow(InvalidArfError)
  })

  it('decodes a million character references in linear time (XML-3)', () => {
    // Linear, not fast: eight times the input may take about eight times as long (some more for
    // the collector), where a quadratic decoder takes sixty-four. A ratio of the two sizes, each the best of three runs, holds on a
    // loaded machine where a wall-clock limit would not (speed goals live in `npm run bench`).
    const best = (count: number): number => {
      let fastest = Infinity
      for (let run = 0; run < 3; run += 1) {
        const started = performance.now()
        const root = parseXml(`<a>${'&#65;'.repeat(count)}</a>`, 'many.xml')
        fastest = Math.min(fastest, performance.now() - started)
        expect(text(root)).toHaveLength(count)
      }
      return fastest
    }
    const eighth = best(125_000)
    const whole = best(1_000_000)
    expect(whole / eighth).toBeLessThan(24)
  })

  it('rejects prototype-polluting names and leaves Object.prototype alone (XML-8)', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString']) {
      expect(() => parseXml(`<a><${name} polluted="yes"/></a>`, 'proto.xml')).toThrow(
        InvalidArfError
      )
      expect(() => parseXml(`<a ${name}="x"/>`, 'proto.xml')).toThrow(InvalidArfError)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('rejects 10,000-deep nesting without a stack overflow (XML-9)', () => {
    const deep = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`
    expect(() => parseXml(deep, 'deep.xml')).toThrow(InvalidArfError)
  })

  it('rejects a truncated document instead of returning part of it', () => {
    expect(() => parseXml('<a><b>x</b>', 'cut.xml')).toThrow(
      /Expected cut\.xml to be well-formed XML, found at line 1/
    )
  })

  it('rejects an undeclared namespace prefix', () => {
    expect(() => parseXml('<p:a/>', 'ns.xml')).toThrow(
      'Expected every namespace prefix in ns.xml to be declared, found `p` undeclared'
    )
  })
})

describe('parseXml keeps what oscap wrote', () => {
  it('resolves namespaces by URI whatever the prefix', () => {
    const root = parseXml(
      '<x:a xmlns:x="urn:one" xmlns="urn:default"><b/><y:c xmlns:y="urn:one" y:k="v" k="w"/></x:a>',
      'ns.xml'
    )
    expect([root.ns, root.name]).toEqual(['urn:one', 'a'])
    const [b, c] = root.children as XmlElement[]
    expect([b?.ns, b?.name, c?.ns, c?.name]).toEqual(['urn:default', 'b', 'urn:one', 'c'])
    expect([...(c?.attrs ?? [])]).toEqual([
      ['{urn:one}k', 'v'],
      ['k', 'w']
    ])
  })

  it('keeps values uncoerced and whitespace untrimmed (XML-14)', () => {
    const root = parseXml(
      '<a v="1.10" m="0755"> 0755 <b>1.10</b>&lt;&amp;&#x41;<![CDATA[&lt;]]></a>',
      's.xml'
    )
    expect(root.attrs.get('v')).toBe('1.10')
    expect(root.attrs.get('m')).toBe('0755')
    expect(text(root)).toBe(' 0755 1.10<&A&lt;')
  })

  it('gives one child the same array shape as many', () => {
    expect(parseXml('<a><r/></a>', 'one.xml').children).toHaveLength(1)
    expect(parseXml('<a><r/><r/></a>', 'two.xml').children).toHaveLength(2)
  })
})

describe('readXmlFile', () => {
  it('names the file, the cap and the size when the file is too large (XML-12)', async () => {
    const path = file('big.xml', `<a>${'x'.repeat(2000)}</a>`)
    const error = await readXmlFile(path, {maxBytes: 1024}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LimitExceededError)
    expect((error as Error).message).toBe(
      `${path} is too large to parse: the cap is 1024 bytes (0 MiB), the file is 2007 bytes`
    )
  })

  it('applies the cap to the decompressed size of a gzipped file (gzip bomb)', async () => {
    const path = file('bomb.xml.gz', gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20)))
    await expect(readXmlFile(path, {maxBytes: 1024 * 1024})).rejects.toThrow(
      /more than that once decompressed/
    )
  })

  it('rejects invalid UTF-8 and UTF-16 input (XML-11)', async () => {
    await expect(
      readXmlFile(file('latin1.xml', Buffer.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e])))
    ).rejects.toThrow(/to be UTF-8 XML, found bytes that are not UTF-8/)
    await expect(
      readXmlFile(file('utf16.xml', Buffer.from('\ufeff<a/>', 'utf16le')))
    ).rejects.toThrow(InvalidArfError)
  })

  it('names a missing file', async () => {
    await expect(readXmlFile(join(work, 'absent.xml'))).rejects.toThrow(
      `Expected a readable XML file at ${join(work, 'absent.xml')}, got ENOENT`
    )
  })

  it('drops a UTF-8 byte order mark', async () => {
    expect(await readXmlFile(file('bom.xml', Buffer.from('\ufeff<a/>', 'utf8')))).toBe('<a/>')
  })

  it('refuses a cap above what a V8 string can hold', async () => {
    await expect(readXmlFile(file('cap.xml', '<a/>'), {maxBytes: 2 ** 40})).rejects.toBeInstanceOf(
      ConfigurationError
    )
  })
})
