import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {type OsRelease, describeOs} from '../content/os-release.js'

export type FeedDistribution = 'debian' | 'ubuntu' | 'rhel'

/** Where the vulnerability feed for an OS comes from (docs/reference/openscap.md §12). */
export interface FeedSource {
  url: string
  distribution: FeedDistribution
  /** `bookworm`, `jammy`, `9`. */
  release: string
  /** Published checksums for the feed, when the source offers them. */
  checksums?: {url: string; entry: string; format: 'pulp-manifest'}
}

const DEBIAN_CODENAMES: Record<string, string> = {
  '9': 'stretch',
  '10': 'buster',
  '11': 'bullseye',
  '12': 'bookworm',
  '13': 'trixie'
}

const UBUNTU_CODENAMES: Record<string, string> = {
  '18.04': 'bionic',
  '20.04': 'focal',
  '22.04': 'jammy',
  '24.04': 'noble'
}

const RHEL_V2 = 'https://security.access.redhat.com/data/oval/v2'

/**
 * Picks the feed for the image's OS:
 * - Debian → `oval-definitions-<codename>.xml.bz2` (debian.org publishes no checksums; HTTPS only);
 * - Ubuntu → Canonical's OCI variant of the CVE feed, `oci.com.ubuntu.<codename>.cve.oval.xml.bz2`,
 *   which reads packages from a `./manifest` instead of dpkginfo, and includes unfixed CVEs;
 * - RHEL and UBI (`ID=rhel`) → OVAL v2 `RHEL<major>/rhel-<major>.oval.xml.bz2`, checked against the
 *   `PULP_MANIFEST` Red Hat publishes beside the feeds.
 * Throws {@link ConfigurationError} naming the OS for anything else: pass a feed explicitly then.
 */
export function selectFeed(os: OsRelease | undefined): FeedSource {
  const id = os?.id
  if (id === 'debian') {
    const codename =
      os?.versionCodename ?? DEBIAN_CODENAMES[(os?.versionId ?? '').split('.')[0] ?? '']
    if (codename !== undefined && /^[a-z]+$/.test(codename)) {
      return {
        url: `https://www.debian.org/security/oval/oval-definitions-${codename}.xml.bz2`,
        distribution: 'debian',
        release: codename
      }
    }
  }
  if (id === 'ubuntu') {
    const codename = os?.versionCodename ?? UBUNTU_CODENAMES[os?.versionId ?? '']
    if (codename !== undefined && /^[a-z]+$/.test(codename)) {
      return {
        url: `https://security-metadata.canonical.com/oval/oci.com.ubuntu.${codename}.cve.oval.xml.bz2`,
        distribution: 'ubuntu',
        release: codename
      }
    }
  }
  if (id === 'rhel') {
    const major = /^(\d+)/.exec(os?.versionId ?? '')?.[1]
    if (major !== undefined) {
      const entry = `RHEL${major}/rhel-${major}.oval.xml.bz2`
      return {
        url: `${RHEL_V2}/${entry}`,
        distribution: 'rhel',
        release: major,
        checksums: {url: `${RHEL_V2}/PULP_MANIFEST`, entry, format: 'pulp-manifest'}
      }
    }
  }
  const name =
    os === undefined ? 'an image without /etc/os-release' : sanitizeForDisplay(describeOs(os), 80)
  throw new ConfigurationError(
    `Expected an image of Debian, Ubuntu or RHEL/UBI for CVE scanning (their OVAL feeds are known), found ${name}; pass --feed FILE|URL with an OVAL vulnerability feed for it`
  )
}

/** The distribution a feed's packages are versioned by, from the image's OS when no feed was selected. */
export function distributionOf(os: OsRelease | undefined): FeedDistribution | undefined {
  const ids = [os?.id, ...(os?.idLike ?? [])]
  if (ids.includes('ubuntu')) return 'ubuntu'
  if (ids.includes('debian')) return 'debian'
  if (ids.some(id => id === 'rhel' || id === 'fedora' || id === 'centos')) return 'rhel'
  return undefined
}
