import {mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {evaluateGate} from '../gate/evaluate-gate.js'
import type {VerdictProvenance} from '../gate/types.js'
import {nullLogger} from '../logging.js'
import {resultsSchemaUri, serializeIncomplete, serializeResults} from '../results/results-json.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {judgeFleet, mergeFleet} from './merge.js'

const commit = 'c'.repeat(40)
const policy = {path: 'scapgate.yml', sha256: 'd'.repeat(64)}

/** A job's output set for `image`, as `scapgate scan` writes it. */
function writeSet(
  dir: string,
  image: string,
  result: 'pass' | 'fail',
  provenance: VerdictProvenance = {commit, policy}
): void {
  mkdirSync(dir, {recursive: true})
  const results = sampleResults([sampleRule({shortId: 'package_telnetd_removed', result})], {
    image: {...sampleResults([]).image, reference: image}
  })
  const verdict = {...evaluateGate(results, {failOn: 'medium'}), provenance}
  writeFileSync(join(dir, 'results.json'), serializeResults(results, verdict))
  writeFileSync(join(dir, 'results.sarif'), '{}')
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'scapgate-merge-'))
}

describe('judgeFleet', () => {
  it('passes only when every image passed, reading nested artifact directories', async () => {
    const ws = workspace()
    writeSet(join(ws, 'artifacts/scapgate-1'), 'docker-archive:a.tar', 'pass')
    // a multi-image job: per-image subdirectories, no results.json at its top
    writeSet(join(ws, 'artifacts/scapgate-2/b'), 'docker-archive:b.tar', 'pass')
    writeSet(join(ws, 'artifacts/scapgate-2/c'), 'docker-archive:c.tar', 'pass')
    const passed = await judgeFleet({dirs: ['artifacts'], cwd: ws, allowMixed: false})
    expect(passed.document.gate.status).toBe('pass')
    expect(passed.document.images.map(i => i.image)).toEqual([
      'docker-archive:a.tar',
      'docker-archive:b.tar',
      'docker-archive:c.tar'
    ])
    expect(passed.document.provenance).toEqual({commit, policy, mixed: false})
    expect(passed.document.images[0]?.sarif).toBe('artifacts/scapgate-1/results.sarif')

    writeSet(join(ws, 'artifacts/scapgate-3'), 'docker-archive:d.tar', 'fail')
    const failed = await judgeFleet({dirs: ['artifacts'], cwd: ws, allowMixed: false})
    expect(failed.document.gate.status).toBe('fail')
    expect(failed.document.gate.counts).toEqual({images: 4, passed: 3, failed: 1, incomplete: 0})
    expect(failed.summaryMarkdown).toContain('❌ Compliance gate failed')
    expect(failed.summaryMarkdown).toContain(`commit \`${commit}\``)
  })

  it('never passes an incomplete set, an invalid results.json or a missing expected image', async () => {
    const ws = workspace()
    writeSet(join(ws, 'a'), 'docker-archive:a.tar', 'pass')
    mkdirSync(join(ws, 'b'))
    writeFileSync(
      join(ws, 'b/results.json'),
      serializeIncomplete({
        image: 'docker-archive:b.tar',
        kind: 'error',
        message: 'oscap died',
        evidence: []
      })
    )
    const incomplete = await judgeFleet({dirs: ['a', 'b'], cwd: ws, allowMixed: false})
    expect(incomplete.document.gate.status).toBe('incomplete')
    expect(incomplete.document.images[1]).toMatchObject({
      image: 'docker-archive:b.tar',
      status: 'incomplete'
    })

    // a forged "pass" that does not validate: counted as not judged, its text never shown
    mkdirSync(join(ws, 'c'))
    writeFileSync(
      join(ws, 'c/results.json'),
      JSON.stringify({
        schema: resultsSchemaUri,
        version: 1,
        gate: {status: 'pass', summary: '@everyone <img>'}
      })
    )
    const forged = await judgeFleet({dirs: ['a', 'c'], cwd: ws, allowMixed: false})
    expect(forged.document.gate.status).toBe('incomplete')
    expect(forged.document.images[1]?.summary).toMatch(/schema violation/)
    expect(JSON.stringify(forged.document)).not.toContain('@everyone')

    // a results.json that is a link out of the workspace is refused by the safe reader
    mkdirSync(join(ws, 'd'))
    symlinkSync('/etc/passwd', join(ws, 'd/results.json'))
    const linked = await judgeFleet({dirs: ['a', 'd'], cwd: ws, allowMixed: false})
    expect(linked.document.gate.status).toBe('incomplete')
    expect(linked.document.images[1]?.summary).toMatch(/outside the workspace/)

    const missing = await judgeFleet({
      dirs: ['a'],
      cwd: ws,
      allowMixed: false,
      expect: ['docker-archive:a.tar', 'docker-archive:z.tar']
    })
    expect(missing.document.gate.status).toBe('incomplete')
    expect(missing.document.images[1]).toMatchObject({
      image: 'docker-archive:z.tar',
      status: 'incomplete'
    })
  })

  it('refuses results from different commits or policies unless allowed, and says why', async () => {
    const ws = workspace()
    writeSet(join(ws, 'a'), 'docker-archive:a.tar', 'pass')
    writeSet(join(ws, 'b'), 'docker-archive:b.tar', 'pass', {commit: 'e'.repeat(40), policy})
    await expect(judgeFleet({dirs: ['a', 'b'], cwd: ws, allowMixed: false})).rejects.toThrow(
      /one commit and one policy, found commits cccccccccccc \(1 image: docker-archive:a\.tar\), eeeeeeeeeeee .*--allow-mixed/
    )
    writeSet(join(ws, 'c'), 'docker-archive:c.tar', 'pass', {
      commit,
      policy: {...policy, sha256: 'f'.repeat(64)}
    })
    await expect(judgeFleet({dirs: ['a', 'c'], cwd: ws, allowMixed: false})).rejects.toThrow(
      /policies/
    )
    const allowed = await judgeFleet({dirs: ['a', 'b', 'c'], cwd: ws, allowMixed: true})
    expect(allowed.document.gate.status).toBe('pass')
    expect(allowed.document.provenance).toEqual({mixed: true})
    // the same image twice is refused
    writeSet(join(ws, 'a2'), 'docker-archive:a.tar', 'pass')
    await expect(judgeFleet({dirs: ['a', 'a2'], cwd: ws, allowMixed: false})).rejects.toThrow(
      /each image once/
    )
    await expect(judgeFleet({dirs: ['nothing'], cwd: ws, allowMixed: false})).rejects.toThrow(
      /found none/
    )
  })
})

describe('mergeFleet', () => {
  it('writes results.json and summary.md as one output set, never over an input', async () => {
    const ws = workspace()
    writeSet(join(ws, 'jobs/1'), 'docker-archive:a.tar', 'fail')
    const outcome = await mergeFleet({
      dirs: ['jobs'],
      cwd: ws,
      allowMixed: false,
      outDir: 'fleet',
      logger: nullLogger
    })
    const written = JSON.parse(readFileSync(join(ws, 'fleet/results.json'), 'utf8')) as unknown
    expect(written).toEqual(outcome.document)
    expect(readFileSync(join(ws, 'fleet/summary.md'), 'utf8')).toBe(outcome.summaryMarkdown)
    await expect(
      mergeFleet({dirs: ['jobs'], cwd: ws, allowMixed: false, outDir: 'jobs/1', logger: nullLogger})
    ).rejects.toThrow(/directory of its own/)
  })
})
