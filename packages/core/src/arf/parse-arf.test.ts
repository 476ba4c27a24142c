import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {beforeAll, describe, expect, it} from 'vitest'
import {InvalidArfError} from '../errors.js'
import {parseArf, parseArfText} from './parse-arf.js'
import type {ParsedArf} from './types.js'

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/arf/', import.meta.url))
const containerArf = `${fixtures}debian11-standard-container.arf.xml.gz`
const notApplicableArf = `${fixtures}debian12-root-debian11-content-notapplicable.arf.xml.gz`

/** Independent count straight from the text: `<result>` of each `<rule-result>` in the TestResult. */
function countByRegex(xml: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const match of xml.matchAll(/<rule-result [^>]*>\s*<result>([a-z]+)<\/result>/g)) {
    const value = match[1] as string
    counts[value] = (counts[value] ?? 0) + 1
  }
  return counts
}

describe('parseArf on a real oscap 1.3.7 ARF (debian11 standard, container mode)', () => {
  let xml: string
  let arf: ParsedArf
  beforeAll(async () => {
    xml = gunzipSync(readFileSync(containerArf)).toString('utf8')
    arf = await parseArf(containerArf)
  })

  it('returns as many rule-results per result value as the raw XML holds', () => {
    const parsed: Record<string, number> = {}
    for (const rr of arf.testResult.ruleResults) parsed[rr.result] = (parsed[rr.result] ?? 0) + 1
    expect(parsed).toEqual(countByRegex(xml))
    expect(arf.testResult.ruleResults).toHaveLength((xml.match(/<rule-result /g) ?? []).length)
  })

  it('reads the TestResult header, profile, facts and score', () => {
    const tr = arf.testResult
    expect(tr.id).toBe(
      'xccdf_org.open-scap_testresult_xccdf_org.ssgproject.content_profile_standard'
    )
    expect(tr.benchmarkId).toBe('xccdf_org.ssgproject.content_benchmark_DEBIAN-11')
    expect(tr.profileId).toBe('xccdf_org.ssgproject.content_profile_standard')
    expect(tr.testSystem).toBe('cpe:/a:redhat:openscap:1.3.7')
    expect(tr.startTime).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(tr.facts).toContainEqual({
      name: 'urn:xccdf:fact:identifier',
      type: 'string',
      value: 'docker-archive:fixture'
    })
    const scoreText =
      /<score system="urn:xccdf:scoring:default" maximum="([\d.]+)">([\d.]+)<\/score>/.exec(xml)
    expect(tr.scores).toEqual([
      {
        system: 'urn:xccdf:scoring:default',
        value: Number(scoreText?.[2]),
        maximum: Number(scoreText?.[1])
      }
    ])
    expect(tr.setValues.size).toBe((xml.match(/<set-value /g) ?? []).length)
    expect(tr.setValues.get('xccdf_org.ssgproject.content_value_var_sudo_umask')).toBe('0022')
  })

  it('finds the failing rules the synthetic root was built to trigger', () => {
    const failing = arf.testResult.ruleResults.filter(r => r.result === 'fail').map(r => r.idref)
    expect(failing).toContain('xccdf_org.ssgproject.content_rule_file_permissions_etc_shadow')
    expect(failing).toContain('xccdf_org.ssgproject.content_rule_package_telnetd_removed')
  })

  it('reads every Rule of the benchmark, nested in Groups, with plain-text description', () => {
    expect(arf.benchmark.rules.size).toBe((xml.match(/<xccdf-1\.2:Rule /g) ?? []).length)
    const rule = arf.benchmark.rules.get(
      'xccdf_org.ssgproject.content_rule_file_permissions_etc_shadow'
    )
    expect(rule?.title).toBe('Verify Permissions on shadow File')
    expect(rule?.severity).toBe('medium')
    expect(rule?.description).toBe(
      'To properly set the permissions of /etc/shadow, run the command:\n$ sudo chmod 0640 /etc/shadow'
    )
    expect(rule?.references).toContainEqual({
      href: 'https://www.cisecurity.org/controls/',
      text: '12',
      framework: 'CIS-Controls'
    })
    expect(rule?.checks[0]?.name).toBe('oval:ssg-file_permissions_etc_shadow:def:1')
    expect(arf.benchmark.profiles.get('xccdf_org.ssgproject.content_profile_standard')).toMatch(
      /Standard/
    )
  })

  it('resolves xccdf:sub placeholders from the profile values', () => {
    const withSub = [...arf.benchmark.rules.values()].find(r =>
      r.description.includes('PASS_MAX_DAYS')
    )
    expect(withSub?.description).toMatch(/PASS_MAX_DAYS \d+/)
    expect(withSub?.description).not.toContain('xccdf_org')
  })

  it('collects the OVAL items behind a failed rule for blame', () => {
    const oval = arf.oval.get('oval0')
    const shadow = oval?.definitions.get('oval:ssg-file_permissions_etc_shadow:def:1')
    expect(shadow?.result).toBe('false')
    expect(shadow?.items.map(i => i.filepath)).toContain('/etc/shadow')
    const telnetd = oval?.definitions.get('oval:ssg-package_telnetd_removed:def:1')
    expect(telnetd?.items).toContainEqual(
      expect.objectContaining({itemType: 'dpkginfo_item', name: 'telnetd'})
    )
  })

  it('parses the 8 MB document in under 5 seconds', async () => {
    const started = performance.now()
    await parseArf(containerArf)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('parseArf on the platform-mismatch ARF', () => {
  it('reports every selected rule as notapplicable, as oscap wrote it', async () => {
    const arf = await parseArf(notApplicableArf)
    const selected = arf.testResult.ruleResults.filter(r => r.result !== 'notselected')
    expect(selected.length).toBeGreaterThan(0)
    expect(selected.every(r => r.result === 'notapplicable')).toBe(true)
  })
})

const minimal = (body: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<arf:asset-report-collection xmlns:arf="http://scap.nist.gov/schema/asset-reporting-format/1.1" ${extra}>
  <arf:report-requests><arf:report-request id="collection1"><arf:content><ds:data-stream-collection xmlns:ds="http://scap.nist.gov/schema/scap/source/1.2"><ds:component id="c">
    <b:Benchmark xmlns:b="http://checklists.nist.gov/xccdf/1.2" id="bench"><b:version>1.10</b:version>
      <b:Group id="g"><b:platform idref="#machine"/><b:Group id="g2"><b:Rule id="rule_a" severity="high"><b:title>A &amp; B &#x3C;</b:title></b:Rule></b:Group></b:Group>
    </b:Benchmark></ds:component></ds:data-stream-collection></arf:content></arf:report-request></arf:report-requests>
  <arf:reports><arf:report id="xccdf1"><arf:content>${body}</arf:content></arf:report></arf:reports>
</arf:asset-report-collection>`

const testResult = (ruleResults: string): string =>
  `<TestResult xmlns="http://checklists.nist.gov/xccdf/1.2" id="tr" end-time="2024-01-01T00:00:00"><benchmark id="bench"/>${ruleResults}<score system="urn:xccdf:scoring:default" maximum="100.000000">50.000000</score></TestResult>`

describe('parseArfText on hand-made ARFs', () => {
  it('keys duplicate rule-results of a multi-check rule by index', () => {
    const rr = '<rule-result idref="rule_a" severity="high"><result>pass</result></rule-result>'
    const arf = parseArfText(minimal(testResult(rr + rr.replace('pass', 'fail'))), 'multi.xml')
    expect(arf.testResult.ruleResults.map(r => [r.idref, r.index, r.result])).toEqual([
      ['rule_a', 0, 'pass'],
      ['rule_a', 1, 'fail']
    ])
  })

  it('keeps strings exactly and inherits Group platforms', () => {
    const arf = parseArfText(minimal(testResult('')), 'strings.xml')
    expect(arf.benchmark.version).toBe('1.10')
    expect(arf.benchmark.rules.get('rule_a')?.title).toBe('A & B <')
    expect(arf.benchmark.rules.get('rule_a')?.platforms).toEqual(['#machine'])
  })

  it('rejects an ARF without a TestResult, naming the file', () => {
    expect(() => parseArfText(minimal(''), 'empty.xml')).toThrow(
      new InvalidArfError(
        'Expected exactly one XCCDF 1.2 TestResult report, found 0 in empty.xml',
        'empty.xml'
      )
    )
  })

  it('rejects a TestResult in the wrong namespace', () => {
    const wrong = testResult('').replace(
      'http://checklists.nist.gov/xccdf/1.2',
      'http://checklists.nist.gov/xccdf/1.1'
    )
    expect(() => parseArfText(minimal(wrong), 'ns.xml')).toThrow(/found 0 in ns\.xml/)
  })

  it('rejects a root element that is not an ARF collection', () => {
    expect(() => parseArfText('<asset-report-collection/>', 'root.xml')).toThrow(
      /Expected an ARF 1.1 <asset-report-collection> .* found <asset-report-collection> in root\.xml/
    )
  })

  it('rejects a rule-result without a result value', () => {
    const rr = '<rule-result idref="rule_a"><result>passed</result></rule-result>'
    expect(() => parseArfText(minimal(testResult(rr)), 'bad.xml')).toThrow(
      'Expected rule-result rule_a to have a <result> of pass|fail|error|unknown|notapplicable|notchecked|notselected|informational|fixed, got `passed` in bad.xml'
    )
  })

  it('rejects a rule-result with an unknown severity', () => {
    const rr = '<rule-result idref="rule_a" severity="critical"><result>fail</result></rule-result>'
    expect(() => parseArfText(minimal(testResult(rr)), 'sev.xml')).toThrow(
      /@severity unknown\|info\|low\|medium\|high, got `critical`/
    )
  })

  it('rejects a TestResult whose Benchmark is not in the data stream', () => {
    const other = testResult('').replace('id="bench"', 'id="other"')
    expect(() => parseArfText(minimal(other), 'bench.xml')).toThrow(
      /Benchmark other, found none in bench\.xml/
    )
  })

  it('rejects a rule-result without an idref', () => {
    const rr = '<rule-result><result>fail</result></rule-result>'
    expect(() => parseArfText(minimal(testResult(rr)), 'id.xml')).toThrow(
      'Expected <rule-result> to have a non-empty @idref in id.xml'
    )
  })
})

describe('parseArf on the hand-trimmed fixture files', () => {
  it('reads both rule-results of a multi-check rule from the fixture', async () => {
    const arf = await parseArf(`${fixtures}multi-check-duplicate-rule-results.arf.xml`)
    expect(arf.testResult.ruleResults.map(r => [r.index, r.result, r.checks[0]?.name])).toEqual([
      [0, 'pass', 'oval:x:def:1'],
      [1, 'fail', 'oval:x:def:2']
    ])
    expect(arf.benchmark.rules.get('xccdf_org.example_rule_no_world_writable')?.description).toBe(
      'Each file is checked separately.'
    )
  })

  it('rejects the fixture that has OVAL results but no TestResult', async () => {
    await expect(parseArf(`${fixtures}missing-test-result.arf.xml`)).rejects.toThrow(
      /Expected exactly one XCCDF 1\.2 TestResult report, found 0 in .*missing-test-result\.arf\.xml$/
    )
  })
})
