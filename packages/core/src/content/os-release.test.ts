import {describe, expect, it} from 'vitest'
import {describeOs, parseOsRelease, readOsRelease} from './os-release.js'

describe('parseOsRelease', () => {
  it('reads quoted and unquoted values of a Debian os-release', () => {
    const os = parseOsRelease(
      'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nNAME="Debian GNU/Linux"\nVERSION_ID="11"\nVERSION_CODENAME=bullseye\nID=debian\n'
    )
    expect(os).toEqual({
      id: 'debian',
      idLike: [],
      versionId: '11',
      versionCodename: 'bullseye',
      prettyName: 'Debian GNU/Linux 11 (bullseye)'
    })
  })

  it('splits ID_LIKE and lower-cases ids, as on UBI', () => {
    const os = parseOsRelease(Buffer.from('ID="rhel"\nID_LIKE="fedora"\nVERSION_ID="9.4"\n'))
    expect(os).toMatchObject({id: 'rhel', idLike: ['fedora'], versionId: '9.4'})
  })

  it('ignores comments, blank lines, malformed lines and never evaluates shell syntax', () => {
    const os = parseOsRelease(
      '# comment\n\nnot a line\nID=$(reboot)\nVERSION_ID=\'1 2\'\nPRETTY_NAME="a \\"b\\""\n'
    )
    expect(os).toMatchObject({id: '$(reboot)', versionId: '1 2', prettyName: 'a "b"'})
  })
})

describe('readOsRelease', () => {
  it('falls back to /usr/lib/os-release when /etc/os-release is missing', async () => {
    const asked: string[] = []
    const os = await readOsRelease(async path => {
      asked.push(path)
      return path === '/usr/lib/os-release'
        ? Buffer.from('ID=alpine\nVERSION_ID=3.20.1\n')
        : undefined
    })
    expect(asked).toEqual(['/etc/os-release', '/usr/lib/os-release'])
    expect(os).toMatchObject({id: 'alpine', versionId: '3.20.1'})
  })

  it('returns undefined when the image has no os-release', async () => {
    expect(await readOsRelease(async () => undefined)).toBeUndefined()
  })
})

describe('describeOs', () => {
  it('prefers PRETTY_NAME and falls back to ID and VERSION_ID', () => {
    expect(describeOs({id: 'debian', idLike: [], versionId: '12'})).toBe('debian 12')
    expect(describeOs({idLike: []})).toBe('unknown OS')
  })
})
