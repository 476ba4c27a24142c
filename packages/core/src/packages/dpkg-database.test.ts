import {mkdir, mkdtemp, rm, stat, readFile, symlink, writeFile, chmod} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nullLogger} from '../logging.js'
import {inspectDpkgDatabase, parseRecordFile} from './dpkg-database.js'
import {preparePackageView} from './package-view.js'
import {stageUpperLayer} from './upper-layer.js'

const libc6 = `Package: libc6
Source: glibc
Version: 2.36-9+deb12u4
Architecture: amd64
Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
Description: GNU C Library: Shared libraries
 Contains the standard libraries that are used by nearly all programs on
 the system.
`
const telnetd = `Package: telnetd
Version: 0.17+2.4-2+deb12u1
Architecture: amd64
Status: deinstall ok config-files
`

let base: string
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-dpkg-db-'))
})
afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

async function rootWith(name: string, files: Record<string, string>): Promise<string> {
  const root = join(base, name)
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), {recursive: true})
    await writeFile(join(root, path), content)
  }
  await mkdir(root, {recursive: true})
  return root
}

describe('parseRecordFile', () => {
  it('keeps continuation lines, adds an installed Status after Package, replaces any other', () => {
    const records = parseRecordFile(`${libc6}\n${telnetd}`, 'multi')
    expect(records?.map(r => [r.name, r.version, r.architecture])).toEqual([
      ['libc6', '2.36-9+deb12u4', 'amd64'],
      ['telnetd', '0.17+2.4-2+deb12u1', 'amd64']
    ])
    expect(records?.[0]?.stanza.split('\n').slice(0, 3)).toEqual([
      'Package: libc6',
      'Status: install ok installed',
      'Source: glibc'
    ])
    expect(records?.[0]?.stanza).toContain('\n the system.')
    expect(records?.[1]?.stanza).not.toContain('deinstall')
  })

  it.each([
    ['a checksum list', 'd41d8cd98f00b204e9800998ecf8427e  usr/share/doc/x/copyright\n'],
    ['a bad package name', 'Package: ../../etc\nVersion: 1\n'],
    ['a bad version', 'Package: x1\nVersion: 1 2\n'],
    ['no version', 'Package: x1\n'],
    ['a duplicated field', 'Package: x1\nVersion: 1\nVersion: 2\n'],
    ['a control character', 'Package: x1\nVersion: 1\nDescription: a\u001b[2Jb\n'],
    ['a leading continuation', ' Package: x1\nVersion: 1\n'],
    ['nothing', '\n\n']
  ])('rejects a file with %s', (_, text) => {
    expect(parseRecordFile(text, 'f')).toBeUndefined()
  })
})

describe('inspectDpkgDatabase', () => {
  it('tells a full status file from status.d, and both from nothing', async () => {
    const full = await rootWith('full', {'var/lib/dpkg/status': libc6})
    const none = await rootWith('none', {'etc/os-release': 'ID=debian\n'})
    const emptyDpkg = await rootWith('empty-dpkg', {'var/lib/dpkg/available': ''})
    expect(await inspectDpkgDatabase(full)).toEqual({layout: 'status'})
    expect(await inspectDpkgDatabase(none)).toEqual({layout: 'none'})
    expect(await inspectDpkgDatabase(emptyDpkg)).toEqual({layout: 'none'})
  })

  it('assembles status.d records sorted by package, skipping md5sums, links and invalid files', async () => {
    const root = await rootWith('distroless', {
      'var/lib/dpkg/status.d/telnetd': telnetd,
      'var/lib/dpkg/status.d/telnetd.md5sums': 'abc  usr/sbin/in.telnetd\n',
      'var/lib/dpkg/status.d/libc6': libc6,
      'var/lib/dpkg/status.d/libc6-dup': libc6,
      'var/lib/dpkg/status.d/garbage': 'not a record\n'
    })
    await writeFile(join(base, 'outside-record'), 'Package: evil\nVersion: 1\n')
    await symlink(join(base, 'outside-record'), join(root, 'var/lib/dpkg/status.d/evil'))
    const database = await inspectDpkgDatabase(root)
    expect(database.layout).toBe('status.d')
    if (database.layout !== 'status.d') return
    expect(database.records.map(r => `${r.name} ${r.file}`)).toEqual([
      'libc6 libc6',
      'telnetd telnetd'
    ])
    expect(database.skipped.sort()).toEqual(['evil', 'garbage'])
    expect(database.status).toMatch(/^Package: libc6\nStatus: install ok installed\n/)
    expect(database.status).toContain('\n\nPackage: telnetd\nStatus: install ok installed\n')
    expect(database.status).not.toContain('evil')
  })

  it('refuses a dpkg directory reached through a symlink', async () => {
    const elsewhere = await rootWith('elsewhere', {'status.d/libc6': libc6})
    const root = await rootWith('linked', {'var/lib/.keep': ''})
    await symlink(elsewhere, join(root, 'var/lib/dpkg'))
    expect(await inspectDpkgDatabase(root)).toMatchObject({layout: 'unusable'})
  })
})

describe('stageUpperLayer', () => {
  it("copies the root's directory modes and owners onto the staged parents", async () => {
    const root = await rootWith('modes', {'var/lib/dpkg/status.d/libc6': libc6})
    await chmod(join(root, 'var'), 0o700)
    await chmod(join(root, 'var/lib'), 0o751)
    const {dir: staged} = await stageUpperLayer(root, join(base, 'stage-modes'), [
      {path: '/var/lib/dpkg/status', content: 'x'}
    ])
    expect(staged).toBe(join(base, 'stage-modes'))
    expect((await stat(join(staged ?? '', 'var'))).mode & 0o7777).toBe(0o700)
    expect((await stat(join(staged ?? '', 'var/lib'))).mode & 0o7777).toBe(0o751)
    expect(await readFile(join(staged ?? '', 'var/lib/dpkg/status'), 'utf8')).toBe('x')
  })

  it("refuses to shadow an image symlink with a directory, except in scapgate's own namespace", async () => {
    const root = await rootWith('var-link', {'data/lib/dpkg/.keep': '', 'data/x': 'user=app\n'})
    await symlink('data', join(root, 'var'))
    await symlink('data', join(root, '.scapgate'))
    const staged = await stageUpperLayer(root, join(base, 'stage-link'), [
      {path: '/var/lib/dpkg/status', content: ''},
      {path: '/.scapgate/x', content: 'user=0\n', own: true}
    ])
    expect(staged.refused).toEqual(['/var/lib/dpkg/status'])
    expect(await readFile(join(staged.dir ?? '', '.scapgate/x'), 'utf8')).toBe('user=0\n')
    expect((await stat(join(staged.dir ?? '', '.scapgate'))).mode & 0o7777).toBe(0o755)
  })
})

describe('preparePackageView', () => {
  it('adds an empty status and dpkg tables to a Debian image without a database', async () => {
    const root = await rootWith('no-db', {'etc/os-release': 'ID=debian\n'})
    const view = await preparePackageView(root, {id: 'debian', idLike: []}, nullLogger)
    expect(view.unevaluablePackageRules).toMatch(/no dpkg database/)
    expect(view.files.map(file => [file.path, String(file.content).slice(0, 6)])).toEqual([
      ['/var/lib/dpkg/status', ''],
      ['/usr/share/dpkg/cputable', 'amd64\t'],
      ['/usr/share/dpkg/tupletable', 'eabihf']
    ])
  })

  it('adds nothing to a non-Debian image or to an image with a status file', async () => {
    const alpine = await rootWith('alpine', {'lib/apk/db/installed': ''})
    const full = await rootWith('full-view', {'var/lib/dpkg/status': libc6})
    expect(await preparePackageView(alpine, {id: 'alpine', idLike: []}, nullLogger)).toEqual({
      layout: 'none',
      files: []
    })
    expect(await preparePackageView(full, {id: 'debian', idLike: []}, nullLogger)).toEqual({
      layout: 'status',
      files: []
    })
  })
})
