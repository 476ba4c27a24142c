/**
 * Held packages (`apt-mark hold`, dpkg status `hold ok installed`) on OpenSCAP >= 1.3.10, whose
 * dpkginfo probe reads the selection instead of the state and so takes a held package for an
 * absent one (docs/openscap.md §5). A real Debian 12 image built with podman, with telnetd
 * installed and held, is scanned by OpenSCAP 1.4 in the scanner image (entered with chroot, see
 * test/support/scanner-image.ts) and by the host's 1.3.7, with the same content: both must fail
 * package_telnetd_removed and agree on every rule, and the 1.4 scan must say what scapgate showed
 * its probe.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, linkSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureDebianImage} from '../support/debian-image.js'
import {runCli} from '../support/run-cli.js'
import {type ResultsJson, readResults, scanDirs, type ScanDirs} from '../support/scan-fixtures.js'
import {
  buildScannerImage,
  runInScannerImage,
  unpackDebianContent
} from '../support/scanner-image.js'

let dirs: ScanDirs

const telnetdRule = 'xccdf_org.ssgproject.content_rule_package_telnetd_removed'

beforeAll(async () => {
  dirs = scanDirs('scapgate-held-packages')
  buildScannerImage()
  const image = await ensureDebianImage({release: 'debian12', fixture: 'held'})
  try {
    linkSync(image.dockerArchive, join(dirs.dir, 'held.tar'))
  } catch {
    copyFileSync(image.dockerArchive, join(dirs.dir, 'held.tar'))
  }
  // SSG 0.1.76 (Debian 13's ssg-debian): a debian12 data stream without SCE checks.
  unpackDebianContent('trixie', 'ssg-debian', join(dirs.dir, 'content'))
}, 1_800_000)
afterAll(() => dirs?.cleanup())

describe('a held package', () => {
  it('is installed in the image: dpkg says `hold ok installed`', () => {
    // The last layer of the docker archive that has a dpkg status (the one apt-mark wrote).
    const manifest = JSON.parse(
      execFileSync('tar', ['-xOf', 'held.tar', 'manifest.json'], {cwd: dirs.dir, encoding: 'utf8'})
    ) as {Layers: string[]}[]
    const statuses = (manifest[0]?.Layers ?? []).flatMap(layer => {
      const listing = execFileSync(
        'sh',
        ['-c', 'tar -xOf held.tar "$1" | tar -tf -', 'sh', layer],
        {
          cwd: dirs.dir,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024
        }
      )
      if (!/^(\.\/)?var\/lib\/dpkg\/status$/m.test(listing)) return []
      const member = /^(\.\/)?var\/lib\/dpkg\/status$/m.exec(listing)?.[0] ?? ''
      return [
        execFileSync(
          'sh',
          ['-c', 'tar -xOf held.tar "$1" | tar -xOf - "$2"', 'sh', layer, member],
          {
            cwd: dirs.dir,
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
          }
        )
      ]
    })
    expect(statuses.at(-1)).toMatch(/^Package: telnetd\nStatus: hold ok installed$/m)
  })

  it('fails package_telnetd_removed with OpenSCAP 1.4 as with 1.3.7, and every rule agrees', async () => {
    const args = (out: string) => [
      'scan',
      'docker-archive:held.tar',
      '--content',
      'content/ssg-debian12-ds.xml',
      '--out',
      out,
      '--quiet'
    ]
    const [inImage, host] = await Promise.all([
      runInScannerImage(['scapgate', ...args('out-image')], dirs.dir),
      runCli(args('out-host'), {cwd: dirs.dir})
    ])
    const imageResults = readResults(join(dirs.dir, 'out-image'))
    const hostResults = readResults(join(dirs.dir, 'out-host'))
    expect(imageResults.scanner.version).toMatch(/^1\.4\.\d+$/)
    expect(hostResults.scanner.version).toBe('1.3.7')

    expect(ruleResults(hostResults).get(telnetdRule)).toBe('fail')
    expect(ruleResults(imageResults).get(telnetdRule)).toBe('fail')
    expect(inImage.code, inImage.stderr).toBe(host.code)
    expect(ruleResults(imageResults)).toEqual(ruleResults(hostResults))

    // The 1.4 scan says what its probe was shown; 1.3.7 needs no such copy.
    const notes = (results: ResultsJson) => (results.scanner as {notes?: string[]}).notes ?? []
    expect(notes(imageResults)).toEqual([
      expect.stringMatching(
        /^OpenSCAP 1\.4\.\d+ reads a package's dpkg selection.*telnetd \(installed/
      )
    ])
    expect(notes(hostResults)).toEqual([])
    // summary.md says so too (markdown-escaped: `1\.4\.2`).
    const summary = readFileSync(join(dirs.dir, 'out-image', 'summary.md'), 'utf8')
    expect(summary).toMatch(
      /^Note: OpenSCAP 1\\\.4\\\.\d+ reads a package's dpkg selection.* telnetd /m
    )
  }, 900_000)
})

function ruleResults(results: ResultsJson): Map<string, string> {
  return new Map(results.rules.map(r => [r.id, r.result]))
}
