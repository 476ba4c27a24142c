/**
 * What a verdict needs about an image besides its rule results, taken from the extracted root
 * while it still exists, so that `scapgate rejudge` can apply a new CVE feed later without the
 * image's layers: the dpkg database (only the fields OVAL's dpkginfo test and scapgate's source
 * matching read) and the release files OVAL feeds test (`/etc/debian_version`, os-release).
 * Read in-root (symbolic links resolved inside the root only), each file capped.
 */
import {readDpkgStatusText} from './dpkg-database.js'
import {readFileInRoot} from '../layers/in-root.js'

export interface ImageFacts {
  /** The dpkg `status` text reduced to the fields below; absent without a dpkg database. */
  dpkgStatus?: string
  /** In-root path → text, for the release files that exist. */
  releaseFiles: Record<string, string>
}

/**
 * The files distribution feeds read to tell the release (Debian: debian_version; os-release), and
 * dpkg's architecture tables, without which libapt (OpenSCAP < 1.3.10's dpkginfo probe) fails.
 */
export const RELEASE_FILES = [
  '/etc/debian_version',
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/lsb-release',
  '/usr/share/dpkg/cputable',
  '/usr/share/dpkg/tupletable'
] as const

const keptFields = new Set(['package', 'status', 'architecture', 'version', 'source', 'multi-arch'])
const maxReleaseFileBytes = 16 * 1024

/** The status text with only the fields dpkginfo and source matching use, paragraph by paragraph. */
export function reduceDpkgStatus(text: string): string {
  return `${text
    .split(/\n\s*\n/)
    .map(paragraph =>
      paragraph
        .split('\n')
        .filter(line => {
          const name = /^([A-Za-z][A-Za-z0-9-]*):/.exec(line)?.[1]
          return name !== undefined && keptFields.has(name.toLowerCase())
        })
        .join('\n')
    )
    .filter(paragraph => /^Package:/im.test(paragraph))
    .join('\n\n')}\n`
}

/** Never throws: facts that cannot be read are left out (the scan itself is unaffected). */
export async function collectImageFacts(root: string): Promise<ImageFacts> {
  const releaseFiles: Record<string, string> = {}
  for (const path of RELEASE_FILES) {
    const bytes = await readFileInRoot(root, path, maxReleaseFileBytes).catch(() => undefined)
    if (bytes !== undefined && bytes.length <= maxReleaseFileBytes)
      releaseFiles[path] = bytes.toString('utf8')
  }
  const status = await readDpkgStatusText(root).catch(() => undefined)
  return {...(status === undefined ? {} : {dpkgStatus: reduceDpkgStatus(status)}), releaseFiles}
}
