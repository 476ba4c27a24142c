import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseArf} from '../arf/parse-arf.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {buildScanResults, shortRuleId} from './build-results.js'
import {checkJsonSchema, type JsonSchema} from './json-schema-check.js'
import type {ScanResults} from './model.js'
import {serializeIncomplete, serializeResults} from './results-json.js'
import {sampleResults} from '../../../../test/support/sample-results.js'
import {appendTrend, trendEntry} from '../trend/history.js'

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/arf/', import.meta.url))
const schema = JSON.parse(
  readFileSync(new URL('./results-schema.json', import.meta.url), 'utf8')
) as JsonSchema
const image = sampleResults([]).image
const scanner = {
  content: {path: '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml', sha256: 'c'.repeat(64)},
  durationSeconds: 1.5
}

async function fromFixture(name: string): Promise<ScanResults> {
  return buildScanResults(await parseArf(`${fixtures}${name}`), {image, scanner})
}

describe('buildScanResults on the real container-mode ARF', () => {
  let results: ScanResults
  let xml: string
  beforeAll(async () => {
    results = await fromFixture('debian11-standard-container.arf.xml.gz')
    xml = gunzipSync(readFileSync(`${fixtures}debian11-standard-container.arf.xml.gz`)).toString(
      'utf8'
    )
  })

  it('counts every rule-result and keeps all but the notselected ones as rules', () => {
    const total = (xml.match(/<rule-result /g) ?? []).length
    const notselected = (xml.match(/<result>notselected<\/result>/g) ?? []).length
    expect(Object.values(results.counts).reduce((a, b) => a + b, 0)).toBe(total)
    expect(results.counts.notselected).toBe(notselected)
    expect(results.rules).toHaveLength(total - notselected)
    expect(results.counts.fail).toBe((xml.match(/<result>fail<\/result>/g) ?? []).length)
  })

  it('orders rules by id, then index', () => {
    const ids = results.rules.map(r => r.id)
    expect(ids).toEqual([...ids].sort())
  })

  it('fills scanner facts from the ARF and the rest from the caller', () => {
    expect(results.scanner).toMatchObject({
      name: 'OpenSCAP',
      version: '1.3.7',
      content: {
        sha256: 'c'.repeat(64),
        benchmarkId: 'xccdf_org.ssgproject.content_benchmark_DEBIAN-11',
        benchmarkVersion: '0.1.65'
      },
      profile: {id: 'xccdf_org.ssgproject.content_profile_standard'},
      durationSeconds: 1.5
    })
    expect(results.scanner.profile.title).toMatch(/^Standard System Security Profile/)
  })

  it('joins rule-results with their Rule text', () => {
    const telnetd = results.rules.find(r => r.shortId === 'package_telnetd_removed')
    expect(telnetd).toMatchObject({
      result: 'fail',
      severity: 'high',
      fixes: expect.arrayContaining(['urn:xccdf:fix:script:sh'])
    })
    expect(telnetd?.title).toMatch(/telnet/i)
    expect(telnetd?.checks).toEqual([
      {
        system: 'http://oval.mitre.org/XMLSchema/oval-definitions-5',
        name: 'oval:ssg-package_telnetd_removed:def:1',
        href: '#oval0'
      }
    ])
  })

  it('serialises to a results.json that validates against the shipped schema', () => {
    const json = serializeResults(results, evaluateGate(results, {failOn: 'medium'}))
    const document = JSON.parse(json) as Record<string, unknown>
    expect(document.schema).toBe('https://scapgate.dev/schemas/results/v1')
    expect(document.version).toBe(1)
    expect(checkJsonSchema(schema, document)).toEqual([])
    expect(json.endsWith('}\n')).toBe(true)
  })
})

describe('results.json schema check', () => {
  it('reports a document with a wrong result value and an extra field', () => {
    const results = sampleResults([])
    const document = JSON.parse(
      serializeResults(results, evaluateGate(results, {failOn: 'low'}))
    ) as Record<string, unknown>
    ;(document.counts as Record<string, unknown>).fail = -1
    document.extra = true
    expect(checkJsonSchema(schema, document)).toEqual([
      {path: '/counts/fail', message: 'expected minimum 0, got -1'},
      {path: '/', message: 'unexpected property extra'}
    ])
  })

  it('validates the score history (docs/trend.md) and refuses a bad entry', () => {
    const results = sampleResults([])
    const verdict = evaluateGate(results, {failOn: 'low'})
    const history = appendTrend(
      undefined,
      {image: 'app:1', profile: results.scanner.profile.id},
      trendEntry(results, verdict, {at: new Date('2026-12-04T00:00:00Z'), commit: 'abc1234'})
    )
    const document = JSON.parse(serializeResults(results, verdict, undefined, history)) as {
      history: {entries: Record<string, unknown>[]}
    }
    expect(checkJsonSchema(schema, document)).toEqual([])
    ;(document.history.entries[0] as Record<string, unknown>).status = 'maybe'
    expect(checkJsonSchema(schema, document).map(e => e.path)).toEqual([
      '/history/entries/0/status'
    ])
  })

  it('validates the nothing-evaluated verdict from the platform-mismatch ARF', async () => {
    const results = await fromFixture('debian12-root-debian11-content-notapplicable.arf.xml.gz')
    const verdict = evaluateGate(results, {failOn: 'high'})
    expect(verdict.reasons.map(r => r.kind)).toEqual(['nothing-evaluated'])
    expect(checkJsonSchema(schema, JSON.parse(serializeResults(results, verdict)))).toEqual([])
  })
})

describe('the incomplete results.json', () => {
  const incomplete = {
    ...(schema as object),
    $ref: '#/$defs/incomplete',
    properties: undefined,
    required: undefined,
    additionalProperties: undefined
  }
  const clean = JSON.parse(JSON.stringify(incomplete)) as JsonSchema

  it('validates against #/$defs/incomplete, never the complete schema, and never passes', () => {
    const document = JSON.parse(
      serializeIncomplete({
        image: 'docker-archive:app.tar',
        kind: 'interrupted',
        message: 'cancelled',
        evidence: ['arf.xml'],
        time: new Date('2026-12-01T00:00:00Z')
      })
    ) as {gate: {status: string}; status: string}
    expect(checkJsonSchema(clean, document)).toEqual([])
    expect(checkJsonSchema(schema, document)).not.toEqual([])
    expect(document.status).toBe('incomplete')
    expect(document.gate.status).toBe('incomplete')
  })

  it('rejects a pass in the incomplete document', () => {
    const document = JSON.parse(
      serializeIncomplete({image: 'x', kind: 'error', message: 'm', evidence: []})
    ) as {gate: {status: string}}
    document.gate.status = 'pass'
    expect(checkJsonSchema(clean, document)).toEqual([
      {path: '/gate/status', message: expect.stringMatching(/incomplete/) as unknown as string}
    ])
  })
})

describe('shortRuleId', () => {
  it('strips the XCCDF rule prefix and keeps ids it does not recognise', () => {
    expect(shortRuleId('xccdf_org.ssgproject.content_rule_package_telnetd_removed')).toBe(
      'package_telnetd_removed'
    )
    expect(shortRuleId('rule_a')).toBe('rule_a')
  })
})
