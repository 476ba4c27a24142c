import {describe, expect, it} from 'vitest'
import {readOscapDiagnostics} from './oscap-diagnostics.js'
import {isRemoteResourceNotice} from './oscap-scan.js'

describe('readOscapDiagnostics', () => {
  it('treats the dpkginfo, rpm and chroot messages of docs/reference/openscap.md §7 as silent failures', () => {
    const {silentFailures} = readOscapDiagnostics(
      [
        'E: oscap:     dpkginfo_init has failed.',
        "E: oscap:     RPM: Failed to open shell expansion pipe for command: bash -c 'echo ~/.rpmdb'",
        'E: oscap:     chroot failed: Operation not permitted',
        'chroot(".") failed: Operation not permitted'
      ].join('\n')
    )
    expect(silentFailures).toHaveLength(4)
  })

  it('collects offline-mode warnings once per probe with a count, and does not treat them as failures', () => {
    const diagnostics = readOscapDiagnostics(
      'W: oscap: Requested offline mode is not supported by sysctl probe.\n'.repeat(3) +
        'W: oscap: Requested offline mode is not supported by uname probe.\n'
    )
    expect(diagnostics).toEqual({
      silentFailures: [],
      warnings: [
        'Requested offline mode is not supported by sysctl probe (3×)',
        'Requested offline mode is not supported by uname probe'
      ]
    })
  })

  it('escapes control characters that image or content data put into stderr', () => {
    const {warnings} = readOscapDiagnostics('WARNING: file \u001b[31mred\u0007\n')
    expect(warnings).toEqual(['WARNING: file \\x1b[31mred\\x07'])
  })

  it('returns nothing for an empty stderr', () => {
    expect(readOscapDiagnostics('')).toEqual({silentFailures: [], warnings: []})
  })
})

describe('remote-resource notices', () => {
  it('recognises the lines oscap prints for a remote component it did not fetch', () => {
    expect(
      isRemoteResourceNotice(
        "WARNING: Data stream component 'scap_org.open-scap_cref_security-oval-oval-definitions-bookworm.xml.bz2' points out to the remote 'https://www.debian.org/security/oval/oval-definitions-bookworm.xml.bz2'."
      )
    ).toBe(true)
    expect(
      isRemoteResourceNotice(
        'WARNING: Skipping ./security-oval-oval-definitions-bookworm.xml.bz2 file which is referenced from XCCDF content'
      )
    ).toBe(true)
    expect(
      isRemoteResourceNotice('W: Requested offline mode is not supported by sysctl probe.')
    ).toBe(false)
  })
})
