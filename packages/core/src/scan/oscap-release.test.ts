import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {
  compareOscapVersion,
  dpkginfoNeedsAptConfig,
  parseOscapVersion,
  readOscapVersion
} from './oscap-release.js'

// The first lines of `oscap --version` as 1.3.7 (Debian 12) and 1.4.2 (Debian 13) print them.
const v137 =
  'OpenSCAP command line tool (oscap) 1.3.7\nCopyright 2009--2021 Red Hat Inc., Durham, North Carolina.\n\n==== Supported specifications ====\n'
const v142 =
  'OpenSCAP command line tool (oscap) 1.4.2\nCopyright 2009--2023 Red Hat Inc., Durham, North Carolina.\n\n==== Supported specifications ====\nSCAP Version: 1.3\n'

describe('parseOscapVersion', () => {
  it('reads 1.3.x and 1.4.x', () => {
    expect(parseOscapVersion(v137)).toEqual({text: '1.3.7', major: 1, minor: 3, patch: 7})
    expect(parseOscapVersion(v142)).toEqual({text: '1.4.2', major: 1, minor: 4, patch: 2})
  })

  it('reads the installed oscap', () => {
    const stdout = execFileSync('oscap', ['--version'], {encoding: 'utf8'})
    expect(parseOscapVersion(stdout)?.text).toMatch(/^1\.\d+\.\d+$/)
  })

  it('keeps a build suffix in the text but compares by the numbers', () => {
    const release = parseOscapVersion('OpenSCAP command line tool (oscap) 1.3.0_alpha2\n')
    expect(release).toEqual({text: '1.3.0_alpha2', major: 1, minor: 3, patch: 0})
  })

  it('finds nothing in output that is not oscap --version', () => {
    for (const stdout of [
      '',
      'oscap 1.4.2\n',
      'OpenSCAP command line tool (oscap) 1.4\n',
      'OpenSCAP command line tool (oscap) 1.4.2 extra words\n',
      'OpenSCAP command line tool (oscap) v1.4.2\n'
    ]) {
      expect(parseOscapVersion(stdout), stdout).toBeUndefined()
    }
  })
})

describe('readOscapVersion', () => {
  it('names the command, what was expected and the line found', () => {
    expect(() =>
      readOscapVersion('Something else 9.9\n\u001b[31mred', '/usr/bin/oscap --version')
    ).toThrow(
      /`\/usr\/bin\/oscap --version`.*OpenSCAP command line tool \(oscap\) MAJOR\.MINOR\.PATCH.*"Something else 9\.9"/
    )
    expect(() => readOscapVersion('', 'oscap --version')).toThrow(/got no such line/)
  })

  it('is an EnvironmentError (exit 3: the machine, not the user input)', () => {
    expect(() => readOscapVersion('', 'oscap --version')).toThrow(
      expect.objectContaining({name: 'EnvironmentError'})
    )
  })
})

describe('dpkginfoNeedsAptConfig', () => {
  const release = (text: string) =>
    readOscapVersion(`OpenSCAP command line tool (oscap) ${text}\n`, 'oscap --version')

  it('is true below 1.3.10, where dpkginfo still goes through libapt-pkg', () => {
    for (const text of ['1.2.17', '1.3.7', '1.3.9']) {
      expect(dpkginfoNeedsAptConfig(release(text)), text).toBe(true)
    }
  })

  it('is false from 1.3.10 on, including 1.4 and later', () => {
    for (const text of ['1.3.10', '1.3.13', '1.4.0', '1.4.2', '1.10.0', '2.0.0']) {
      expect(dpkginfoNeedsAptConfig(release(text)), text).toBe(false)
    }
  })

  it('compares numerically, not as text', () => {
    expect(compareOscapVersion(release('1.3.10'), [1, 3, 9])).toBeGreaterThan(0)
    expect(compareOscapVersion(release('1.3.9'), [1, 3, 10])).toBeLessThan(0)
    expect(compareOscapVersion(release('1.4.2'), [1, 4, 2])).toBe(0)
  })
})
