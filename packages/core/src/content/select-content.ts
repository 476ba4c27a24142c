import {readdir} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {readScannerOverrides} from '../environment/scanner-overrides.js'
import {type OsRelease, describeOs} from './os-release.js'

/** Where Debian's `ssg-debian`/`ssg-nondebian` and Fedora's `scap-security-guide` install data streams. */
export const DEFAULT_CONTENT_DIR = '/usr/share/xml/scap/ssg/content'

export interface SelectedContent {
  /** Absolute path of the data stream. */
  path: string
  /** Its file name, e.g. `ssg-debian11-ds.xml`. */
  fileName: string
  /** True when it was found through `ID_LIKE` (e.g. Rocky → RHEL content): rules may be notapplicable. */
  viaIdLike: boolean
  /** True when it is scapgate's container baseline (no SSG product for the OS, issue 12). */
  containerBaseline?: boolean
}

/**
 * Candidate data stream names for one os-release `ID`, most specific first. Version-less content
 * (Fedora, openSUSE) matches any version. The names follow SSG's `ssg-<product>-ds.xml`.
 */
export function dataStreamCandidates(id: string, versionId: string | undefined): string[] {
  const major = /^(\d+)/.exec(versionId ?? '')?.[1]
  const ubuntu = /^(\d+)\.(\d+)/.exec(versionId ?? '')
  const versioned = (...products: string[]): string[] =>
    major === undefined ? [] : products.map(product => `ssg-${product}${major}-ds.xml`)
  switch (id) {
    case 'debian':
      return versioned('debian')
    case 'ubuntu':
      return ubuntu ? [`ssg-ubuntu${ubuntu[1]}${ubuntu[2]}-ds.xml`] : []
    case 'rhel':
      return versioned('rhel')
    case 'centos':
      // CentOS Linux 7/8 and CentOS Stream share ID=centos; SSG names Stream content `cs<N>`.
      return versioned('centos', 'cs')
    case 'fedora':
      return ['ssg-fedora-ds.xml']
    case 'sles':
    case 'sled':
    case 'sle':
      return versioned('sle')
    case 'opensuse':
    case 'opensuse-leap':
    case 'opensuse-tumbleweed':
      return ['ssg-opensuse-ds.xml']
    case 'ol':
      return versioned('ol')
    case 'almalinux':
      return versioned('almalinux')
    case 'rocky':
      return versioned('rocky')
    case 'alinux':
      return versioned('alinux')
    case 'anolis':
      return versioned('anolis')
    case 'scientific':
      return versioned('sl')
    default:
      return []
  }
}

/**
 * Picks the SCAP data stream for an image's OS from `contentDir` (default: `SCAPGATE_CONTENT_DIR`,
 * then {@link DEFAULT_CONTENT_DIR}). Tries the OS's own `ID`, then each `ID_LIKE` with the same
 * version; when the OS has no SSG product at all, `containerBaseline` (the shipped container
 * baseline) if given. Throws {@link ConfigurationError} naming the OS, the names it looked for and the data
 * streams that are available. Does not check that the content's platform really matches the OS.
 */
export async function selectContent(
  os: OsRelease,
  contentDir?: string,
  containerBaseline?: string
): Promise<SelectedContent> {
  const dir = contentDir ?? readScannerOverrides().contentDir ?? DEFAULT_CONTENT_DIR
  const available = await listDataStreams(dir)
  const tried: string[] = []
  const ids = [...(os.id === undefined ? [] : [os.id]), ...os.idLike.filter(like => like !== os.id)]
  for (const [index, id] of ids.entries()) {
    for (const candidate of dataStreamCandidates(id, os.versionId)) {
      tried.push(candidate)
      if (available.includes(candidate)) {
        return {
          path: join(dir, candidate),
          fileName: candidate,
          viaIdLike: index > 0 || os.id === undefined
        }
      }
    }
  }
  // No SSG product exists for this OS at all (Alpine, no os-release): scapgate's own baseline.
  if (tried.length === 0 && containerBaseline !== undefined) {
    return {
      path: containerBaseline,
      fileName: basename(containerBaseline),
      viaIdLike: false,
      containerBaseline: true
    }
  }
  throw new ConfigurationError(noContentMessage(os, dir, tried, available))
}

/** The `*-ds.xml` files in `dir`, sorted. Throws {@link ConfigurationError} when `dir` is unreadable. */
export async function listDataStreams(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir)
    return names.filter(name => name.endsWith('-ds.xml')).sort()
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the SCAP content directory \`${dir}\` (${(error as Error).message}). Install SCAP Security Guide ` +
        'content (`ssg-debian` and `ssg-nondebian` on Debian/Ubuntu, `scap-security-guide` on Fedora/RHEL), set ' +
        'SCAPGATE_CONTENT_DIR, or pass a data stream explicitly.',
      {cause: error}
    )
  }
}

function noContentMessage(
  os: OsRelease,
  dir: string,
  tried: string[],
  available: string[]
): string {
  const name = sanitizeForDisplay(describeOs(os), 100)
  const lines = [
    tried.length === 0
      ? `No SCAP content is known for the image's OS, ${name} (os-release ID=${sanitizeForDisplay(os.id ?? '', 40)}).`
      : `No SCAP content for the image's OS, ${name}: looked for ${tried.join(', ')} in ${dir}.`
  ]
  const major = Number(/^(\d+)/.exec(os.versionId ?? '')?.[1])
  if ((os.id === 'debian' && major >= 12) || (os.id === 'ubuntu' && major >= 24)) {
    lines.push(
      `SCAP Security Guide 0.1.65 (the version Debian 12 ships) has no content for ${name}; ` +
        'a newer release of ComplianceAsCode/content provides it. Scanning with content for another release would ' +
        'report every rule as notapplicable.'
    )
  }
  lines.push(
    available.length === 0
      ? 'No data streams (*-ds.xml) are installed there.'
      : `Available: ${available.join(', ')}.`,
    'Pass a data stream explicitly to scan anyway.'
  )
  return lines.join(' ')
}
