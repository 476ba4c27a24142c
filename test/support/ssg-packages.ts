/**
 * SCAP Security Guide content from Debian's newer suites, for tests: the `ssg-debian` package of a
 * given suite and version is downloaded with `scripts/debian-download.sh` when it is not in the
 * cache yet (so a fresh CI machine fetches it itself), then unpacked once with `dpkg -x` into
 * `<cache>/ssg/<package>_<version>/`. Returns the directory holding the data streams.
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rename, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

const run = promisify(execFile)
const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const debsDir = process.env.SCAPGATE_DEBS_CACHE ?? '/var/cache/scapgate-debs'
const unpackDir = join(process.env.SCAPGATE_TEST_CACHE ?? '/var/cache/scapgate-test', 'ssg')

export interface SsgPackage {
  suite: string
  /** Debian package version, e.g. `0.1.82-1`. */
  version: string
  /** Default `ssg-debian`. */
  name?: string
}

/** Newest Debian-packaged content (unstable): debian11/12/13, with SCE checks. */
export const ssg0182: SsgPackage = {suite: 'sid', version: '0.1.82-1'}
/** Debian 13's own content: debian11/12, no SCE checks. */
export const ssg0176: SsgPackage = {suite: 'trixie', version: '0.1.76-1'}

/** The `…/usr/share/xml/scap/ssg/content` directory of the unpacked package. */
export async function ensureSsgContent(pkg: SsgPackage): Promise<string> {
  const name = pkg.name ?? 'ssg-debian'
  const target = join(unpackDir, `${name}_${pkg.version}`)
  const content = join(target, 'usr/share/xml/scap/ssg/content')
  if (existsSync(content)) return content
  const deb = join(debsDir, pkg.suite, `${name}_${pkg.version}_all.deb`)
  if (!existsSync(deb)) {
    await run(
      'bash',
      [
        join(repoRoot, 'scripts/debian-download.sh'),
        pkg.suite,
        join(debsDir, pkg.suite),
        `${name}=${pkg.version}`
      ],
      {maxBuffer: 16 * 1024 * 1024}
    )
    if (!existsSync(deb))
      throw new Error(
        `Expected ${deb} after debian-download.sh, found nothing (is the version still in ${pkg.suite}?)`
      )
  }
  // Unpack beside the target and rename: parallel workers never see half a package.
  await mkdir(unpackDir, {recursive: true})
  const temp = await mkdtemp(join(unpackDir, `.${name}-`))
  try {
    await run('dpkg', ['-x', deb, temp])
    await rename(temp, target).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(content)) throw error // else another worker won the race
    })
  } finally {
    await rm(temp, {recursive: true, force: true})
  }
  return content
}
