// Real oscap in the real sandbox on a synthetic Debian 11 root: needs root and openscap-scanner,
// and fails without them.
import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type GeneratedFeed, writeDebianFeed} from '../../../../test/support/feed-generator.js'
import {nullLogger} from '../logging.js'
import {type ScannerEnvironment, preflightScanner} from '../scan/preflight.js'
import {buildDebian11Root} from '../../../../test/support/synthetic-roots.js'
import {prefilterFeed} from './prefilter.js'
import {type ScanCvesOptions, scanCves} from './scan-cves.js'

const execFileAsync = promisify(execFile)
const REFERENCE = resolve(import.meta.dirname, '../../../../test/support/reference-oscap.sh')

const installed = [
  {name: 'login', version: '1:4.8.1-1'},
  {name: 'sudo', version: '1.9.5p2-3+deb11u1'},
  {name: 'base-files', version: '11.1+deb11u8'}
]

let base: string
let root: string
let scanner: ScannerEnvironment
let feed: GeneratedFeed

function statusEntry(pkg: {name: string; version: string}): string {
  return `Package: ${pkg.name}\nStatus: install ok installed\nArchitecture: amd64\nVersion: ${pkg.version}\nDescription: synthetic\n`
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-cve-test-'))
  scanner = await preflightScanner()
  root = join(base, 'root')
  await buildDebian11Root(root, [])
  await writeFile(join(root, 'var/lib/dpkg/status'), installed.map(statusEntry).join('\n'))
  feed = await writeDebianFeed(join(base, 'feed.xml'), {definitions: 2000, release: 11, installed})
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

function options(extra: Partial<ScanCvesOptions> = {}): ScanCvesOptions {
  return {
    root,
    os: {id: 'debian', idLike: [], versionId: '11', versionCodename: 'bullseye'},
    feed: feed.path,
    workDir: base,
    outDir: base,
    scanner,
    imageEnv: [],
    target: 'docker-archive:test.tar',
    timeoutMs: 300_000,
    logger: nullLogger,
    now: new Date('2024-05-03T00:00:00Z'),
    ...extra
  }
}

describe('scanCves on a Debian root', () => {
  it('keeps only the definitions about installed packages, and every reference they need', async () => {
    const out = join(base, 'filtered.xml')
    const result = await prefilterFeed({
      feedPath: feed.path,
      label: 'test feed',
      outputPath: out,
      installed: {dpkg: new Set(installed.map(p => p.name))}
    })
    expect(result.totalDefinitions).toBe(2000)
    expect(result.keptDefinitions).toBe(installed.length * 5)
    const text = await readFile(out, 'utf8')
    expect(text).toContain('oval:org.debian.oval:tst:1"')
    expect(text).toContain('oval:org.debian.oval:obj:2"')
    expect(text).not.toContain('synthetic-pkg')
    // oscap validates the filtered copy against the OVAL schema.
    await execFileAsync('oscap', ['oval', 'validate', out])
  })

  it('reports exactly the vulnerable definitions, with package, installed and fixed versions', async () => {
    const report = await scanCves(options())
    expect(report.findings.map(f => f.definitionId).sort()).toEqual([...feed.vulnerable].sort())
    const login = report.findings.find(f => f.package === 'login')
    expect(login).toMatchObject({
      installedVersion: '1:4.8.1-1',
      fixedVersion: '1:4.8.1-1+sec1',
      severity: 'unknown',
      title: expect.stringMatching(/^CVE-\d{4}-\d+ login$/)
    })
    expect(login?.cves).toEqual([login?.id])
    expect(report.definitions.total).toBe(2000)
    expect(report.definitions.evaluated).toBe(installed.length * 5)
    expect(report.feed.stale).toBe(false)
    expect(report.feed.ageDays).toBe(2)
  })

  it('finds the same true definitions on the full feed as on the prefiltered one', async () => {
    const [filtered, full] = await Promise.all([
      scanCves(options()),
      scanCves(options({fullFeed: true}))
    ])
    expect(full.definitions.evaluated).toBe(2000)
    expect(full.findings.map(f => f.definitionId)).toEqual(
      filtered.findings.map(f => f.definitionId)
    )
  })

  it('agrees with oscap oval eval run the correct way (APT_CONFIG, overlay) on the same root and full feed', async () => {
    const {stdout} = await execFileAsync('bash', [REFERENCE, root, 'oval', 'eval', feed.path], {
      maxBuffer: 64 * 1024 * 1024
    })
    const reference = stdout
      .split('\n')
      .flatMap(line => /^Definition (\S+): true$/.exec(line)?.slice(1) ?? [])
      .sort()
    expect(reference.length).toBeGreaterThan(0)
    const report = await scanCves(options())
    expect(report.findings.map(f => f.definitionId).sort()).toEqual(reference)
  })

  it('marks a feed older than max-feed-age as stale', async () => {
    const report = await scanCves(options({maxFeedAgeDays: 1}))
    expect(report.feed).toMatchObject({stale: true, ageDays: 2})
  })
})
