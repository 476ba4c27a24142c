import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {hasCompactSelects, prettyPrintTailoring} from './tailoring.js'

describe('hasCompactSelects', () => {
  it('spots selects written back to back, which oscap 1.3.7 half ignores', () => {
    expect(
      hasCompactSelects(
        '<Profile id="p"><title>t</title><select idref="a" selected="true"/><select idref="b" selected="true"/></Profile>'
      )
    ).toBe(true)
    expect(
      hasCompactSelects(
        '<xccdf-1.2:title>t</xccdf-1.2:title><xccdf-1.2:select idref="a" selected="true"/><xccdf-1.2:select idref="b"/>'
      )
    ).toBe(true)
  })

  it('leaves pretty-printed profiles alone', () => {
    expect(
      hasCompactSelects(
        '<Profile id="p">\n  <select idref="a" selected="true"/>\n  <select idref="b" selected="true"/>\n</Profile>'
      )
    ).toBe(false)
    expect(hasCompactSelects('<selection/><selected/>')).toBe(false)
  })
})

describe('prettyPrintTailoring', () => {
  it('reports malformed XML by line only, never quoting the file (xmllint does)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scapgate-tailoring-'))
    try {
      const source = join(dir, 't.xml')
      await writeFile(
        source,
        '<Tailoring xmlns="http://checklists.nist.gov/xccdf/1.2">\n<a>TOKEN=CANARY_SECRET</b>\n</Tailoring>\n'
      )
      const error = await prettyPrintTailoring(source, join(dir, 'out.xml')).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(ConfigurationError)
      const message = (error as Error).message
      expect(message).toBe(
        `Expected the tailoring file \`${source}\` to be well-formed XML, found an XML error at line 2 (xmllint --noout shows it)`
      )
      expect(message).not.toContain('CANARY')
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
