import {access, constants, mkdir, mkdtemp, realpath, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {EnvironmentError, ScanFailedError, getErrorMessage} from '../errors.js'
import {readScannerOverrides} from '../environment/scanner-overrides.js'
import {dpkginfoNeedsAptConfig, dpkginfoReadsSelection, readOscapVersion} from './oscap-release.js'
import {excerpt, runInSandbox} from './sandbox.js'

export interface ScannerEnvironment {
  /** Absolute path of oscap; the same path inside the sandbox (it binds `/usr` read-only). */
  oscapPath: string
  /** e.g. `1.3.7`, `1.4.2`. */
  oscapVersion: string
  /**
   * True for oscap < 1.3.10, whose dpkginfo probe goes through libapt-pkg: the sandbox then sets
   * its private `APT_CONFIG` (`docs/openscap.md`, "dpkginfo"). Pass it to `runInSandbox`.
   */
  aptConfigWorkaround: boolean
  /**
   * True for oscap >= 1.3.10, whose dpkginfo probe takes a held package for an absent one: the scan
   * then shows it a `status` whose selections follow the package states (`docs/openscap.md` §5).
   */
  selectionWorkaround: boolean
  /** True when the SCE plugin did not load inside the sandbox (it never should). */
  sceDisabled: boolean
}

export interface PreflightOptions {
  /** Defaults to `SCAPGATE_OSCAP`, then `/usr/bin/oscap`, `/usr/sbin/oscap`. */
  oscapPath?: string
  /** Scratch directory for the trial sandbox; defaults to the OS temp dir. */
  workDir?: string
  timeoutMs?: number
}

const DEFAULT_OSCAP_PATHS = ['/usr/bin/oscap', '/usr/sbin/oscap']
/** Host directories the sandbox binds; oscap must be found through one of them. */
const SANDBOX_BIN_DIRS = ['/usr/bin/', '/usr/sbin/']

let cached: Promise<ScannerEnvironment> | undefined

/**
 * Checks, once per process, that a scan can run: oscap is installed under `/usr`, we are root, and
 * the sandbox (mount namespace, tmpfs, overlay, chroot) works, by running `oscap --version` in a
 * trial sandbox over an empty root. Throws {@link EnvironmentError} naming what to install or
 * change. Does not check the content or the image.
 */
export function preflightScanner(options: PreflightOptions = {}): Promise<ScannerEnvironment> {
  if (options.oscapPath !== undefined || options.workDir !== undefined) return runPreflight(options)
  cached ??= runPreflight(options).catch((error: unknown) => {
    cached = undefined
    throw error
  })
  return cached
}

async function runPreflight(options: PreflightOptions): Promise<ScannerEnvironment> {
  const oscapPath = await findOscap(options.oscapPath ?? readScannerOverrides().oscapPath)
  if (process.getuid?.() !== 0) {
    throw new EnvironmentError(
      'scapgate must run oscap as root: chroot-mode probes (rpminfo, rpmverify, symlink …) need CAP_SYS_CHROOT and ' +
        'otherwise silently inspect the runner instead of the image; the extracted root must keep its owners for ' +
        'ownership rules; and the scan sandbox needs a private mount namespace. Run it with sudo, or as root in a ' +
        `privileged container (uid is ${process.getuid?.() ?? 'unknown'}).`
    )
  }
  const base = await mkdtemp(join(options.workDir ?? tmpdir(), 'scapgate-preflight-'))
  try {
    const root = join(base, 'root')
    const out = join(base, 'out')
    await mkdir(root, {mode: 0o755})
    await mkdir(out, {mode: 0o700})
    const result = await runInSandbox({
      command: [oscapPath, '--version'],
      workDir: base,
      outDir: out,
      root,
      timeoutMs: options.timeoutMs ?? 30_000
    }).catch((error: unknown) => {
      if (error instanceof ScanFailedError && error.details.reason === 'sandbox') {
        throw new EnvironmentError(
          'The scan sandbox does not work here: scapgate needs `unshare` (util-linux), tmpfs and overlayfs mounts in ' +
            'a private mount namespace, and chroot. In a container, run it privileged (or with CAP_SYS_ADMIN and ' +
            `CAP_SYS_CHROOT and no seccomp/AppArmor block on mount). Details: ${getErrorMessage(error)}`,
          {cause: error}
        )
      }
      throw error
    })
    if (result.exitCode !== 0) {
      throw new EnvironmentError(
        `\`${oscapPath} --version\` failed inside the scan sandbox (exit ${result.exitCode ?? result.signal}): ` +
          excerpt(result.stderr || result.stdout)
      )
    }
    const release = readOscapVersion(result.stdout, `${oscapPath} --version`)
    return {
      oscapPath,
      oscapVersion: release.text,
      aptConfigWorkaround: dpkginfoNeedsAptConfig(release),
      selectionWorkaround: dpkginfoReadsSelection(release),
      sceDisabled: !/SCE Version/.test(result.stdout)
    }
  } finally {
    await rm(base, {recursive: true, force: true})
  }
}

async function findOscap(override: string | undefined): Promise<string> {
  const candidates = override === undefined ? DEFAULT_OSCAP_PATHS : [override]
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK)
      if (!(await stat(candidate)).isFile()) continue
    } catch {
      continue
    }
    const real = await realpath(candidate)
    if (!SANDBOX_BIN_DIRS.some(dir => real.startsWith(dir))) {
      throw new EnvironmentError(
        `Expected oscap under /usr/bin or /usr/sbin (the scan sandbox binds only those), got \`${candidate}\` → \`${real}\``
      )
    }
    return real
  }
  throw new EnvironmentError(
    override === undefined
      ? 'oscap (OpenSCAP) is not installed: expected /usr/bin/oscap. Install the `openscap-scanner` package ' +
          '(Debian/Ubuntu: `apt-get install openscap-scanner`; Fedora/RHEL: `dnf install openscap-scanner`), plus ' +
          'SCAP content (`ssg-debian`, `ssg-nondebian` / `scap-security-guide`).'
      : `SCAPGATE_OSCAP points to \`${override}\`, which is not an executable file`
  )
}
