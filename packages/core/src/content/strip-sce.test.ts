import {describe, expect, it} from 'vitest'
import {parseXml} from '../arf/xml-parser.js'
import {ConfigurationError} from '../errors.js'
import {findScriptCheckReference} from './content-safety.js'
import {SCRIPT_CHECK_REMOVED_SYSTEM, stripScriptChecks} from './strip-sce.js'

const OVAL = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
const SCE = 'http://open-scap.org/page/SCE'
const OCIL = 'http://scap.nist.gov/schema/ocil/2'
const x = 'xccdf-1.2'
const oval = (name = 'd', selector = ''): string =>
  `<${x}:check system="${OVAL}"${selector && ` selector="${selector}"`}><${x}:check-content-ref href="o.xml" name="oval:${name}:def:1"/></${x}:check>`
const sce = (script = 's.sh', selector = '', system = SCE): string =>
  `<${x}:check system="${system}"${selector && ` selector="${selector}"`}><${x}:check-import import-name="stdout"/><${x}:check-content-ref href="${script}"/></${x}:check>`
const rule = (id: string, body: string): string => `<${x}:Rule id="${id}">${body}</${x}:Rule>`

/** SSG 0.1.82's layout: catalog uris and refs in ds:checks pointing at SCE extended components. */
function dataStream(rules: string, scripts = ['s.sh']): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<ds:data-stream-collection xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2" xmlns:cat="urn:oasis:names:tc:entity:xmlns:xml:catalog" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:sce="http://open-scap.org/page/SCE_xccdf_stream" xmlns:${x}="http://checklists.nist.gov/xccdf/1.2" id="c">
  <ds:data-stream id="d">
    <ds:checklists>
      <ds:component-ref id="cref_xccdf" xlink:href="#comp_xccdf">
        <cat:catalog>
          <cat:uri name="o.xml" uri="#cref_oval"/>
${scripts.map(s => `          <cat:uri name="${s}" uri="#cref_${s}"/>`).join('\n')}
        </cat:catalog>
      </ds:component-ref>
    </ds:checklists>
    <ds:checks>
      <ds:component-ref id="cref_oval" xlink:href="#comp_oval"/>
${scripts.map(s => `      <ds:component-ref id="cref_${s}" xlink:href="#ecomp_${s}"/>`).join('\n')}
    </ds:checks>
  </ds:data-stream>
  <ds:component id="comp_xccdf"><${x}:Benchmark id="b">${rules}</${x}:Benchmark></ds:component>
  <ds:component id="comp_oval"><oval_definitions xmlns="${OVAL}"/></ds:component>
${scripts.map(s => `  <ds:extended-component id="ecomp_${s}"><sce:script>#!/bin/sh\ntouch /tmp/x &amp;&amp; exit 101</sce:script></ds:extended-component>`).join('\n')}
</ds:data-stream-collection>
`
}

const strip = (xml: string): ReturnType<typeof stripScriptChecks> =>
  stripScriptChecks(xml, 'test content')

describe('stripScriptChecks', () => {
  it('drops SCE checks that have an OVAL alternative, and the scripts with every reference to them', () => {
    const out = strip(dataStream(rule('r1', sce() + oval())))
    expect(out.removedChecks).toBe(1)
    expect(out.removedScripts).toBe(1)
    expect(out.scriptOnlyRules).toEqual([])
    expect(out.xml).not.toContain('s.sh')
    expect(out.xml).not.toContain('sce:script')
    expect(out.xml).toContain(oval())
    expect(out.xml).toContain('<cat:uri name="o.xml" uri="#cref_oval"/>')
    expect(out.xml).toContain('<ds:component-ref id="cref_oval" xlink:href="#comp_oval"/>')
    expect(findScriptCheckReference(out.xml)).toBe(-1)
    expect(() => parseXml(out.xml, 'stripped')).not.toThrow()
  })

  it('replaces an SCE-only check, or SCE next to an OCIL questionnaire, by the marker check', () => {
    const ocil = `<${x}:check system="${OCIL}"><${x}:check-content-ref href="ocil.xml" name="q"/></${x}:check>`
    const out = strip(dataStream(rule('only', sce()) + rule('ocil', sce() + ocil)))
    expect(out.removedChecks).toBe(2)
    expect(out.scriptOnlyRules).toEqual(['ocil', 'only'])
    const marker = `<${x}:check system="${SCRIPT_CHECK_REMOVED_SYSTEM}"/>`
    expect(out.xml).toContain(rule('only', marker))
    expect(out.xml).toContain(rule('ocil', marker + ocil))
  })

  it('keeps selector groups apart: an SCE-only group keeps a marker so oscap does not fall back to the default check', () => {
    const out = strip(
      dataStream(rule('r', oval() + sce('s.sh', 'strict') + sce('s.sh', 'strict') + sce()))
    )
    expect(out.removedChecks).toBe(3)
    expect(out.scriptOnlyRules).toEqual(['r'])
    expect(out.xml).toContain(
      rule('r', `${oval()}<${x}:check system="${SCRIPT_CHECK_REMOVED_SYSTEM}" selector="strict"/>`)
    )
  })

  it('replaces a complex-check with an SCE operand as a whole, however deep', () => {
    const complex = `<${x}:complex-check operator="OR">${oval('a')}<${x}:complex-check operator="AND" negate="true">${oval('b')}${sce()}</${x}:complex-check></${x}:complex-check>`
    const out = strip(
      dataStream(
        rule('c', complex) +
          rule(
            'plain',
            `<${x}:complex-check operator="AND">${oval('a')}${oval('b')}</${x}:complex-check>`
          )
      )
    )
    expect(out.removedChecks).toBe(1)
    expect(out.scriptOnlyRules).toEqual(['c'])
    expect(out.xml).toContain(rule('c', `<${x}:check system="${SCRIPT_CHECK_REMOVED_SYSTEM}"/>`))
    expect(out.xml).toContain(`${oval('a')}${oval('b')}</${x}:complex-check>`)
  })

  it.each([
    ['character references', 'http://open-scap.org/page/&#83;C&#x45;'],
    ['another case and spaces', ' HTTP://OPEN-SCAP.ORG/PAGE/sce '],
    ['an entity for a letter', 'http://open-scap.org/page/SC&#69;']
  ])('recognises an SCE system written with %s', (_, system) => {
    const out = strip(dataStream(rule('r', sce('s.sh', '', system) + oval())))
    expect(out.removedChecks).toBe(1)
    expect(findScriptCheckReference(out.xml)).toBe(-1)
  })

  it('matches elements by local name under any prefix or the default namespace', () => {
    const xml = `<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2"><Rule id="r"><check system="${SCE}"/></Rule><y:Rule xmlns:y="urn:other" id="q"><y:check system="${SCE}"/></y:Rule></Benchmark>`
    const out = strip(xml)
    expect(out.removedChecks).toBe(2)
    expect(out.xml).toBe(
      `<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2"><Rule id="r"><check system="${SCRIPT_CHECK_REMOVED_SYSTEM}"/></Rule><y:Rule xmlns:y="urn:other" id="q"><y:check system="${SCRIPT_CHECK_REMOVED_SYSTEM}"/></y:Rule></Benchmark>`
    )
  })

  it('removes SCE checks outside rules (a TestResult) without a marker', () => {
    const xml = `<x><rule-result idref="r"><check system="${SCE}"><check-content-ref href="s"/></check></rule-result></x>`
    expect(strip(xml).xml).toBe('<x><rule-result idref="r"></rule-result></x>')
  })

  it('leaves comments, CDATA and processing instructions alone, and returns content without SCE unchanged', () => {
    const xml = `<?xml version="1.0"?><x><!-- <check system="${SCE}"> --><![CDATA[<check system="${SCE}"/>]]><?pi <check?><Rule id="r">${oval()}</Rule></x>`
    const out = strip(xml)
    expect(out.xml).toBe(xml)
    expect(out.removedChecks).toBe(0)
  })

  it('keeps an SCE namespace declared on the root (the scripts are gone, the prefix is harmless)', () => {
    const out = strip(dataStream(rule('r', oval())))
    expect(out.xml).toContain('xmlns:sce="http://open-scap.org/page/SCE_xccdf_stream"')
    expect(out.removedScripts).toBe(1)
    expect(findScriptCheckReference(out.xml)).toBe(-1)
  })

  it.each([
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/shadow">]><x>&e;</x>'],
    ['an unclosed element', `<x><Rule>${sce()}`],
    ['mismatched end tags', '<x><y></x></y>'],
    ['an unterminated comment', '<x><!-- </x>'],
    ['a tag it cannot read', '<x><y a=b/></x>'],
    ['an undefined entity in an attribute', `<x><check system="&sce;"/></x>`]
  ])('refuses %s', (_, xml) => {
    expect(() => strip(xml)).toThrow(ConfigurationError)
  })
})

describe('findScriptCheckReference', () => {
  it('finds the SCE system anywhere but in the script namespace', () => {
    expect(
      findScriptCheckReference('<x xmlns:sce="http://open-scap.org/page/SCE_xccdf_stream"/>')
    ).toBe(-1)
    expect(findScriptCheckReference('<p>see http://open-scap.org/page/SCE</p>')).toBeGreaterThan(0)
    expect(
      findScriptCheckReference('<c system="http://open-scap.org/page/&#x53;CE"/>')
    ).toBeGreaterThan(0)
  })
})
