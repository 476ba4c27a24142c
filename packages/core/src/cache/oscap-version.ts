import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {EnvironmentError} from '../errors.js'
import {readOscapVersion} from '../scan/oscap-release.js'

/**
 * `oscap --version`'s version (`1.3.7`, `1.4.2`), for the cache key: a cheap call, unlike the
 * scanner preflight, so that a cache hit needs no sandbox. Throws when oscap is missing or prints
 * no version: a machine that cannot scan does not serve cached verdicts either.
 */
export async function oscapVersion(oscapPath = 'oscap'): Promise<string> {
  let stdout: string
  try {
    stdout = (
      await promisify(execFile)(oscapPath, ['--version'], {
        timeout: 10_000,
        env: {PATH: '/usr/bin:/bin:/usr/sbin:/sbin'}
      })
    ).stdout
  } catch {
    throw new EnvironmentError(
      `Expected \`${oscapPath} --version\` to print OpenSCAP's version, but it did not run; is openscap-scanner installed?`
    )
  }
  return readOscapVersion(stdout, `${oscapPath} --version`).text
}
