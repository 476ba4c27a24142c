import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/run-cli.js'
import {sampleBase, readResults, resultOf, scanDirs, writeImage} from '../support/scan-fixtures.js'

const sampleTar = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'images',
  'sample-app',
  'sample-app.docker.tar'
)
const dirs = scanDirs('scapgate-cli')

afterAll(() => dirs.cleanup())

describe('scapgate scan on the embedded sample image', () => {
  let run: Awaited<ReturnType<typeof runCli>>
  const out = dirs.out('sample')
  beforeAll(async () => {
    run = await runCli(['scan', `docker-archive:${sampleTar}`, '--out', out])
  })

  it('fails the gate with exit 1 and says why on stdout', () => {
    expect(run.stderr).not.toMatch(/internal error/)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('gate FAILED')
    expect(run.stdout).toContain('package_telnetd_removed')
  })

  it('writes every output file', () => {
    for (const file of ['arf.xml', 'report.html', 'results.json', 'results.sarif', 'summary.md']) {
      expect(existsSync(join(out, file)), file).toBe(true)
    }
    expect(readFileSync(join(out, 'arf.xml'), 'utf8')).toContain('<arf:asset-report-collection')
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('OpenSCAP Evaluation Report')
  })

  it('finds the installed telnetd through dpkg, which oscap-podman 1.3.7 misses on this host', () => {
    expect(resultOf(readResults(out), 'package_telnetd_removed')).toBe('fail')
  })

  it('fails file_permissions_etc_shadow for the world-readable shadow file of layer 3', () => {
    expect(resultOf(readResults(out), 'file_permissions_etc_shadow')).toBe('fail')
    expect(resultOf(readResults(out), 'file_owner_etc_shadow')).toBe('pass')
  })

  it('scans as a container: machine-only rules are not applicable', () => {
    const results = readResults(out)
    expect(resultOf(results, 'partition_for_tmp')).toBe('notapplicable')
    expect(resultOf(results, 'service_auditd_enabled')).toBe('notapplicable')
  })

  it('records the image, the OS and the scanner in results.json', () => {
    const results = readResults(out)
    expect(results.image.os).toMatchObject({id: 'debian', versionId: '12'})
    // Debian 12's own SSG (0.1.65) has no Debian 12 content: the set-up's content store does.
    expect(results.scanner.content.path).toMatch(/\/entries\/[0-9a-f]{64}\/ssg-debian12-ds\.xml$/)
    expect(results.scanner.content.selection).toMatchObject({origin: 'store', candidates: 2})
    expect(results.scanner.content.selection?.ssgVersion).toBe(
      results.scanner.content.benchmarkVersion
    )
    expect(results.scanner.content.selection?.reason).toMatch(
      /^SSG 0\.1\.\d+ from the content store /
    )
    expect(results.image.configDigest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(results.scanner.version).toBe('1.3.7')
    expect(results.scanner.profile.id).toBe('xccdf_org.ssgproject.content_profile_standard')
    expect(results.gate.status).toBe('fail')
  })

  it('passes the gate with --fail-on never, and still reports the failures', async () => {
    const neverOut = dirs.out('never')
    const never = await runCli([
      'scan',
      `docker-archive:${sampleTar}`,
      '--out',
      neverOut,
      '--fail-on',
      'never'
    ])
    expect(never.code).toBe(0)
    expect(resultOf(readResults(neverOut), 'package_telnetd_removed')).toBe('fail')
  })
})

describe('scapgate scan keeps owners and modes exactly as the image has them', () => {
  it('fails file_owner_etc_passwd when a layer chowns /etc/passwd to uid 1000', async () => {
    const base = sampleBase
    const passwdEntry = base.find(entry => entry.name === 'etc/passwd')
    expect(passwdEntry).toBeDefined()
    const image = writeImage(dirs.dir, 'passwd-owner', [
      base,
      [
        {name: 'etc/', type: 'dir'},
        {...passwdEntry!, uid: 1000}
      ]
    ])
    const out = dirs.out('passwd-owner')
    const run = await runCli(['scan', `docker-archive:${image}`, '--out', out])
    expect(run.stderr).not.toMatch(/internal error/)
    const results = readResults(out)
    expect(resultOf(results, 'file_owner_etc_passwd')).toBe('fail')
    expect(resultOf(results, 'file_permissions_etc_shadow')).toBe('pass')
    expect(resultOf(results, 'package_telnetd_removed')).toBe('pass')
    expect(run.code).toBe(1)
  })

  it('passes the package and permission rules on the base layer alone', async () => {
    const image = writeImage(dirs.dir, 'base', [sampleBase])
    const out = dirs.out('base')
    const run = await runCli(['scan', `docker-archive:${image}`, '--out', out, '--fail-on', 'high'])
    const results = readResults(out)
    expect(resultOf(results, 'package_telnetd_removed')).toBe('pass')
    expect(resultOf(results, 'file_permissions_etc_shadow')).toBe('pass')
    expect(resultOf(results, 'file_owner_etc_passwd')).toBe('pass')
    // file_permissions_systemmap (severity unknown, counted as high) fails on any image without
    // /boot: the rule's OVAL wants at least one System.map. The gate reports it honestly.
    expect(run.code).toBe(resultOf(results, 'file_permissions_systemmap') === 'fail' ? 1 : 0)
  })
})

describe('scapgate scan reports usage and configuration errors with exit 2', () => {
  it('lists the profiles when the profile is unknown', async () => {
    const run = await runCli([
      'scan',
      `docker-archive:${sampleTar}`,
      '--out',
      dirs.out('bad-profile'),
      '--profile',
      'nosuch'
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('nosuch')
    expect(run.stderr).toContain('xccdf_org.ssgproject.content_profile_standard')
    expect(run.stderr).toContain('anssi_np_nt28_high')
  })

  it('names the OS and the available content when no data stream fits the image', async () => {
    const osRelease = 'ID=debian\nVERSION_ID="14"\nPRETTY_NAME="Debian GNU/Linux 14 (forky)"\n'
    const layers = [
      sampleBase.map(entry =>
        entry.name === 'usr/lib/os-release'
          ? {...entry, content: osRelease}
          : entry.name === 'etc/debian_version'
            ? {...entry, content: '14.0\n'}
            : entry
      )
    ]
    const image = writeImage(dirs.dir, 'debian14', layers)
    const run = await runCli(['scan', `docker-archive:${image}`, '--out', dirs.out('debian14')])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Debian GNU/Linux 14')
    expect(run.stderr).toContain('ssg-debian14-ds.xml')
    expect(run.stderr).toContain('ssg-debian12-ds.xml, ssg-debian13-ds.xml')
  })

  it('rejects an unknown --fail-on value naming the flag and the accepted values', async () => {
    const run = await runCli(['scan', `docker-archive:${sampleTar}`, '--fail-on', 'hgh'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected `--fail-on` to be one of low|medium|high|never, got `hgh`'
    )
  })

  it('rejects an image argument without a transport, listing the supported forms', async () => {
    const run = await runCli(['scan', 'nosuchtransport:/x'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('docker-archive')
  })

  it('prints the versions of scapgate, oscap and the content', async () => {
    const run = await runCli(['--version'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^scapgate \d+\.\d+\.\d+/)
    expect(run.stdout).toContain('oscap 1.3.7')
    expect(run.stdout).toMatch(/scap-security-guide 0\.1\.\d+/)
  })
})
