/**
 * GitHub's upload limits with thousands of failing results (synthetic: no content has this many
 * rules): at most 25,000 results per run, at most 10 MB gzipped, trimmed by priority and said so
 * in the run properties and the summary; the result still passes the Multitool and the schema.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import type {Log} from 'sarif'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {evaluateGate} from '../../packages/core/src/gate/evaluate-gate.js'
import {sarifTrim, serializeSarif, toSarif} from '../../packages/core/src/report/sarif.js'
import {renderSummary} from '../../packages/core/src/report/summary-md.js'
import {sampleResults, sampleRule} from '../support/sample-results.js'
import type {Severity} from '../../packages/core/src/results/model.js'
import {runMultitool, validateSarifSchema} from './findings-sarif-validation.js'

const tenMegabytes = 10 * 1000 * 1000
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scapgate-limits-'))
})
afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

/** Deterministic, barely compressible text, so the gzip budget and not the count binds. */
function noise(seed: number, length: number): string {
  let x = seed + 7
  let out = ''
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648
    out += `${x.toString(36)} `
  }
  return out.slice(0, length)
}

const severities: Severity[] = ['high', 'medium', 'low', 'info']

function manyFailures(count: number, descriptionLength: number) {
  return sampleResults(
    Array.from({length: count}, (_, i) =>
      sampleRule({
        shortId: `synthetic_${String(i).padStart(5, '0')}`,
        result: i % 10 === 9 ? 'unknown' : 'fail',
        severity: severities[i % severities.length] as Severity,
        description: noise(i, descriptionLength),
        rationale: noise(i + 1, 200),
        references: [
          {
            href: 'http://nvlpubs.nist.gov/nistpubs/SpecialPublications/NIST.SP.800-53r4.pdf',
            text: 'CM-6(a)',
            framework: 'NIST-800-53'
          }
        ]
      })
    )
  )
}

describe('thousands of failing results', () => {
  it('keep 3,000 findings whole: under every limit, valid for the Multitool and the schema', async () => {
    const results = manyFailures(3000, 300)
    const log = toSarif(results, {location: {uri: 'Dockerfile', startLine: 1}, toolVersion: '0'})
    expect(log.runs[0]?.results).toHaveLength(3000)
    expect(sarifTrim(log)).toBeUndefined()
    const path = join(work, 'three-thousand.sarif')
    await writeFile(path, serializeSarif(log))
    const report = await runMultitool(path)
    expect(report.errors, report.output.slice(0, 4000)).toEqual([])
    expect(validateSarifSchema(log)).toEqual([])
  })

  it('trim 30,000 large findings by priority to fit 10 MB gzipped and 25,000 results, and say so', () => {
    const results = manyFailures(30_000, 1200)
    const log = toSarif(results, {location: {uri: 'Dockerfile', startLine: 1}, toolVersion: '0'})
    const text = serializeSarif(log)
    expect(gzipSync(text).length).toBeLessThanOrEqual(tenMegabytes)
    const kept = log.runs[0]?.results ?? []
    expect(kept.length).toBeLessThanOrEqual(25_000)
    const trim = sarifTrim(log)
    expect(trim).toMatchObject({total: 30_000, kept: kept.length})
    expect(trim?.reason).toMatch(/gzipped/)
    // Priority: every high finding is kept before any lower one.
    const keptSeverities = kept.map(r => r.properties?.['severity'])
    expect(keptSeverities.filter(s => s === 'high')).toHaveLength(7500)
    expect(keptSeverities.indexOf('low')).toBe(-1)
    const summary = renderSummary(results, evaluateGate(results, {failOn: 'medium'}), {
      ...(trim === undefined ? {} : {sarifTrim: trim})
    })
    expect(summary).toContain(`SARIF holds ${kept.length} of 30000 findings`)
    expect(summary.length).toBeLessThanOrEqual(60_000)
  })
})

describe('the validators themselves', () => {
  it('the Multitool rejects a result without a location (GitHub rule)', async () => {
    const log: Log = {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {name: 'x', version: '1', rules: [{id: 'r', shortDescription: {text: 'r'}}]}
          },
          results: [{ruleId: 'r', message: {text: 'no location'}}]
        }
      ]
    }
    const path = join(work, 'no-location.sarif')
    await writeFile(path, JSON.stringify(log))
    expect((await runMultitool(path)).errors.length).toBeGreaterThan(0)
  })

  it('the schema rejects a log without runs', () => {
    expect(validateSarifSchema({version: '2.1.0'}).length).toBeGreaterThan(0)
  })
})
