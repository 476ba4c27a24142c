/**
 * `scapgate rejudge` through the bundled CLI, real oscap: a released image is scanned once (the
 * result cache keeps its verdict inputs), its archive is deleted, and a new feed that lists one
 * of its packages turns it to failing. With the archive gone, nothing of the image can have been
 * read; the findings agree with a full `scan --cves` of the same image on the same feed.
 */
import {existsSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeDebianFeed} from '../support/feed-generator.js'
import {runCli, type CliRun} from '../support/run-cli.js'
import {debian11Base, scanDirs, writeImage} from '../support/scan-fixtures.js'
import {dpkgStatus} from '../fixtures/images/sample-app/spec.js'

interface Results {
  image: {configDigest: string}
  gate: {status: string; reasons: {kind: string}[]}
  cves?: {
    findings: {id: string; package: string; installedVersion?: string; fixedVersion?: string}[]
  }
}

const dirs = scanDirs('scapgate-rejudge')
const cache = join(dirs.dir, 'cache')
const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dirs.dir}
const installed: [string, string][] = [
  ['base-files', '11.1+deb11u11'],
  ['libc6', '2.31-13+deb11u11'],
  ['login', '1:4.8.1-1'],
  ['passwd', '1:4.8.1-1']
]
let archive: string
let oldFeed: string
let newFeed: string

const cli = (args: string[]): Promise<CliRun> => runCli(args, {cwd: dirs.dir, env})
const read = (path: string): Results => JSON.parse(readFileSync(path, 'utf8')) as Results
const findings = (r: Results) =>
  (r.cves?.findings ?? [])
    .map(f => `${f.id} ${f.package} ${f.installedVersion ?? ''} ${f.fixedVersion ?? ''}`)
    .sort()

beforeAll(async () => {
  archive = writeImage(dirs.dir, 'released', [
    debian11Base,
    [{name: 'var/lib/dpkg/status', content: dpkgStatus(installed)}]
  ])
  const timestamp = new Date().toISOString().slice(0, 19)
  oldFeed = join(dirs.dir, 'old.xml')
  newFeed = join(dirs.dir, 'new.xml')
  await writeDebianFeed(oldFeed, {definitions: 40, release: 11, installed: [], timestamp})
  await writeDebianFeed(newFeed, {
    definitions: 40,
    release: 11,
    installed: [{name: 'login', version: '1:4.8.1-1'}],
    timestamp
  })
})
afterAll(() => dirs.cleanup())

describe('scapgate rejudge', () => {
  it('flips a released image to failing on a new feed, without its archive', async () => {
    // the release: scanned with today's feed, which lists nothing it has
    const release = await cli([
      'scan',
      'docker-archive:released.tar',
      '--fail-on',
      'never',
      '--cves',
      '--feed',
      oldFeed,
      '--cache-dir',
      cache,
      '--out',
      'release',
      '--quiet'
    ])
    expect(release.code, release.stderr).toBe(0)
    const digest = read(join(dirs.dir, 'release', 'results.json')).image.configDigest
    // a full scan with the new feed, for comparison
    const full = await cli([
      'scan',
      'docker-archive:released.tar',
      '--fail-on',
      'never',
      '--cves',
      '--feed',
      newFeed,
      '--no-cache',
      '--out',
      'full',
      '--quiet'
    ])
    expect(full.code, full.stderr).toBe(1)
    const fullResults = read(join(dirs.dir, 'full', 'results.json'))
    expect(findings(fullResults).length).toBeGreaterThan(0)

    rmSync(archive)
    expect(existsSync(archive)).toBe(false)

    const same = await cli([
      'rejudge',
      digest,
      '--fail-on',
      'never',
      '--cves',
      '--feed',
      oldFeed,
      '--cache-dir',
      cache,
      '--out',
      'same'
    ])
    expect(same.code, same.stderr).toBe(0)
    expect(same.stdout).toContain(`passes ${digest}`)

    const flipped = await cli([
      'rejudge',
      digest,
      '--fail-on',
      'never',
      '--cves',
      '--feed',
      newFeed,
      '--cache-dir',
      cache,
      '--out',
      'flipped'
    ])
    expect(flipped.code, flipped.stderr).toBe(1)
    expect(flipped.stdout).toContain(`FAILS ${digest}`)
    const rejudged = read(join(dirs.dir, 'flipped', digest.slice(7, 19), 'results.json'))
    expect(rejudged.gate.status).toBe('fail')
    expect(rejudged.gate.reasons.map(r => r.kind)).toContain('vulnerable-packages')
    // the same findings as the full scan of the image on the same feed
    expect(findings(rejudged)).toEqual(findings(fullResults))
    expect(readFileSync(join(dirs.dir, 'flipped', 'summary.md'), 'utf8')).toContain(
      'Compliance gate failed'
    )

    // a digest nothing was recorded for cannot be judged: exit 2, never a pass
    const unknown = await cli(['rejudge', `sha256:${'0'.repeat(64)}`, '--cache-dir', cache])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/found none \(scan the image once/)
  }, 600_000)
})
