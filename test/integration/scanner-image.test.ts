/**
 * The scanner image (scanner/Dockerfile), built with `podman build --isolation chroot` on a
 * debootstrap Debian 12 base, then used the way the GitLab job and the Jenkins step use it: the
 * CLI and the GitLab job script scan fixture images with the image's own Node, oscap and content.
 * See test/support/scanner-image.ts for how it runs without a container runtime.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nonCompliantImage, writeCompliantImage} from '../support/adapter-fixtures.js'
import {repoRoot, runCli} from '../support/run-cli.js'
import {readResults, scanDirs, type ScanDirs} from '../support/scan-fixtures.js'
import {
  buildScannerImage,
  runInScannerImage,
  scannerBaseImage,
  scannerImageTag
} from '../support/scanner-image.js'

const version = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string}
).version
let dirs: ScanDirs

beforeAll(() => {
  dirs = scanDirs('scapgate-scanner-image')
  buildScannerImage()
  copyFileSync(nonCompliantImage, join(dirs.dir, 'non-compliant.tar'))
  writeCompliantImage(dirs.dir)
})
afterAll(() => dirs?.cleanup())

describe('the scanner image', () => {
  it('records the base image given as a build argument', () => {
    const labels = JSON.parse(
      execFileSync(
        'podman',
        ['image', 'inspect', '--format', '{{json .Labels}}', scannerImageTag],
        {encoding: 'utf8'}
      )
    ) as Record<string, string>
    expect(labels['org.opencontainers.image.base.name']).toBe(scannerBaseImage)
    expect(labels['org.opencontainers.image.version']).toBe(version)
  })

  it('prints the versions of scapgate, oscap and the SCAP content', async () => {
    const run = await runInScannerImage(['scapgate', '--version'], dirs.dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^scapgate ${version.replace(/\./g, '\\.')}\noscap 1\\.3\\.\\d+\nscap-security-guide 0\\.1\\.\\d+ \\(\\d+ data streams`
      )
    )
  })

  it('runs the bundle on a Node new enough for its target', async () => {
    const run = await runInScannerImage(['node', '-p', 'process.versions.node'], dirs.dir)
    expect(Number(run.stdout.split('.')[0])).toBeGreaterThanOrEqual(20)
  })

  it('fails the gate on the non-compliant image with the same rules as the host CLI', async () => {
    const inImage = await runInScannerImage(
      ['scapgate', 'scan', 'docker-archive:non-compliant.tar', '--out', 'out-image', '--quiet'],
      dirs.dir
    )
    expect(inImage.code, inImage.stderr).toBe(1)
    const host = await runCli([
      'scan',
      `docker-archive:${nonCompliantImage}`,
      '--out',
      dirs.out('host'),
      '--quiet'
    ])
    expect(host.code).toBe(1)
    const failing = (out: string) =>
      readResults(out)
        .rules.filter(r => r.result === 'fail')
        .map(r => r.id)
        .sort()
    expect(failing(join(dirs.dir, 'out-image'))).toEqual(failing(dirs.out('host')))
    expect(failing(join(dirs.dir, 'out-image'))).toContain(
      'xccdf_org.ssgproject.content_rule_package_telnetd_removed'
    )
  })

  it('runs the GitLab job script, which passes a compliant image', async () => {
    const run = await runInScannerImage(['scapgate-gitlab-scan'], dirs.dir, {
      SCAPGATE_IMAGE: 'docker-archive:compliant-app.tar',
      SCAPGATE_FAIL_ON: 'low',
      SCAPGATE_OUT: 'out-gitlab'
    })
    expect(run.code, run.stderr).toBe(0)
    expect(readResults(join(dirs.dir, 'out-gitlab')).gate.status).toBe('pass')
  })
})
