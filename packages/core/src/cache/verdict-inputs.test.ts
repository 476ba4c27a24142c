import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {loadVerdictInputs, storeVerdictInputs} from './verdict-inputs.js'

const manifest = `sha256:${'e'.repeat(64)}`

describe('verdict inputs', () => {
  it('are found again by config and by manifest digest, and ignored when tampered with', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-verdict-inputs-'))
    const results = sampleResults([sampleRule({shortId: 'package_telnetd_removed'})])
    results.image.manifestDigest = manifest
    const record = {
      results,
      contentRuleIds: ['xccdf_org.ssgproject.content_rule_package_telnetd_removed'],
      facts: {
        dpkgStatus: 'Package: login\nVersion: 1\n',
        releaseFiles: {'/etc/debian_version': '11.9\n'}
      },
      evidence: {arfSha256: 'f'.repeat(64)},
      recordedAt: '2026-12-01T00:00:00.000Z'
    }
    expect(await storeVerdictInputs(dir, record)).toBe(true)
    expect((await loadVerdictInputs(dir, results.image.configDigest))?.facts).toEqual(record.facts)
    expect((await loadVerdictInputs(dir, manifest))?.contentRuleIds).toEqual(record.contentRuleIds)
    expect(await loadVerdictInputs(dir, `sha256:${'1'.repeat(64)}`)).toBeUndefined()
    expect(await loadVerdictInputs(dir, '../../etc/passwd')).toBeUndefined()

    const path = join(dir, 'released', `${'e'.repeat(64)}.json`)
    const stored = JSON.parse(readFileSync(path, 'utf8')) as {results: {rules: unknown[]}}
    stored.results.rules = [{id: 42}]
    writeFileSync(path, JSON.stringify(stored))
    expect(await loadVerdictInputs(dir, manifest)).toBeUndefined()
    // a record filed under another image's digest is not that image's
    writeFileSync(path, readFileSync(join(dir, 'released', `${'a'.repeat(64)}.json`)))
    expect(await loadVerdictInputs(dir, manifest)).toBeDefined()
    writeFileSync(join(dir, 'released', `${'2'.repeat(64)}.json`), readFileSync(path))
    expect(await loadVerdictInputs(dir, `sha256:${'2'.repeat(64)}`)).toBeUndefined()
  })
})
