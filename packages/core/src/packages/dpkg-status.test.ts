import {describe, expect, it} from 'vitest'
import {
  dpkgPresence,
  hasFilesOnDisk,
  installedVersions,
  isInstalled,
  parseDpkgStatus
} from './dpkg-status.js'

const paragraph = (name: string, status: string | undefined, version = '1.0'): string =>
  [
    `Package: ${name}`,
    ...(status === undefined ? [] : [`Status: ${status}`]),
    `Version: ${version}`
  ]
    .join('\n')
    .concat('\n')

const cases: [string, string | undefined, 'installed' | 'files-present' | 'absent'][] = [
  ['plain', 'install ok installed', 'installed'],
  ['held', 'hold ok installed', 'installed'],
  ['marked-for-removal', 'deinstall ok installed', 'installed'],
  ['reinstall-required', 'install reinstreq installed', 'installed'],
  ['distroless', undefined, 'installed'],
  ['half-installed', 'install ok half-installed', 'files-present'],
  ['held-half-installed', 'hold reinstreq half-installed', 'files-present'],
  ['unpacked', 'install ok unpacked', 'files-present'],
  ['half-configured', 'install ok half-configured', 'files-present'],
  ['triggers-pending', 'install ok triggers-pending', 'files-present'],
  ['triggers-awaited', 'install ok triggers-awaited', 'files-present'],
  ['config-files', 'deinstall ok config-files', 'absent'],
  ['purged', 'purge ok not-installed', 'absent'],
  ['nonsense', 'install ok exploded', 'absent']
]
const text = cases.map(([name, status]) => paragraph(name, status)).join('\n')

describe('the one dpkg status parser', () => {
  it('says installed only for the installed state (and status.d records), whatever the want', () => {
    const packages = parseDpkgStatus(text)
    expect(packages.map(p => [p.name, dpkgPresence(p)])).toEqual(
      cases.map(([name, , presence]) => [name, presence])
    )
    expect(packages.filter(p => isInstalled(p)).map(p => p.name)).toEqual([
      'plain',
      'held',
      'marked-for-removal',
      'reinstall-required',
      'distroless'
    ])
    expect(packages.filter(p => !hasFilesOnDisk(p)).map(p => p.name)).toEqual([
      'config-files',
      'purged',
      'nonsense'
    ])
  })

  it('gives blame the installed versions only', () => {
    expect([...installedVersions(text).keys()]).toEqual([
      'plain',
      'held',
      'marked-for-removal',
      'reinstall-required',
      'distroless'
    ])
  })

  it('reads Source, ignores continuation lines and skips paragraphs without Package or Version', () => {
    const packages = parseDpkgStatus(
      [
        'Package: libssl3\nStatus: install ok installed\nSource: openssl (3.0.11-1)\nVersion: 3.0.11-1+b1\nDescription: x\n Version: 9\n',
        'Package: openssl\nStatus: install ok installed\nSource: openssl\nVersion: 3.0.11-1\n',
        'Status: install ok installed\nVersion: 2\n',
        'Package: noversion\nStatus: install ok installed\n'
      ].join('\n')
    )
    expect(packages).toEqual([
      {
        name: 'libssl3',
        version: '3.0.11-1+b1',
        architecture: '',
        status: 'install ok installed',
        source: 'openssl',
        sourceVersion: '3.0.11-1'
      },
      {name: 'openssl', version: '3.0.11-1', architecture: '', status: 'install ok installed'}
    ])
  })
})
