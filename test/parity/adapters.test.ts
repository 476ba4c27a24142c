/**
 * One behaviour everywhere: the same fixture image and policy through the CLI, the GitLab job
 * (gitlab-ci-local running the component) and the Jenkins step (groovy with stand-ins) give the
 * same verdict, the same results.json rules and gate, and the same SARIF results.
 */
import {spawn} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nonCompliantImage, writeScannerBin} from '../support/adapter-fixtures.js'
import {runGitLabPipeline} from '../support/gitlab-pipeline.js'
import {repoRoot, runCli} from '../support/run-cli.js'
import {scanDirs, type ScanDirs} from '../support/scan-fixtures.js'

// A waiver that applies, and a medium failure left over: the gate fails for one reason only.
const policy = `version: 1
thresholds:
  fail-on: medium
waivers:
  - rule: package_telnetd_removed
    reason: Parity fixture
    approver: parity-test
    expires: 2099-12-31
`

interface Outputs {
  gate: unknown
  rules: unknown
  sarifResults: unknown
}

function readOutputs(outDir: string): Outputs {
  const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as {
    gate: unknown
    rules: {id: string; result: string; severity: string}[]
  }
  const sarif = JSON.parse(readFileSync(join(outDir, 'results.sarif'), 'utf8')) as {
    runs: {results: unknown}[]
  }
  // The commit in `gate.provenance` is the CI's own (GitLab's CI_COMMIT_SHA, none for a bare CLI
  // run): it names where the scan ran, not what it found, so parity leaves it out.
  const gate = results.gate as {provenance?: {commit?: string}}
  if (gate.provenance !== undefined) delete gate.provenance.commit
  return {
    gate,
    rules: results.rules.map(r => ({id: r.id, result: r.result, severity: r.severity})),
    sarifResults: sarif.runs.map(run => run.results)
  }
}

let dirs: ScanDirs
let binDir: string
const workspace = (name: string): string => {
  const dir = join(dirs.dir, name)
  mkdirSync(dir, {recursive: true})
  copyFileSync(nonCompliantImage, join(dir, 'image.tar'))
  writeFileSync(join(dir, 'policy.yml'), policy)
  return dir
}

beforeAll(() => {
  dirs = scanDirs('scapgate-parity')
  binDir = writeScannerBin(dirs.dir)
})
afterAll(() => dirs.cleanup())

function runJenkins(dir: string): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'groovy',
      [
        '-cp',
        join(repoRoot, 'test/jenkins/support'),
        join(import.meta.dirname, 'jenkins-step.groovy')
      ],
      {
        cwd: repoRoot,
        env: {
          PATH: process.env['PATH'],
          HOME: dir,
          SCAPGATE_REPO: repoRoot,
          SCAPGATE_TEST_BIN: binDir,
          PARITY_WORKSPACE: dir
        },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({code, output}))
  })
}

describe('the CLI, the GitLab job and the Jenkins step', () => {
  it('give the same verdict, rules and SARIF results for the same image and policy', async () => {
    const cliDir = workspace('cli')
    const cli = await runCli(
      ['scan', 'docker-archive:image.tar', '--policy', 'policy.yml', '--out', 'scapgate-out'],
      {
        cwd: cliDir
      }
    )
    expect(cli.code, cli.stderr).toBe(1)

    const gitlab = await runGitLabPipeline({
      dir: join(dirs.dir, 'gitlab'),
      binDir,
      inputs: {image: 'docker-archive:image.tar', policy: 'policy.yml'},
      files: {'image.tar': {copy: nonCompliantImage}, 'policy.yml': {content: policy}}
    })
    expect(gitlab.output).toMatch(/FAIL\s+scapgate-scan/)

    const jenkinsDir = workspace('jenkins')
    const jenkins = await runJenkins(jenkinsDir)
    expect(jenkins.code, jenkins.output).toBe(0)
    const last = jenkins.output.trim().split('\n').at(-1) ?? ''
    const {verdict, result} = JSON.parse(last) as {
      verdict: {status: string; exitCode: number}
      result: string
    }
    expect(result).toBe('FAILURE')
    expect(verdict.exitCode).toBe(1)

    const fromCli = readOutputs(join(cliDir, 'scapgate-out'))
    const fromGitLab = readOutputs(join(gitlab.dir, 'scapgate-out'))
    const fromJenkins = readOutputs(join(jenkinsDir, 'scapgate-out'))
    expect((fromCli.gate as {status: string}).status).toBe('fail')
    expect(verdict.status).toBe('fail')
    // The waiver applied: telnetd is waived, not a reason; /etc/shadow is a reason.
    const gate = fromCli.gate as {
      reasons: {ruleIds?: string[]}[]
      waivers: {applied: {rule: string}[]}
    }
    const reasonRules = gate.reasons.flatMap(reason => reason.ruleIds ?? [])
    expect(reasonRules).toContain('xccdf_org.ssgproject.content_rule_file_permissions_etc_shadow')
    expect(reasonRules).not.toContain('xccdf_org.ssgproject.content_rule_package_telnetd_removed')
    expect(gate.waivers.applied.map(waiver => waiver.rule)).toEqual(['package_telnetd_removed'])
    expect((fromCli.sarifResults as unknown[][])[0]?.length).toBeGreaterThan(0)
    expect(fromGitLab).toEqual(fromCli)
    expect(fromJenkins).toEqual(fromCli)
  })
})
