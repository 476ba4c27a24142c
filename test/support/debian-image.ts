/**
 * Real Debian images for integration tests and benchmarks: a debootstrap minbase root of the
 * release's suite, imported into podman, with the layers of
 * `test/fixtures/images/<release>-app/Containerfile` on top, saved as a docker archive, an OCI
 * archive and an OCI layout. `debian11` (bullseye) is the default; `debian12` (bookworm) and
 * `debian13` (trixie) are the images people build today.
 *
 * The first call builds it (about a minute, needs root, podman, debootstrap, skopeo and the Debian
 * mirror); later calls reuse the cache and take well under a second. The heavy lifting and the
 * locking live in `build-debian-image.sh`; this module only decides the cache key and reads the
 * result back.
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const supportDir = fileURLToPath(new URL('.', import.meta.url))
const buildScript = join(supportDir, 'build-debian-image.sh')
const fixturesDir = resolve(supportDir, '../fixtures/images')
const defaultCacheDir = '/var/cache/scapgate-test'

const rule = (name: string): string => `xccdf_org.ssgproject.content_rule_${name}`

/**
 * Rules of SSG 0.1.65's debian11 `standard` profile that fail on the image scanned as a container.
 * Every other applicable rule of that profile passes (12 file rules, 5 package-removed rules);
 * the `#machine` rules are notapplicable.
 */
export const debian11AppExpectedFailures: readonly string[] = [
  // SSG content: with no System.map at all the check still fails (`does not exist` object)
  rule('file_permissions_systemmap'),
  rule('file_owner_etc_passwd'),
  rule('file_permissions_etc_shadow'),
  rule('package_telnetd_removed')
]

export interface DebianImage {
  /** podman image name (`localhost/scapgate-test/debian11-app:<key>`). */
  imageName: string
  /** Image id: the config digest, `sha256:…`. */
  imageId: string
  /** Digest of the OCI manifest in `ociDir` / `ociArchive`. */
  manifestDigest: string
  /** `podman save --format docker-archive`. */
  dockerArchive: string
  /** `podman save --format oci-archive`. */
  ociArchive: string
  /** OCI image layout directory; the image is tagged {@link ociTag} in it. */
  ociDir: string
  ociTag: string
  /** The image's `Config.Env`. */
  env: string[]
  /** The cached debootstrap root the base layer was made from (treat as read-only). */
  rootfs: string
  containerfile: string
  /**
   * debian11 only: full XCCDF rule ids expected to fail under SSG 0.1.65's debian11 `standard`
   * profile. Newer releases are judged against a reference oscap run on the same root instead
   * (their expected results depend on the content version).
   */
  expectedFailures: string[]
  release: DebianRelease
  /** Seconds since the epoch used for `podman build --timestamp` and the base layer's mtimes. */
  epoch: number
}

export type DebianRelease = 'debian11' | 'debian12' | 'debian13'

const suites: Record<DebianRelease, string> = {
  debian11: 'bullseye',
  debian12: 'bookworm',
  debian13: 'trixie'
}

export interface EnsureDebianImageOptions {
  /** Which Debian release; default `debian11`. */
  release?: DebianRelease
  /**
   * Which fixture of that release: `app` (default, `test/fixtures/images/<release>-app`) or
   * `held` (`<release>-held`: the app image with telnetd on hold; debian12 only).
   */
  fixture?: DebianFixture
  /** Cache root; default `$SCAPGATE_TEST_CACHE` or `/var/cache/scapgate-test`. */
  cacheDir?: string
  /** Receives the build script's progress lines (cold builds only). */
  log?: (line: string) => void
}

const variant = 'minbase'

export type DebianFixture = 'app' | 'held'

const contextDir = (release: DebianRelease, fixture: DebianFixture = 'app'): string =>
  join(fixturesDir, `${release}-${fixture}`)

/** The cache key: anything that changes the built image must change it. */
export function debianImageKey(
  release: DebianRelease = 'debian11',
  fixture: DebianFixture = 'app'
): string {
  const hash = createHash('sha256')
  for (const part of [
    suites[release],
    variant,
    readFileSync(join(contextDir(release, fixture), 'Containerfile')),
    readFileSync(buildScript)
  ]) {
    hash.update(part)
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** Returns the cached image, building it first if needed. Safe to call from parallel workers. */
export async function ensureDebianImage(
  options: EnsureDebianImageOptions = {}
): Promise<DebianImage> {
  const cacheDir = options.cacheDir ?? process.env.SCAPGATE_TEST_CACHE ?? defaultCacheDir
  const release = options.release ?? 'debian11'
  const fixture = options.fixture ?? 'app'
  const key = debianImageKey(release, fixture)
  const imageDir = join(cacheDir, 'images', `${release}-${fixture}-${key}`)
  const fields = existsSync(join(imageDir, 'image.env')) ? readImageEnv(imageDir) : undefined
  const podmanId = fields === undefined ? undefined : await podmanImageId(fields.IMAGE_NAME ?? '')
  if (fields === undefined || podmanId !== fields.IMAGE_ID) {
    await runBuildScript({cacheDir, key, release, fixture, log: options.log})
  }
  return describe(imageDir, release, fixture, readImageEnv(imageDir))
}

function describe(
  imageDir: string,
  release: DebianRelease,
  fixture: DebianFixture,
  fields: Record<string, string>
): DebianImage {
  const get = (name: string): string => {
    const value = fields[name]
    if (value === undefined || value === '') {
      throw new Error(`Expected ${name} in ${join(imageDir, 'image.env')}, found none`)
    }
    return value
  }
  const env: unknown = JSON.parse(get('ENV_JSON'))
  if (!Array.isArray(env) || !env.every(item => typeof item === 'string')) {
    throw new Error(
      `Expected ENV_JSON in ${imageDir}/image.env to be a string array, got ${get('ENV_JSON')}`
    )
  }
  return {
    imageName: get('IMAGE_NAME'),
    imageId: get('IMAGE_ID'),
    manifestDigest: get('MANIFEST_DIGEST'),
    dockerArchive: join(imageDir, 'docker-archive.tar'),
    ociArchive: join(imageDir, 'oci-archive.tar'),
    ociDir: join(imageDir, 'oci'),
    ociTag: get('OCI_TAG'),
    env,
    rootfs: get('ROOTFS'),
    containerfile: join(contextDir(release, fixture), 'Containerfile'),
    expectedFailures:
      release === 'debian11' && fixture === 'app' ? [...debian11AppExpectedFailures] : [],
    release,
    epoch: Number(get('EPOCH'))
  }
}

function readImageEnv(imageDir: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const line of readFileSync(join(imageDir, 'image.env'), 'utf8').split('\n')) {
    const at = line.indexOf('=')
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1)
  }
  return fields
}

/** The image id podman has for `name` (`sha256:…`), or undefined. */
function podmanImageId(name: string): Promise<string | undefined> {
  if (name === '') return Promise.resolve(undefined)
  return new Promise(done =>
    execFile('podman', ['image', 'inspect', '--format', '{{.Id}}', name], (error, stdout) =>
      done(error === null ? `sha256:${stdout.trim().replace(/^sha256:/, '')}` : undefined)
    )
  )
}

function runBuildScript(args: {
  cacheDir: string
  key: string
  release: DebianRelease
  fixture: DebianFixture
  log: ((line: string) => void) | undefined
}) {
  return new Promise<void>((done, fail) => {
    const child = execFile(
      'bash',
      [buildScript],
      {
        env: {
          ...process.env,
          CACHE_DIR: args.cacheDir,
          KEY: args.key,
          CONTEXT: contextDir(args.release, args.fixture),
          NAME: `${args.release}-${args.fixture}`,
          RELEASE: args.release,
          SUITE: suites[args.release]
        },
        maxBuffer: 64 * 1024 * 1024
      },
      (error, _stdout, stderr) => {
        if (error === null) return done()
        fail(
          new Error(
            `${buildScript} failed (${error.message.split('\n')[0]}):\n${stderr.slice(-4000)}`
          )
        )
      }
    )
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') args.log?.(line)
    })
  })
}
