import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeDebianSourceFeed} from '../../../../test/support/feed-generator.js'
import {parseDpkgStatus} from './installed-packages.js'
import {prefilterFeed} from './prefilter.js'
import {binariesBySource, namesSourcePackages} from './source-matching.js'

const execFileAsync = promisify(execFile)

const STATUS = `Package: libssl3
Status: install ok installed
Architecture: amd64
Source: openssl
Version: 3.0.11-1~deb12u2

Package: telnetd
Status: install ok installed
Architecture: all
Source: inetutils (2:2.4-2+deb12u3)
Version: 0.17+2.4-2+deb12u3

Package: bash
Essential: yes
Status: install ok installed
Architecture: amd64
Source: bash (5.2.15-2)
Version: 5.2.15-2+b13

Package: libc6
Status: install ok installed
Architecture: amd64
Source: glibc
Version: 2.36-9+deb12u4

Package: libc6
Status: install ok installed
Architecture: i386
Source: glibc
Version: 2.36-9+deb12u4

Package: openssl-removed
Status: deinstall ok config-files
Architecture: amd64
Source: openssl
Version: 3.0.11-1~deb12u2
`

describe('source packages in the dpkg database', () => {
  it('reads the source name and, when dpkg writes one, the source version', () => {
    const byName = new Map(parseDpkgStatus(STATUS).map(p => [p.name, p]))
    expect(byName.get('libssl3')).toMatchObject({source: 'openssl'})
    expect(byName.get('libssl3')?.sourceVersion).toBeUndefined()
    expect(byName.get('telnetd')).toMatchObject({
      source: 'inetutils',
      sourceVersion: '2:2.4-2+deb12u3'
    })
    // named like its source, but a binNMU: only the version is recorded
    expect(byName.get('bash')?.source).toBeUndefined()
    expect(byName.get('bash')?.sourceVersion).toBe('5.2.15-2')
  })

  it('groups installed binaries by source, one entry per binary name, without config-files', () => {
    const bySource = binariesBySource(parseDpkgStatus(STATUS))
    expect(bySource.get('openssl')?.map(b => b.name)).toEqual(['libssl3'])
    expect(bySource.get('glibc')).toEqual([
      {name: 'libc6', version: '2.36-9+deb12u4', source: 'glibc', sourceVersion: '2.36-9+deb12u4'}
    ])
    expect(bySource.get('inetutils')?.[0]).toMatchObject({
      name: 'telnetd',
      version: '0.17+2.4-2+deb12u3',
      sourceVersion: '2:2.4-2+deb12u3'
    })
    expect(bySource.get('bash')?.[0]?.sourceVersion).toBe('5.2.15-2')
  })

  it('recognises Debian feeds as source-named, and not Canonical or Red Hat ones', () => {
    const generator = (product: string): string =>
      `<generator><oval:product_name>${product}</oval:product_name></generator>`
    expect(namesSourcePackages(generator('Debian'), 'oval:org.debian:def:1')).toBe(true)
    expect(namesSourcePackages(generator('x'), 'oval:org.debian:def:1')).toBe(true)
    expect(
      namesSourcePackages(generator('Canonical CVE OVAL Generator'), 'oval:com.ubuntu.jammy:def:1')
    ).toBe(false)
    expect(
      namesSourcePackages(
        generator('Red Hat OVAL Patch Definition Merger'),
        'oval:com.redhat.rhsa:def:1'
      )
    ).toBe(false)
  })
})

describe('the prefiltered copy of a source-named feed', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scapgate-source-'))
  })
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true})
  })

  it('keeps definitions on sources with installed binaries, rewritten to those binaries, schema-valid', async () => {
    const feed = await writeDebianSourceFeed(join(dir, 'feed.xml'), {
      release: 12,
      entries: [
        {source: 'openssl', fixed: '3.0.99-1', cve: 'CVE-2099-0001'},
        {source: 'inetutils', fixed: '2:2.4-3', cve: 'CVE-2099-0002'},
        {source: 'nginx', fixed: '1.99-1', cve: 'CVE-2099-0003'}
      ]
    })
    const packages = parseDpkgStatus(STATUS)
    const out = join(dir, 'filtered.xml')
    const result = await prefilterFeed({
      feedPath: feed.path,
      label: 'test feed',
      outputPath: out,
      installed: {dpkg: new Set(packages.map(p => p.name))},
      sources: binariesBySource(packages)
    })
    expect(result.namesSources).toBe(true)
    expect(result.keptDefinitions).toBe(2)
    expect(result.sourceMatching).toEqual({rewrittenTests: 2, binaryTests: 2})
    const text = await readFile(out, 'utf8')
    // libssl3's version is its source's: a dpkginfo test on the binary
    expect(text).toMatch(/<dpkginfo_object [^>]*><name>libssl3<\/name>/)
    // telnetd's is not: its source version is read from the status file
    expect(text).toContain('Package: telnetd\\n')
    expect(text).toContain('Source: inetutils \\(([^()\\s]+)\\)')
    expect(text).not.toContain('nginx')
    await execFileAsync('oscap', ['oval', 'validate', out])
    const telnetd = [...result.objects.values()].find(o => o.packageName === 'telnetd')
    expect(telnetd).toMatchObject({
      localName: 'textfilecontent54_object',
      source: {name: 'inetutils', version: '2:2.4-2+deb12u3'}
    })
  })
})
