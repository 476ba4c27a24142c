import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {EnvironmentError} from '../errors.js'

/**
 * `oscap --version`'s version (`1.3.7`), for the cache key: a cheap call, unlike the scanner
 * preflight, so that a cache hit needs no sandbox. Throws when oscap is missing: a machine that
 * cannot scan does not serve cached verdicts either.
 */
export async function oscapVersion(oscapPath = 'oscap'): Promise<string> {
  try {
    const {stdout} = await promisify(execFile)(oscapPath, ['--version'], {
      timeout: 10_000,
      env: {PATH: '/usr/bin:/bin:/usr/sbin:/sbin'}
    })
    const version = /command line tool \(oscap\) (\S+)/.exec(stdout)?.[1]
    if (version !== undefined) return version
  } catch {
    // Reported below.
  }
  throw new EnvironmentError(
    `Expected \`${oscapPath} --version\` to print OpenSCAP's version; is openscap-scanner installed?`
  )
}
