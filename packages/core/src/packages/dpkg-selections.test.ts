import {mkdir, mkdtemp, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nullLogger} from '../logging.js'
import {presentSelectionsAsState, selectionsNote} from './dpkg-selections.js'
import {preparePackageView} from './package-view.js'

/** A `status` as dpkg writes it: telnetd held (`apt-mark hold`), the rest in the usual states. */
const status = [
  'Package: libc6',
  'Status: install ok installed',
  'Priority: optional',
  'Version: 2.36-9+deb12u4',
  'Description: GNU C Library: Shared libraries',
  ' Contains the standard libraries.',
  '',
  'Package: telnetd',
  'Status: hold ok installed',
  'Version: 0.17+2.4-2+deb12u1',
  'Description: basic telnet server',
  ' Status: hold ok installed (a continuation line is not a field)',
  '',
  'Package: nano',
  'Status: deinstall ok config-files',
  'Version: 7.2-1',
  '',
  'Package: vim-tiny',
  'Status: deinstall ok installed',
  'Version: 2:9.0.1378-2',
  '',
  'Package: rsh-server',
  'Status: install ok config-files',
  'Version: 0.17-24',
  '',
  'Package: ed',
  'Status: purge ok not-installed',
  ''
].join('\n')

/** What OpenSCAP 1.3.10 to 1.4.4's dpkginfo probe decides (dpkginfo-helper.c): `install*`. */
function probeSaysInstalled(text: string, name: string): boolean {
  const stanza = text.split('\n\n').find(s => s.startsWith(`Package: ${name}\n`))
  const line = stanza?.split('\n').find(l => l.startsWith('Status:'))
  return line !== undefined && line.slice('Status:'.length).trimStart().startsWith('install')
}

describe('presentSelectionsAsState', () => {
  it('shows installed packages as selected for install and removed ones as not, nothing else changes', () => {
    const presented = presentSelectionsAsState(Buffer.from(status))
    expect(presented.shownInstalled).toEqual(['telnetd', 'vim-tiny'])
    expect(presented.shownAbsent).toEqual(['rsh-server'])
    const text = presented.status?.toString('latin1') ?? ''
    // The probe's reading now matches dpkg's: installed = state other than not-installed/config-files.
    expect(
      ['libc6', 'telnetd', 'nano', 'vim-tiny', 'rsh-server', 'ed'].map(name => [
        name,
        probeSaysInstalled(text, name)
      ])
    ).toEqual([
      ['libc6', true],
      ['telnetd', true],
      ['nano', false],
      ['vim-tiny', true],
      ['rsh-server', false],
      ['ed', false]
    ])
    // Only the selection words of three Status lines differ.
    const expected = status
      .replace('Status: hold ok installed\n', 'Status: install ok installed\n')
      .replace('Status: deinstall ok installed', 'Status: install ok installed')
      .replace('Status: install ok config-files', 'Status: deinstall ok config-files')
    expect(text).toBe(expected)
    expect(text).toContain(' Status: hold ok installed (a continuation line is not a field)')
  })

  it('reads the held package as the probe does without the copy: not installed', () => {
    expect(probeSaysInstalled(status, 'telnetd')).toBe(false)
  })

  it('leaves a database whose selections already agree alone', () => {
    const agreeing =
      'Package: libc6\nStatus: install ok installed\n\nPackage: nano\nStatus: deinstall ok config-files\n'
    expect(presentSelectionsAsState(Buffer.from(agreeing))).toEqual({
      shownInstalled: [],
      shownAbsent: []
    })
  })

  it('keeps every other byte, including bytes that are not UTF-8, trailing blanks and a missing final newline', () => {
    const bytes = Buffer.concat([
      Buffer.from('Package: caf\xe9\nDescription: caf', 'latin1'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\nStatus: hold ok installed  \n\nPackage: telnetd\nStatus: hold ok installed')
    ])
    const presented = presentSelectionsAsState(bytes)
    const expected = Buffer.from(
      bytes.toString('latin1').replaceAll('Status: hold', 'Status: install'),
      'latin1'
    )
    expect(presented.status?.equals(expected)).toBe(true)
    // A name that is not a valid package name is never echoed.
    expect(presented.shownInstalled).toEqual(['(unnamed)', 'telnetd'])
  })

  it('leaves unknown selections and malformed Status lines alone', () => {
    const odd =
      'Package: a1\nStatus: frobnicate ok installed\n\nPackage: b1\nStatus: hold installed\n'
    expect(presentSelectionsAsState(Buffer.from(odd)).status).toBeUndefined()
  })

  it('names the packages and the oscap version in the note', () => {
    const note = selectionsNote(presentSelectionsAsState(Buffer.from(status)), '1.4.2')
    expect(note).toBe(
      "OpenSCAP 1.4.2 reads a package's dpkg selection, not its state: its dpkginfo probe read a copy of " +
        '/var/lib/dpkg/status with telnetd, vim-tiny (installed, held or selected for removal) shown as selection ' +
        'install; rsh-server (not installed, selection install) shown as selection deinstall (the image is ' +
        'unchanged; docs/openscap.md §5)'
    )
  })
})

describe('preparePackageView with a held package', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'scapgate-selections-'))
    await mkdir(join(root, 'var/lib/dpkg'), {recursive: true})
    await writeFile(join(root, 'var/lib/dpkg/status'), status, {mode: 0o640})
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('adds the corrected copy to the upper layer for oscap >= 1.3.10, with the image file mode', async () => {
    const view = await preparePackageView(root, undefined, nullLogger, {selectionsFor: '1.4.2'})
    expect(view.files.map(f => [f.path, f.mode])).toEqual([['/var/lib/dpkg/status', 0o640]])
    expect(probeSaysInstalled(String(view.files[0]?.content), 'telnetd')).toBe(true)
    expect(view.notes).toEqual([expect.stringMatching(/^OpenSCAP 1\.4\.2 reads .*telnetd/)])
    // The image's own file is untouched.
    expect((await stat(join(root, 'var/lib/dpkg/status'))).size).toBe(Buffer.byteLength(status))
  })

  it('adds nothing for an oscap that asks libapt-pkg (< 1.3.10)', async () => {
    const view = await preparePackageView(root, undefined, nullLogger)
    expect(view).toEqual({layout: 'status', files: []})
  })
})
