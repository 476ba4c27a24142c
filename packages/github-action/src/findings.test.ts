import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {GateVerdict} from '@scapgate/core'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {readFindings} from './findings.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-findings-'))
})
afterEach(() => rm(dir, {recursive: true, force: true}))

const located = (ruleId: string, line: number, text: string) => ({
  ruleId,
  message: {text},
  locations: [
    {physicalLocation: {artifactLocation: {uri: 'Dockerfile'}, region: {startLine: line}}}
  ]
})

/** A compliance rule that fails below the threshold and two CVE results, one of them gating. */
const sarif = {
  version: '2.1.0',
  runs: [
    {
      tool: {driver: {name: 'scapgate', rules: []}},
      results: [
        {...located('xccdf_rule_a', 2, 'rule a fails'), properties: {severity: 'low'}},
        located('CVE-2020-10188', 4, 'telnetd 0.17-42 is affected by CVE-2020-10188'),
        located('CVE-2099-0001', 5, 'libc6 is affected by CVE-2099-0001')
      ]
    }
  ]
}

const verdict = {
  status: 'fail',
  reasons: [
    {
      kind: 'vulnerable-packages',
      message: '1 known vulnerability',
      cveIds: ['CVE-2020-10188'],
      threshold: 'high'
    }
  ]
} as unknown as GateVerdict

describe('readFindings', () => {
  it('ranks a CVE named by the gate as a failure, and other CVEs as reported only', async () => {
    const path = join(dir, 'results.sarif')
    await writeFile(path, JSON.stringify(sarif))
    const findings = await readFindings(path, verdict)
    expect(findings.map(f => [f.ruleId, f.rank, f.level])).toEqual([
      ['CVE-2020-10188', 1, 'failure'],
      ['CVE-2099-0001', 2, 'warning'],
      ['xccdf_rule_a', 2, 'notice']
    ])
    expect(findings[0]).toMatchObject({
      path: 'Dockerfile',
      startLine: 4,
      message: 'telnetd 0.17-42 is affected by CVE-2020-10188'
    })
  })
})
