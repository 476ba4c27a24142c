/**
 * Runs every Groovy test script in test/jenkins/ with Debian's `groovy` (the Jenkins step with
 * recording stand-ins for the pipeline steps; see scapgate-scan-step.groovy). `npm run
 * test:jenkins` runs just this file; `npm test` and `make test` include it. A missing groovy
 * fails the test.
 */
import {execFileSync, spawn} from 'node:child_process'
import {readdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  nonCompliantImage,
  writeCompliantImage,
  writeScannerBin
} from '../support/adapter-fixtures.js'
import {repoRoot} from '../support/run-cli.js'
import {scanDirs, type ScanDirs} from '../support/scan-fixtures.js'

const scripts = readdirSync(import.meta.dirname).filter(name => name.endsWith('.groovy'))
let dirs: ScanDirs
let env: NodeJS.ProcessEnv

beforeAll(() => {
  dirs = scanDirs('scapgate-jenkins')
  env = {
    PATH: process.env['PATH'],
    HOME: dirs.dir,
    JAVA_HOME: process.env['JAVA_HOME'],
    SCAPGATE_REPO: repoRoot,
    SCAPGATE_TEST_BIN: writeScannerBin(dirs.dir),
    COMPLIANT_IMAGE: writeCompliantImage(dirs.dir),
    NON_COMPLIANT_IMAGE: nonCompliantImage,
    // `attest` needs a manifest digest: the same image as an OCI archive, and an encrypted key.
    NON_COMPLIANT_OCI_IMAGE: ociArchive(nonCompliantImage),
    ...attestKey()
  }
})
afterAll(() => dirs.cleanup())

function ociArchive(dockerArchive: string): string {
  const path = join(dirs.dir, 'non-compliant.oci.tar')
  execFileSync('skopeo', ['copy', '-q', `docker-archive:${dockerArchive}`, `oci-archive:${path}`])
  return path
}

function attestKey(): {ATTEST_KEY_PEM: string; ATTEST_KEY_PASSWORD: string} {
  const password = `CANARY-JENKINS-KEYPASS-${process.pid}`
  const pem = execFileSync(
    'openssl',
    [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-aes-256-cbc',
      '-pass',
      'env:PASS'
    ],
    {encoding: 'utf8', env: {PATH: process.env['PATH'], PASS: password}, input: ''}
  )
  return {ATTEST_KEY_PEM: pem, ATTEST_KEY_PASSWORD: password}
}

function groovy(script: string): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'groovy',
      ['-cp', join(import.meta.dirname, 'support'), join(import.meta.dirname, script)],
      {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', error =>
      reject(
        new Error(
          `Cannot run groovy (apt-get install groovy default-jre-headless): ${error.message}`
        )
      )
    )
    child.on('close', code => resolve({code, output}))
  })
}

describe('the Jenkins step under groovy', () => {
  it('has Groovy test scripts to run', () => {
    expect(scripts).toContain('scapgate-scan-step.groovy')
  })

  for (const script of scripts) {
    it(`passes every test in ${script}`, async () => {
      const run = await groovy(script)
      const failed = run.output.split('\n').filter(line => line.startsWith('not ok'))
      expect(failed, run.output).toEqual([])
      expect(run.output).toMatch(/^1\.\.\d+$/m)
      expect(run.code, run.output).toBe(0)
      // Each script runs its real scans one after another (about ten in scapgate-scan-step.groovy).
    }, 900_000)
  }
})
