/**
 * The scanner image (scanner/Dockerfile): Debian 13 with OpenSCAP 1.4, built with
 * `podman build --isolation chroot` on a debootstrap base, then used the way the GitLab job and
 * the Jenkins step use it: the CLI and the GitLab job script scan images with the image's own
 * Node, oscap and content. See test/support/scanner-image.ts for how it runs without a container
 * runtime.
 *
 * The verdict check: the same real Debian 11 and Debian 12 images, with the same content given
 * explicitly (SSG from Debian 13's ssg-debian, which has debian11/12 data streams without SCE
 * checks), must get the same verdict and the same result for every rule from OpenSCAP 1.4 in the
 * image as from the host's OpenSCAP 1.3.7.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, linkSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeCompliantImage} from '../support/adapter-fixtures.js'
import {type DebianImage, ensureDebianImage} from '../support/debian-image.js'
import {repoRoot, runCli} from '../support/run-cli.js'
import {type ResultsJson, readResults, scanDirs, type ScanDirs} from '../support/scan-fixtures.js'
import {
  buildScannerImage,
  runInScannerImage,
  scannerBaseImage,
  scannerImageTag,
  unpackDebianContent
} from '../support/scanner-image.js'

const version = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string}
).version
let dirs: ScanDirs
let images: Record<'debian11' | 'debian12', DebianImage>
/** Data streams of Debian 13's ssg-debian, relative to the work directory. */
let content: {debian11: string; debian12: string; version: string}

const hostOscap = execFileSync('oscap', ['--version'], {encoding: 'utf8'})

/** Puts `file` into the work directory (a hard link when possible: the archives are large). */
function stage(file: string, name: string): string {
  try {
    linkSync(file, join(dirs.dir, name))
  } catch {
    copyFileSync(file, join(dirs.dir, name))
  }
  return name
}

beforeAll(async () => {
  dirs = scanDirs('scapgate-scanner-image')
  buildScannerImage()
  images = {
    debian11: await ensureDebianImage(),
    debian12: await ensureDebianImage({release: 'debian12'})
  }
  stage(images.debian11.dockerArchive, 'debian11-app.tar')
  stage(images.debian12.dockerArchive, 'debian12-app.tar')
  const unpacked = unpackDebianContent('trixie', 'ssg-debian', join(dirs.dir, 'content'))
  content = {
    debian11: 'content/ssg-debian11-ds.xml',
    debian12: 'content/ssg-debian12-ds.xml',
    version: unpacked.version
  }
  writeCompliantImage(dirs.dir)
}, 1_800_000)
afterAll(() => dirs?.cleanup())

describe('the scanner image', () => {
  it('records the base image and the version given as build arguments', () => {
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

  it('prints the versions of scapgate, OpenSCAP 1.4 and the newest SCAP content', async () => {
    const run = await runInScannerImage(['scapgate', '--version'], dirs.dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `^scapgate ${version.replace(/\./g, '\\.')}\noscap 1\\.4\\.\\d+\nscap-security-guide 0\\.1\\.(\\d+) \\(\\d+ data streams`
      )
    )
    // Debian 13's own ssg packages are 0.1.76; the image takes the newer ones from unstable.
    expect(Number(/scap-security-guide 0\.1\.(\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(76)
  })

  it('has data streams for Debian 11–13, Ubuntu 22.04–26.04 and RHEL 8–10, and nothing else of SSG', async () => {
    const run = await runInScannerImage(
      ['sh', '-c', 'ls /usr/share/xml/scap/ssg/content; ls /usr/share/doc/ssg-debian'],
      dirs.dir
    )
    expect(run.code, run.stderr).toBe(0)
    const files = run.stdout.split('\n').filter(line => line !== '')
    for (const product of [
      'debian11',
      'debian12',
      'debian13',
      'ubuntu2204',
      'ubuntu2404',
      'ubuntu2604',
      'rhel8',
      'rhel9',
      'rhel10'
    ]) {
      expect(files).toContain(`ssg-${product}-ds.xml`)
    }
    // dpkg's path filter: source data streams only, plus the copyright files.
    expect(files.filter(name => name.endsWith('.xml') && !name.endsWith('-ds.xml'))).toEqual([])
    expect(files).toContain('copyright')
  })

  it('runs the bundle on a Node new enough for its target', async () => {
    const run = await runInScannerImage(['node', '-p', 'process.versions.node'], dirs.dir)
    expect(Number(run.stdout.split('.')[0])).toBeGreaterThanOrEqual(20)
  })

  it.each(['debian11', 'debian12'] as const)(
    'gives a %s image the same verdict and rule results with OpenSCAP 1.4 as the host with 1.3.7',
    async release => {
      expect(hostOscap).toMatch(/^OpenSCAP command line tool \(oscap\) 1\.3\.7$/m)
      const args = (out: string) => [
        'scan',
        `docker-archive:${release}-app.tar`,
        '--content',
        content[release],
        '--out',
        out,
        '--quiet'
      ]
      const [inImage, host] = await Promise.all([
        runInScannerImage(['scapgate', ...args(`out-image-${release}`)], dirs.dir),
        runCli(args(`out-host-${release}`), {cwd: dirs.dir})
      ])
      const imageResults = readResults(join(dirs.dir, `out-image-${release}`))
      const hostResults = readResults(join(dirs.dir, `out-host-${release}`))

      // Two different scanners ran …
      expect(imageResults.scanner.version).toMatch(/^1\.4\.\d+$/)
      expect(hostResults.scanner.version).toBe('1.3.7')
      // … and agree: exit code, gate, and every rule's result.
      expect(inImage.code, inImage.stderr).toBe(host.code)
      expect(imageResults.gate.status).toBe(hostResults.gate.status)
      expect(ruleResults(imageResults)).toEqual(ruleResults(hostResults))
      // The images are built to fail (telnetd installed, /etc/shadow too open): a verdict that
      // cannot tell them from a clean image would agree trivially.
      expect(inImage.code).toBe(1)
      expect(ruleResults(imageResults).get(rule('package_telnetd_removed'))).toBe('fail')
      expect(ruleResults(imageResults).get(rule('file_permissions_etc_shadow'))).toBe('fail')
      expect(
        [...ruleResults(imageResults).values()].filter(r => r === 'pass').length
      ).toBeGreaterThan(5)
    },
    600_000
  )

  it("runs the GitLab job's command, configured by SCAPGATE_* variables alone, which passes a compliant image", async () => {
    const run = await runInScannerImage(['scapgate', 'scan'], dirs.dir, {
      SCAPGATE_IMAGE: 'docker-archive:compliant-app.tar',
      SCAPGATE_CONTENT: content.debian11,
      SCAPGATE_FAIL_ON: 'low',
      SCAPGATE_OUT: 'out-gitlab'
    })
    expect(run.code, run.stderr).toBe(0)
    expect(readResults(join(dirs.dir, 'out-gitlab')).gate.status).toBe('pass')
  })
})

const rule = (name: string): string => `xccdf_org.ssgproject.content_rule_${name}`

function ruleResults(results: ResultsJson): Map<string, string> {
  return new Map(results.rules.map(r => [r.id, r.result]))
}
