/**
 * The GitLab component end to end: a pipeline that includes gitlab/templates/scan.yml runs under
 * gitlab-ci-local (shell executor) with this checkout's CLI on PATH, on a compliant and a
 * non-compliant fixture image. Checks the job's result and the reports the job leaves for the
 * `artifacts:reports` GitLab reads.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {stringify} from 'yaml'
import {
  nonCompliantImage,
  writeCompliantImage,
  writeScannerBin
} from '../support/adapter-fixtures.js'
import {runGitLabPipeline, type PipelineRun} from '../support/gitlab-pipeline.js'
import {readResults, scanDirs, type ScanDirs} from '../support/scan-fixtures.js'

let dirs: ScanDirs
let binDir: string
let compliantImage: string

beforeAll(() => {
  dirs = scanDirs('scapgate-gitlab')
  binDir = writeScannerBin(dirs.dir)
  compliantImage = writeCompliantImage(dirs.dir)
})
afterAll(() => dirs.cleanup())

const pipeline = (
  name: string,
  image: string,
  inputs: Record<string, unknown> = {}
): Promise<PipelineRun> =>
  runGitLabPipeline({
    dir: join(dirs.dir, name),
    binDir,
    inputs: {image: 'docker-archive:image.tar', ...inputs},
    files: {'image.tar': {copy: image}}
  })

/** The reports named in the template's `artifacts:reports`, as the job left them. */
function expectReports(dir: string): void {
  const out = join(dir, 'scapgate-out')
  for (const file of ['arf.xml', 'report.html', 'results.json', 'results.sarif', 'summary.md']) {
    expect(existsSync(join(out, file)), file).toBe(true)
  }
  const template = readFileSync(join(dir, 'templates/scan.yml'), 'utf8')
  for (const report of ['junit.xml', 'codequality.json']) {
    // Only reports the CLI writes; the template must then name them.
    if (existsSync(join(out, report))) expect(template).toContain(`scapgate-out/${report}`)
  }
  const sarif = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as {version: string}
  expect(sarif.version).toBe('2.1.0')
}

describe('the GitLab component under gitlab-ci-local', () => {
  it('passes the job and leaves the reports for a compliant image', async () => {
    const run = await pipeline('compliant', compliantImage, {
      fail_on: 'low',
      job_name: 'compliance'
    })
    expect(run.output).toMatch(/PASS\s+compliance/)
    expect(run.code, run.output.slice(-3000)).toBe(0)
    expect(readResults(join(run.dir, 'scapgate-out')).gate.status).toBe('pass')
    expectReports(run.dir)
  })

  it('fails the job and the pipeline when the gate fails, and still leaves the reports', async () => {
    const run = await pipeline('non-compliant', nonCompliantImage)
    expect(run.output).toMatch(/FAIL\s+scapgate-scan/)
    expect(run.code).not.toBe(0)
    const results = readResults(join(run.dir, 'scapgate-out'))
    expect(results.gate.status).toBe('fail')
    expect(results.rules.find(r => r.shortId === 'package_telnetd_removed')?.result).toBe('fail')
    expectReports(run.dir)
    const junit = join(run.dir, 'scapgate-out/junit.xml')
    if (existsSync(junit)) expect(readFileSync(junit, 'utf8')).toContain('package_telnetd_removed')
  })

  it('lets the pipeline pass with a warning when allow_failure is set', async () => {
    const run = await pipeline('allowed', nonCompliantImage, {allow_failure: true})
    expect(run.output).toMatch(/WARN\s+scapgate-scan/)
    expect(run.code, run.output.slice(-3000)).toBe(0)
    expect(readResults(join(run.dir, 'scapgate-out')).gate.status).toBe('fail')
  })

  it('signs the verdict with attest and a key held in a CI/CD variable ($NAME)', async () => {
    const archive = join(dirs.dir, 'compliant.oci.tar')
    execFileSync('skopeo', [
      'copy',
      '-q',
      `docker-archive:${compliantImage}`,
      `oci-archive:${archive}`
    ])
    const keyFile = join(dirs.dir, 'gitlab-key.pem')
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      keyFile
    ])
    const pem = readFileSync(keyFile, 'utf8')
    const run = await runGitLabPipeline({
      dir: join(dirs.dir, 'attest'),
      binDir,
      inputs: {
        image: 'oci-archive:image.oci.tar',
        attest: true,
        attest_key: '$SCAPGATE_SIGNING_KEY'
      },
      files: {
        'image.oci.tar': {copy: archive},
        // gitlab-ci-local's stand-in for the project's masked CI/CD variables
        '.gitlab-ci-local-variables.yml': {content: stringify({SCAPGATE_SIGNING_KEY: pem})}
      }
    })
    expect(run.code, run.output.slice(-3000)).toBe(0)
    const out = join(run.dir, 'scapgate-out')
    const bundle = JSON.parse(readFileSync(join(out, 'attestation.sigstore.json'), 'utf8')) as {
      dsseEnvelope: {payload: string}
    }
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    ) as {
      subject: {digest: {sha256: string}}[]
      predicate: {result: string}
    }
    expect(statement.predicate.result).toBe('PASSED')
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      image: {manifestDigest: string}
    }
    expect(`sha256:${statement.subject[0]?.digest.sha256}`).toBe(results.image.manifestDigest)
    // the key went to the CLI by variable name, never on a command line or into the log
    const body = pem.split('\n')[1] ?? ''
    expect(body.length).toBeGreaterThan(20)
    expect(run.output).not.toContain(body)
  })

  it("points findings at the policy's images[].dockerfile, not at the implicit ./Dockerfile", async () => {
    // Before the option resolver the implicit ./Dockerfile was taken before the policy was read.
    const run = await runGitLabPipeline({
      dir: join(dirs.dir, 'dockerfile-precedence'),
      binDir,
      inputs: {image: 'docker-archive:image.tar', policy: 'scapgate.yml'},
      files: {
        'image.tar': {copy: nonCompliantImage},
        Dockerfile: {content: 'FROM debian:12\n'},
        'app.Dockerfile': {content: '# named by the policy\n\nFROM debian:12\n'},
        'scapgate.yml': {content: "images:\n  - match: '**'\n    dockerfile: app.Dockerfile\n"}
      }
    })
    expect(run.output).toMatch(/FAIL\s+scapgate-scan/)
    const sarif = readFileSync(join(run.dir, 'scapgate-out/results.sarif'), 'utf8')
    const uris = [...sarif.matchAll(/"uri":\s*"([^"]*)"/g)].map(m => m[1])
    expect(uris).toContain('app.Dockerfile')
    expect(uris).not.toContain('Dockerfile')
  })

  it('keeps hostile input values as data through GitLab-style variables', async () => {
    const run = await pipeline('hostile', compliantImage, {
      profile: '$(touch pwned-profile)',
      dockerfile: '`touch pwned-tick`; touch pwned-semi',
      policy: 'x\ntouch pwned-newline'
    })
    expect(run.output).toMatch(/FAIL\s+scapgate-scan/)
    // the CLI got the values verbatim and refused them as configuration (exit 2)
    expect(run.output).toMatch(/scapgate-scan finished in .*FAIL 2/)
    expect(readdirSync(run.dir).filter(name => name.startsWith('pwned'))).toEqual([])
    expect(readdirSync(dirs.dir).filter(name => name.startsWith('pwned'))).toEqual([])
  })
})
