/**
 * The CLI bundle runs on every supported Node.js major version (22 and 24) with the same verdict
 * and the same rule results: a real scan of the embedded sample image under each runtime.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {supportedNodes} from '../support/node-runtimes.js'
import {runCli, repoRoot} from '../support/run-cli.js'
import {scanDirs} from '../support/scan-fixtures.js'

const sampleTar = join(repoRoot, 'test/fixtures/images/sample-app/sample-app.docker.tar')
const dirs = scanDirs('scapgate-node-runtimes')
afterAll(() => dirs.cleanup())

interface RuleOutcome {
  id: string
  result: string
}

function ruleOutcomes(out: string): {gate: unknown; rules: RuleOutcome[]} {
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    gate: {status: unknown}
    rules: RuleOutcome[]
  }
  return {gate: results.gate.status, rules: results.rules.map(({id, result}) => ({id, result}))}
}

describe('the CLI bundle on each supported Node.js', () => {
  it.each(supportedNodes)('Node $major is the runtime the test asks for', ({major, path}) => {
    const version = execFileSync(path, ['-p', 'process.versions.node'], {encoding: 'utf8'})
    expect(Number(version.split('.')[0])).toBe(major)
  })

  it('scans the sample image with the same verdict and rule results on Node 22 and 24', async () => {
    const outcomes = []
    for (const {major, path} of supportedNodes) {
      const out = dirs.out(`node${major}`)
      const run = await runCli(['scan', `docker-archive:${sampleTar}`, '--out', out], {node: path})
      expect(run.stderr, `Node ${major}`).not.toMatch(/internal error|SyntaxError|TypeError/)
      expect(run.code, `Node ${major}: ${run.stderr}`).toBe(1)
      outcomes.push(ruleOutcomes(out))
    }
    expect(outcomes[0]?.rules.length).toBeGreaterThan(0)
    expect(outcomes[1]).toEqual(outcomes[0])
  })
})
