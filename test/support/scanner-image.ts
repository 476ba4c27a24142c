/**
 * The scanner image (scanner/Dockerfile) for the tests: built by build-scanner-image.sh on a
 * debootstrap Debian 12 base, and run by chrooting into a container's root filesystem.
 *
 * Why not `podman run`: this test environment has hybrid cgroups (crun refuses them) and no
 * CAP_SYS_RESOURCE (crun cannot set the default rlimits), so no container starts here at all.
 * Chrooting into `podman mount` of a created container runs exactly the image's files (its Node,
 * oscap, SCAP content, CLI and scripts) with /dev, /proc, a tmpfs /tmp and the work directory
 * mounted the way a runtime would; the runtime flags users need are in docs/scanner-image.md.
 */
import {execFile, execFileSync} from 'node:child_process'
import {join} from 'node:path'
import {repoRoot} from './run-cli.js'

export const scannerImageTag = 'localhost/scapgate-test/scanner:dev'
/** The base the tests build on (build-scanner-image.sh imports it from the debootstrap root). */
export const scannerBaseImage = 'localhost/scapgate-test/bookworm-minbase:r1'

/** Builds the image from the current dist/ (seconds once the apt layer is cached). */
export function buildScannerImage(
  cacheDir = process.env['SCAPGATE_TEST_CACHE'] ?? '/var/cache/scapgate-test'
): string {
  return execFileSync('bash', [join(repoRoot, 'test/support/build-scanner-image.sh')], {
    cwd: repoRoot,
    env: {...process.env, CACHE_DIR: cacheDir, TAG: scannerImageTag},
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe']
  }).trim()
}

export interface ImageRun {
  code: number | null
  stdout: string
  stderr: string
}

const runner = `set -e
root=$1; work=$2; shift 2
mkdir -p "$root/work"
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount --bind "$work" "$root/work"
set +e
chroot "$root" "$@"
`

/**
 * Runs `command` (argv) inside the image with `workDir` at /work (the working directory) and a
 * clean environment: PATH, HOME and `env`.
 */
export async function runInScannerImage(
  command: readonly string[],
  workDir: string,
  env: Record<string, string> = {}
): Promise<ImageRun> {
  const container = execFileSync('podman', ['create', scannerImageTag], {encoding: 'utf8'}).trim()
  try {
    const root = execFileSync('podman', ['mount', container], {encoding: 'utf8'}).trim()
    const envArgs = Object.entries({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: '/root',
      ...env
    }).map(([name, value]) => `${name}=${value}`)
    return await new Promise(resolve => {
      execFile(
        'unshare',
        [
          '--mount',
          '--pid',
          '--fork',
          'bash',
          '-c',
          runner,
          'run-in-image',
          root,
          workDir,
          '/usr/bin/env',
          '-i',
          ...envArgs,
          'sh',
          '-c',
          'cd /work && exec "$@"',
          'sh',
          ...command
        ],
        {maxBuffer: 64 * 1024 * 1024},
        (error, stdout, stderr) =>
          resolve({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
            stdout,
            stderr
          })
      )
    })
  } finally {
    execFileSync('podman', ['umount', container], {stdio: 'ignore'})
    execFileSync('podman', ['rm', container], {stdio: 'ignore'})
  }
}
