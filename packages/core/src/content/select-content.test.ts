import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {parseOsRelease} from './os-release.js'
import {DEFAULT_CONTENT_DIR, dataStreamCandidates, selectContent} from './select-content.js'

let dir: string
const INSTALLED = [
  'ssg-debian11-ds.xml',
  'ssg-debian12-ds.xml',
  'ssg-debian13-ds.xml',
  'ssg-ubuntu2204-ds.xml',
  'ssg-ubuntu2404-ds.xml',
  'ssg-ubuntu2604-ds.xml',
  'ssg-rhel9-ds.xml',
  'ssg-rhel10-ds.xml',
  'ssg-cs9-ds.xml',
  'ssg-fedora-ds.xml',
  'ssg-sle15-ds.xml',
  'ssg-opensuse-ds.xml',
  'ssg-ol8-ds.xml',
  'ssg-debian11-xccdf.xml'
]

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-content-'))
  for (const name of INSTALLED) await writeFile(join(dir, name), '<x/>')
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const os = (text: string): ReturnType<typeof parseOsRelease> => parseOsRelease(text)

describe('selectContent', () => {
  it.each([
    ['ID=debian\nVERSION_ID="11"', 'ssg-debian11-ds.xml'],
    ['ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm', 'ssg-debian12-ds.xml'],
    ['ID=debian\nVERSION_ID="13"\nVERSION_CODENAME=trixie', 'ssg-debian13-ds.xml'],
    ['ID=ubuntu\nVERSION_ID="22.04"', 'ssg-ubuntu2204-ds.xml'],
    ['ID=ubuntu\nID_LIKE=debian\nVERSION_ID="24.04"', 'ssg-ubuntu2404-ds.xml'],
    ['ID=ubuntu\nID_LIKE=debian\nVERSION_ID="26.04"', 'ssg-ubuntu2604-ds.xml'],
    // UBI images carry the os-release of RHEL (ID=rhel).
    ['ID="rhel"\nID_LIKE="fedora"\nVERSION_ID="10.0"', 'ssg-rhel10-ds.xml'],
    ['ID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"', 'ssg-rhel9-ds.xml'],
    ['ID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="9"', 'ssg-cs9-ds.xml'],
    ['ID=fedora\nVERSION_ID=40', 'ssg-fedora-ds.xml'],
    ['ID="sles"\nVERSION_ID="15.5"', 'ssg-sle15-ds.xml'],
    ['ID="opensuse-leap"\nID_LIKE="suse opensuse"\nVERSION_ID="15.5"', 'ssg-opensuse-ds.xml'],
    ['ID="ol"\nID_LIKE="fedora"\nVERSION_ID="8.9"', 'ssg-ol8-ds.xml']
  ])('maps %j to %s', async (text, expected) => {
    const selected = await selectContent(os(text), dir)
    expect(selected).toMatchObject({
      path: join(dir, expected),
      fileName: expected,
      viaIdLike: false
    })
    expect(selected.selection).toMatchObject({origin: 'directory', candidates: 1})
  })

  it('falls back to ID_LIKE and says so, e.g. Rocky Linux 9 to RHEL 9 content', async () => {
    const selected = await selectContent(
      os('ID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"'),
      dir
    )
    expect(selected).toMatchObject({fileName: 'ssg-rhel9-ds.xml', viaIdLike: true})
  })

  it('refuses Debian 12 with a message naming the OS, the missing content and what is available', async () => {
    const old = await mkdtemp(join(tmpdir(), 'scapgate-content-065-'))
    for (const name of INSTALLED.filter(n => !/debian1[23]|2[46]04|rhel10/.test(n))) {
      await writeFile(join(old, name), '<x/>')
    }
    const error = await selectContent(
      os('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"'),
      old
    ).catch((e: unknown) => e)
    await rm(old, {recursive: true, force: true})
    expect(error).toBeInstanceOf(ConfigurationError)
    const message = (error as Error).message
    expect(message).toContain('Debian GNU/Linux 12 (bookworm)')
    expect(message).toContain('ssg-debian12-ds.xml')
    expect(message).toContain('0.1.65')
    expect(message).toContain('ssg-debian11-ds.xml, ssg-fedora-ds.xml')
    expect(message).not.toContain('ssg-debian11-xccdf.xml')
  })

  it('refuses an unknown OS and an unreadable content directory with ConfigurationError', async () => {
    await expect(selectContent(os('ID=alpine\nVERSION_ID=3.20.0'), dir)).rejects.toThrow(/alpine/)
    await expect(
      selectContent(os('ID=debian\nVERSION_ID=11'), join(dir, 'missing'))
    ).rejects.toThrow(/Cannot read the SCAP content directory/)
  })

  it('finds Debian 11 content in the installed SSG directory', async () => {
    const selected = await selectContent(os('ID=debian\nVERSION_ID="11"'), DEFAULT_CONTENT_DIR)
    expect(selected.path).toBe(`${DEFAULT_CONTENT_DIR}/ssg-debian11-ds.xml`)
  })
})

describe('dataStreamCandidates', () => {
  it('offers both CentOS Linux and CentOS Stream names for centos', () => {
    expect(dataStreamCandidates('centos', '8')).toEqual(['ssg-centos8-ds.xml', 'ssg-cs8-ds.xml'])
  })

  it('offers nothing for a versioned distribution without VERSION_ID', () => {
    expect(dataStreamCandidates('debian', undefined)).toEqual([])
  })
})
