/**
 * OpenSCAP's version as `oscap --version` prints it, and the behaviour scapgate adapts to it
 * (`docs/openscap.md`, "Versions"). Tested with 1.3.7 (Debian 12) and 1.4.2 (Debian 13).
 */
import {EnvironmentError, sanitizeForDisplay} from '../errors.js'

export interface OscapRelease {
  /** As printed, e.g. `1.4.2`, or `1.3.0_alpha2` for a build with a version suffix. */
  text: string
  major: number
  minor: number
  patch: number
}

/**
 * The first line of `oscap --version` in every release from 1.2 to 1.4 (utils/oscap.c): the
 * version is `MAJOR.MINOR.PATCH`, with `_SUFFIX` when built with OPENSCAP_VERSION_SUFFIX.
 */
const VERSION_LINE =
  /^OpenSCAP command line tool \(oscap\) (\d{1,4})\.(\d{1,4})\.(\d{1,4})((?:_[0-9A-Za-z.~+-]{1,40})?)\s*$/m

/** Reads the version from `oscap --version`'s stdout; undefined when the line is not there. */
export function parseOscapVersion(stdout: string): OscapRelease | undefined {
  const match = VERSION_LINE.exec(stdout)
  if (match === null) return undefined
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number
  ]
  return {text: `${major}.${minor}.${patch}${match[4] ?? ''}`, major, minor, patch}
}

/**
 * {@link parseOscapVersion}, throwing {@link EnvironmentError} when the output is not what any
 * known release prints. `command` names what was run, for the message.
 */
export function readOscapVersion(stdout: string, command: string): OscapRelease {
  const release = parseOscapVersion(stdout)
  if (release !== undefined) return release
  const firstLine = stdout.split('\n', 1)[0] ?? ''
  throw new EnvironmentError(
    `Expected \`${command}\` to print "OpenSCAP command line tool (oscap) MAJOR.MINOR.PATCH", ` +
      `got ${firstLine.trim() === '' ? 'no such line' : `"${sanitizeForDisplay(firstLine, 120)}"`}. ` +
      'Is this OpenSCAP (the openscap-scanner package)?'
  )
}

/** Negative, zero or positive as `release` is older than, equal to or newer than `version`. */
export function compareOscapVersion(
  release: OscapRelease,
  version: readonly [number, number, number]
): number {
  return release.major - version[0] || release.minor - version[1] || release.patch - version[2] || 0
}

/**
 * The first release whose dpkginfo probe reads `$OSCAP_PROBE_ROOT/var/lib/dpkg/status` itself
 * instead of going through libapt-pkg (commit 557ddeed1, "Rewrite dpkginfo probe without using
 * APT", OpenSCAP PR #2046).
 */
export const DPKGINFO_WITHOUT_APT: readonly [number, number, number] = [1, 3, 10]

/**
 * True when oscap's dpkginfo probe uses libapt-pkg, which reads the host's APT configuration and
 * then answers "not installed" for every package of the image (`docs/openscap.md`, "dpkginfo"):
 * the sandbox must then point `APT_CONFIG` at its private configuration.
 */
export function dpkginfoNeedsAptConfig(release: OscapRelease): boolean {
  return compareOscapVersion(release, DPKGINFO_WITHOUT_APT) < 0
}

/**
 * True when oscap's dpkginfo probe reads the dpkg `status` file itself (1.3.10 and newer) and
 * takes a package for installed when its selection is `install`, whatever its state: a held
 * package looks absent (`docs/openscap.md` §5). The scan then shows the probe a copy of `status`
 * whose selections follow the states (`packages/dpkg-selections.ts`).
 */
export function dpkginfoReadsSelection(release: OscapRelease): boolean {
  return !dpkginfoNeedsAptConfig(release)
}
