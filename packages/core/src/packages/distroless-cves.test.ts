// Issue 12: CVE matching on a distroless-style root (status.d records, no status, no dpkg tables)
// reads the same assembled database as the compliance scan, through the sandbox's upper layer.
// Real oscap in the real sandbox; fails without root and openscap-scanner.
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type GeneratedFeed, writeDebianFeed} from '../../../../test/support/feed-generator.js'
import {scanCves} from '../cve/scan-cves.js'
import {nullLogger} from '../logging.js'
import {preflightScanner, type ScannerEnvironment} from '../scan/preflight.js'
import {buildDebian11Root} from '../../../../test/support/synthetic-roots.js'
import {preparePackageView} from './package-view.js'
import {stageUpperLayer} from './upper-layer.js'

const installed = [
  {name: 'login', version: '1:4.8.1-1'},
  {name: 'sudo', version: '1.9.5p2-3+deb11u1'},
  {name: 'base-files', version: '11.1+deb11u8'}
]
const os = {id: 'debian', idLike: [], versionId: '11', versionCodename: 'bullseye'}

let base: string
let root: string
let scanner: ScannerEnvironment
let feed: GeneratedFeed

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-distroless-cves-'))
  scanner = await preflightScanner()
  root = join(base, 'root')
  await buildDebian11Root(root, [])
  await rm(join(root, 'var/lib/dpkg/status'), {force: true})
  await rm(join(root, 'usr/share/dpkg'), {recursive: true, force: true})
  await mkdir(join(root, 'var/lib/dpkg/status.d'), {recursive: true})
  for (const pkg of installed) {
    await writeFile(
      join(root, 'var/lib/dpkg/status.d', pkg.name),
      `Package: ${pkg.name}\nArchitecture: amd64\nVersion: ${pkg.version}\nDescription: synthetic\n`
    )
    await writeFile(join(root, 'var/lib/dpkg/status.d', `${pkg.name}.md5sums`), 'x  usr/bin/x\n')
  }
  feed = await writeDebianFeed(join(base, 'feed.xml'), {definitions: 500, release: 11, installed})
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

describe('CVE matching on a distroless-style root', () => {
  it('finds exactly the vulnerable definitions, reading the status assembled from status.d', async () => {
    const view = await preparePackageView(root, os, nullLogger)
    const upper = await stageUpperLayer(root, join(base, 'upper'), view.files)
    expect(upper.refused).toEqual([])
    const report = await scanCves({
      root,
      ...(upper.dir === undefined ? {} : {upperFiles: upper.dir}),
      os,
      feed: feed.path,
      workDir: base,
      outDir: base,
      scanner,
      imageEnv: [],
      target: 'docker-archive:distroless.tar',
      timeoutMs: 300_000,
      logger: nullLogger,
      now: new Date('2024-05-03T00:00:00Z')
    })
    expect(report.findings.map(f => f.definitionId).sort()).toEqual([...feed.vulnerable].sort())
    expect(report.findings.find(f => f.package === 'login')?.installedVersion).toBe('1:4.8.1-1')
  })
})
