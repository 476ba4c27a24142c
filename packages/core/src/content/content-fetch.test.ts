import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFile, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import type {Logger} from '../logging.js'
import {ContentUnavailableError, fetchContent, pinnedDebs} from './content-fetch.js'
import {listContentEntries} from './content-store.js'
import {parseOsRelease} from './os-release.js'
import {selectContent} from './select-content.js'

// Real packages, downloaded by scripts/setup.sh (scripts/debian-download.sh) and pinned in
// pinned-content.json: trixie's 0.1.76 (debian11/12, no SCE) and sid's 0.1.82 (debian11/12/13).
const DEB_76 = '/var/cache/scapgate-debs/trixie/ssg-debian_0.1.76-1_all.deb'
const DEB_82 = '/var/cache/scapgate-debs/sid/ssg-debian_0.1.82-1_all.deb'

let base: string
const warnings: string[] = []
const logger: Logger = {
  debug: () => {},
  info: () => {},
  warning: (message: string) => warnings.push(message),
  error: () => {}
} as unknown as Logger

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-content-fetch-'))
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

const debian12 = parseOsRelease(
  'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'
)

describe('fetchContent from Debian packages', () => {
  it('imports a pinned local .deb: verified against the pin, data streams with version and profiles', async () => {
    const store = join(base, 'deb-store')
    const {entry, origin} = await fetchContent({source: DEB_76, storeDir: store, logger})
    expect(origin).toBe('file')
    expect(entry.sha256).toBe(
      pinnedDebs.find(p => p.filename.endsWith('ssg-debian_0.1.76-1_all.deb'))?.sha256
    )
    expect(entry.verifiedBy).toMatch(/^pinned \(ssg-debian 0\.1\.76-1/)
    expect(entry.ssgVersion).toBe('0.1.76')
    expect(entry.dataStreams.map(d => d.product)).toEqual(['debian11', 'debian12'])
    const d12 = entry.dataStreams.find(d => d.product === 'debian12')
    expect(d12?.ssgVersion).toBe('0.1.76')
    expect(d12?.profiles.map(p => p.id)).toContain('xccdf_org.ssgproject.content_profile_standard')
    const bytes = await readFile(join(entry.dir, 'ssg-debian12-ds.xml'))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d12?.sha256)
    // Fetching it again is a store hit: nothing is unpacked again.
    expect((await fetchContent({source: DEB_76, storeDir: store, logger})).origin).toBe('cache')
  })

  it('imports sid 0.1.82, which adds Debian 13', async () => {
    const store = join(base, 'deb-store')
    const {entry} = await fetchContent({source: DEB_82, storeDir: store, logger})
    expect(entry.ssgVersion).toBe('0.1.82')
    expect(entry.dataStreams.map(d => d.product)).toEqual(['debian11', 'debian12', 'debian13'])
    expect(
      entry.dataStreams.find(d => d.product === 'debian12')?.profiles.map(p => p.id)
    ).toContain('xccdf_org.ssgproject.content_profile_cis_level1_server')
    expect((await listContentEntries(store)).map(e => e.ssgVersion)).toEqual(['0.1.82', '0.1.76'])
  })

  it('refuses a .deb with a pinned name but other bytes, and stores nothing', async () => {
    const dir = join(base, 'tampered')
    await mkdir(dir)
    const fake = join(dir, 'ssg-debian_0.1.76-1_all.deb')
    await copyFile(DEB_82, fake)
    const store = join(base, 'tampered-store')
    const error = await fetchContent({source: fake, storeDir: store, logger}).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ContentUnavailableError)
    expect((error as Error).message).toMatch(/expected sha256 f6880719.*got cfde1459/)
    expect(await listContentEntries(store)).toEqual([])
  })

  it('refuses --sha256 that is not a digest, and a .deb URL with neither a pin nor --sha256', async () => {
    const store = join(base, 'bad-args')
    await expect(
      fetchContent({source: DEB_76, storeDir: store, sha256: 'abc', logger})
    ).rejects.toThrow(ConfigurationError)
    await expect(
      fetchContent({source: 'https://example.invalid/other_1.0_all.deb', storeDir: store, logger})
    ).rejects.toThrow(/--sha256/)
  })
})

describe('fetchContent from a ComplianceAsCode release zip over HTTP', () => {
  let server: Server
  let releases: string
  let requests: string[] = []
  const files = new Map<string, Buffer>()

  beforeAll(async () => {
    // A zip of the release layout (scap-security-guide-<v>/ssg-*-ds.xml beside bash/, guides/ …),
    // with deflate, built by Python's zipfile, and its .sha512 as `cmake -E sha512sum` writes it.
    const unpacked = join(base, 'zip-src')
    await mkdir(unpacked)
    execFileSync('dpkg', ['-x', DEB_76, unpacked])
    const zip = join(base, 'scap-security-guide-0.1.76.zip')
    execFileSync('python3', [
      '-c',
      `import zipfile,sys
content=sys.argv[1]+'/usr/share/xml/scap/ssg/content/'
with zipfile.ZipFile(sys.argv[2],'w',zipfile.ZIP_DEFLATED) as z:
  z.writestr('scap-security-guide-0.1.76/README.md','readme')
  z.writestr('scap-security-guide-0.1.76/bash/ssg-debian12-ds.xml','not a data stream: too deep')
  for name in ['ssg-debian11-ds.xml','ssg-debian12-ds.xml','ssg-debian12-xccdf.xml']:
    z.write(content+name,'scap-security-guide-0.1.76/'+name)`,
      unpacked,
      zip
    ])
    const bytes = await readFile(zip)
    const sha512 = createHash('sha512').update(bytes).digest('hex')
    files.set('/v0.1.76/scap-security-guide-0.1.76.zip', bytes)
    files.set(
      '/v0.1.76/scap-security-guide-0.1.76.zip.sha512',
      Buffer.from(`${sha512}  scap-security-guide-0.1.76.zip\n`)
    )
    files.set('/v0.1.77/scap-security-guide-0.1.77.zip', bytes)
    files.set(
      '/v0.1.77/scap-security-guide-0.1.77.zip.sha512',
      Buffer.from(`${'0'.repeat(128)}  scap-security-guide-0.1.77.zip\n`)
    )
    server = createServer((request, response) => {
      requests.push(request.url ?? '')
      const body = files.get(request.url ?? '')
      response.writeHead(body === undefined ? 404 : 200).end(body)
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const address = server.address() as {port: number}
    releases = `http://127.0.0.1:${address.port}`
  })

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve))
  })

  it('downloads ssg:VERSION, checks the published sha512, and keeps only top-level data streams', async () => {
    const store = join(base, 'zip-store')
    requests = []
    const {entry, origin} = await fetchContent({
      source: 'ssg:0.1.76',
      storeDir: store,
      ssgReleases: releases,
      logger
    })
    expect(origin).toBe('download')
    expect(requests).toEqual([
      '/v0.1.76/scap-security-guide-0.1.76.zip.sha512',
      '/v0.1.76/scap-security-guide-0.1.76.zip'
    ])
    expect(entry.kind).toBe('ssg-release')
    expect(entry.verifiedBy).toBe('published sha512')
    expect(entry.dataStreams.map(d => d.file)).toEqual([
      'ssg-debian11-ds.xml',
      'ssg-debian12-ds.xml'
    ])
    expect(entry.dataStreams.every(d => d.ssgVersion === '0.1.76')).toBe(true)
    expect(entry.sha256).toBe(
      createHash('sha256')
        .update(files.get('/v0.1.76/scap-security-guide-0.1.76.zip') as Buffer)
        .digest('hex')
    )

    // Offline: the release cannot be reached; the stored copy is used, with a warning.
    warnings.length = 0
    const offline = await fetchContent({
      source: 'ssg:0.1.76',
      storeDir: store,
      ssgReleases: 'http://127.0.0.1:9',
      logger
    })
    expect(offline.origin).toBe('stale-cache')
    expect(offline.entry.sha256).toBe(entry.sha256)
    expect(warnings.join('\n')).toMatch(/Cannot fetch ssg:0\.1\.76/)

    // With the digest pinned (--sha256), nothing is downloaded at all.
    requests = []
    const pinned = await fetchContent({
      source: 'ssg:0.1.76',
      storeDir: store,
      ssgReleases: releases,
      sha256: entry.sha256,
      logger
    })
    expect(pinned.origin).toBe('cache')
    expect(requests).toEqual([])
  })

  it('refuses a zip that does not match its published checksum', async () => {
    const store = join(base, 'zip-bad')
    const error = await fetchContent({
      source: 'ssg:0.1.77',
      storeDir: store,
      ssgReleases: releases,
      logger
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentUnavailableError)
    expect((error as Error).message).toMatch(/does not match its published checksum/)
    expect(await listContentEntries(store)).toEqual([])
  })
})

describe('selection over a store and a system directory', () => {
  it('prefers the newest usable content with the product, says why, and honours a pin', async () => {
    const store = join(base, 'select-store')
    await fetchContent({source: DEB_76, storeDir: store, logger})
    // A newer "release" that the content-safety check refuses in every version of scapgate
    // (a DOCTYPE), so that this test does not depend on whether SCE content is accepted.
    const newer = join(base, 'newer')
    await mkdir(newer)
    const real = await readFile(
      join(store, 'entries', pinnedDebs[0]?.sha256 ?? '', 'ssg-debian12-ds.xml'),
      'utf8'
    )
    const tampered = real
      .replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE x>'
      )
      .replace(/(<xccdf-1\.2:version[^>]*>)0\.1\.76</, '$10.1.99<')
    await writeFile(join(newer, 'ssg-debian12-ds.xml'), tampered)
    await fetchContent({source: newer, storeDir: store, logger})

    const selected = await selectContent(debian12, {
      dirs: ['/usr/share/xml/scap/ssg/content', store]
    })
    expect(selected.selection.ssgVersion).toBe('0.1.76')
    expect(selected.selection.origin).toBe('store')
    expect(selected.selection.source).toBe(DEB_76)
    expect(selected.selection.candidates).toBe(2)
    expect(selected.selection.passedOver?.join('')).toMatch(/^SSG 0\.1\.99 .*DOCTYPE/)
    expect(selected.selection.reason).toMatch(
      /^SSG 0\.1\.76 from the content store .*newest usable of 2 copies of that data stream$/
    )

    // Whatever "usable" means (the SCE work may widen it), the newest usable copy wins.
    const any = await selectContent(debian12, {dirs: [store], usable: async () => undefined})
    expect(any.selection.ssgVersion).toBe('0.1.99')

    // A pin restricts the choice, and one nothing matches is a configuration error naming it.
    const pinned = await selectContent(debian12, {
      dirs: [store],
      usable: async () => undefined,
      pin: {version: '0.1.76'}
    })
    expect(pinned.selection.ssgVersion).toBe('0.1.76')
    await expect(
      selectContent(debian12, {dirs: [store], pin: {sha256: 'f'.repeat(64)}})
    ).rejects.toThrow(/policy pins sha256 f{64}/)
  })

  it('falls back to the system directory for a product the store lacks', async () => {
    const store = join(base, 'select-store')
    const selected = await selectContent(parseOsRelease('ID=debian\nVERSION_ID=11'), {
      dirs: ['/usr/share/xml/scap/ssg/content', store]
    })
    // 0.1.76 in the store is newer than the host's 0.1.65.
    expect(selected.selection.ssgVersion).toBe('0.1.76')
    const fedora = await selectContent(parseOsRelease('ID=fedora\nVERSION_ID=40'), {
      dirs: ['/usr/share/xml/scap/ssg/content', store]
    })
    expect(fedora.selection).toMatchObject({
      origin: 'directory',
      ssgVersion: '0.1.65',
      candidates: 1
    })
  })
})
