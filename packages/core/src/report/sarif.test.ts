import {fileURLToPath} from 'node:url'
import {beforeAll, describe, expect, it} from 'vitest'
import {parseArf} from '../arf/parse-arf.js'
import {buildScanResults} from '../results/build-results.js'
import type {ScanResults} from '../results/model.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {gzipSync} from 'node:zlib'
import {ruleKey} from '../blame/attribute.js'
import {runSnippet} from './remediation.js'
import {fingerprint, imageRepository, sarifTrim, serializeSarif, toSarif} from './sarif.js'

/** Incompressible but deterministic text. */
function randomText(seed: number, length: number): string {
  let x = seed + 1
  let out = ''
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += x.toString(36)
  }
  return out.slice(0, length)
}

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/arf/', import.meta.url))
const location = {uri: 'Dockerfile', startLine: 3}

describe('toSarif on the real container-mode ARF', () => {
  let results: ScanResults
  beforeAll(async () => {
    const parsed = await parseArf(`${fixtures}debian11-standard-container.arf.xml.gz`)
    results = buildScanResults(parsed, {
      image: sampleResults([]).image,
      scanner: {content: {path: 'ssg-debian11-ds.xml', sha256: 'c'.repeat(64)}, durationSeconds: 1}
    })
  })

  it('writes one SARIF 2.1.0 run with scapgate as driver and OpenSCAP as extension', () => {
    const log = toSarif(results, {location, toolVersion: '0.1.0'})
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]
    expect(run?.tool.driver).toMatchObject({name: 'scapgate', version: '0.1.0'})
    expect(run?.tool.extensions).toEqual([
      expect.objectContaining({name: 'OpenSCAP', version: '1.3.7'})
    ])
    expect(run?.automationDetails?.id).toBe('scapgate/registry.example-team-app/standard/')
  })

  it('reports exactly the fail, error and unknown rule-results, each with a location and a known rule', () => {
    const run = toSarif(results, {location, toolVersion: '0.1.0'}).runs[0]
    const expected = results.counts.fail + results.counts.error + results.counts.unknown
    expect(expected).toBeGreaterThan(0)
    expect(run?.results).toHaveLength(expected)
    for (const result of run?.results ?? []) {
      expect(result.locations?.[0]?.physicalLocation?.region?.startLine).toBe(3)
      expect(run?.tool.driver.rules?.[result.ruleIndex as number]?.id).toBe(result.ruleId)
      expect(result.message.text).toMatch(/failed in image registry\.example\/team\/app\.$/)
    }
  })

  it('fills the rule fields GitHub requires, within its limits', () => {
    const rules =
      toSarif(results, {location, toolVersion: '0.1.0'}).runs[0]?.tool.driver.rules ?? []
    for (const rule of rules) {
      expect(rule.shortDescription?.text.length).toBeGreaterThan(0)
      expect(rule.fullDescription?.text.length).toBeLessThanOrEqual(1024)
      expect(rule.help?.text.length).toBeGreaterThan(0)
      const severity = Number(rule.properties?.['security-severity'])
      expect(severity).toBeGreaterThan(0)
      expect(severity).toBeLessThanOrEqual(10)
      expect((rule.properties?.tags as string[]).length).toBeLessThanOrEqual(20)
    }
    const telnetd = rules.find(r => r.name === 'package_telnetd_removed')
    expect(telnetd?.properties?.['security-severity']).toBe('8.0')
    expect(telnetd?.help?.markdown).toContain('**Fix available:**')
  })
})

describe('toSarif on hand-made results', () => {
  it('keeps fingerprints stable when only the tag or digest changes', () => {
    const rule = sampleRule({shortId: 'a', result: 'fail'})
    const at = (name: string) =>
      toSarif(sampleResults([rule], {image: {...sampleResults([]).image, names: [name]}}), {
        location,
        toolVersion: '0'
      }).runs[0]?.results?.[0]?.partialFingerprints
    expect(at('registry.example:5000/app:1.0')).toEqual(
      at(`registry.example:5000/app@sha256:${'f'.repeat(64)}`)
    )
    expect(at('registry.example:5000/app:1.0')).not.toEqual(at('registry.example:5000/other:1.0'))
    expect(fingerprint({id: 'x', index: 0}, 'p', 'i')).not.toBe(
      fingerprint({id: 'x', index: 1}, 'p', 'i')
    )
    expect(fingerprint({id: 'x', index: 0}, 'p', 'i')).not.toBe(
      fingerprint({id: 'x', index: 0}, 'q', 'i')
    )
  })

  it('strips tag and digest but keeps a registry port', () => {
    const names = (name: string) =>
      imageRepository(sampleResults([], {image: {...sampleResults([]).image, names: [name]}}))
    expect(names('localhost:5000/app:1.0@sha256:abc')).toBe('localhost:5000/app')
    expect(names('app')).toBe('app')
  })

  it('describes unverified rules as not checked, not as failed', () => {
    const run = toSarif(
      sampleResults([sampleRule({shortId: 'u', result: 'unknown', severity: 'high'})]),
      {location, toolVersion: '0'}
    ).runs[0]
    expect(run?.results?.[0]).toMatchObject({kind: 'review', level: 'warning'})
    expect(run?.results?.[0]?.message.text).toContain('could not be checked')
  })

  it('caps results at 25,000, keeping the most severe, and says so', () => {
    const rules = Array.from({length: 30_000}, (_, i) =>
      sampleRule({
        shortId: `r${String(i).padStart(5, '0')}`,
        result: 'fail',
        severity: i < 100 ? 'high' : 'low'
      })
    )
    const run = toSarif(sampleResults(rules), {location, toolVersion: '0'}).runs[0]
    expect(run?.results).toHaveLength(25_000)
    expect(run?.tool.driver.rules).toHaveLength(25_000)
    expect(run?.results?.slice(0, 100).every(r => r.properties?.severity === 'high')).toBe(true)
    expect(run?.properties?.truncated).toEqual({
      total: 30_000,
      kept: 25_000,
      reason: 'at most 25000 results per run (GitHub accepts 25,000)'
    })
  })

  it('drops the least important results until the gzipped log fits the budget, and says so', () => {
    const rules = Array.from({length: 400}, (_, i) =>
      sampleRule({
        shortId: `r${String(i).padStart(4, '0')}`,
        result: 'fail',
        severity: i % 2 === 0 ? 'high' : 'low',
        description: randomText(i, 400)
      })
    )
    const log = toSarif(sampleResults(rules), {location, toolVersion: '0', maxGzipBytes: 40_000})
    const trim = sarifTrim(log)
    expect(trim?.kept).toBeLessThan(400)
    expect(trim?.reason).toMatch(/under 40000 bytes gzipped/)
    expect(gzipSync(serializeSarif(log)).length).toBeLessThanOrEqual(40_000)
    const severities = log.runs[0]?.results?.map(r => r.properties?.severity) ?? []
    expect(severities.every(s => s === 'high')).toBe(true)
  })

  it('puts each result on its blamed location and says what was found and why', () => {
    const rule = sampleRule({shortId: 'package_telnetd_removed', result: 'fail', severity: 'high'})
    const blame = new Map([
      [
        ruleKey(rule),
        {
          kind: 'instruction' as const,
          evidence: 'telnetd 0.17-42 is installed',
          cause: 'added by the RUN on lines 6–8',
          location: {uri: 'Dockerfile', startLine: 6, endLine: 8},
          layerIndex: 3
        }
      ]
    ])
    const fixes = {
      bash: new Map([[rule.id, 'apt-get remove -y telnetd']]),
      run: new Map([[rule.id, runSnippet(rule.shortId, 'apt-get remove -y telnetd')]])
    }
    const run = toSarif(sampleResults([rule]), {location, toolVersion: '0', blame, fixes}).runs[0]
    const result = run?.results?.[0]
    expect(result?.message.text).toBe(
      'telnetd 0.17-42 is installed (added by the RUN on lines 6–8). Rule package_telnetd_removed (package_telnetd_removed, high) failed in image registry.example/team/app.'
    )
    expect(result?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: {uri: 'Dockerfile'},
      region: {startLine: 6, endLine: 8}
    })
    expect(result?.properties).toMatchObject({attribution: 'instruction', layer: 3})
    expect(run?.tool.driver.rules?.[0]?.help?.markdown).toContain(
      "```dockerfile\n# package_telnetd_removed (fix from the SCAP content; heredocs need BuildKit or Buildah >= 1.33)\nRUN <<'SCAPGATE_FIX'"
    )
  })

  it('keeps hostile titles as plain text and escapes them in markdown', () => {
    const title =
      'Evil [x](http://evil.example) <script>alert(1)</script>\n::error::pwned\u001b[31m'
    const run = toSarif(sampleResults([sampleRule({shortId: 'h', result: 'fail', title})]), {
      location,
      toolVersion: '0'
    }).runs[0]
    const rule = run?.tool.driver.rules?.[0]
    expect(rule?.shortDescription?.text).toBe(
      'Evil [x](http://evil.example) <script>alert(1)</script> ::error::pwned[31m'
    )
    expect(rule?.help?.markdown).not.toMatch(/<script|\]\(http|\n::error/)
    expect(run?.results?.[0]?.message.text).not.toContain('\n')
  })
})
