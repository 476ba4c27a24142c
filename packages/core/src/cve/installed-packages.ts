import {readDpkgStatusText} from '../packages/dpkg-database.js'
import {isInstalled, parseDpkgStatus, type DpkgPackage} from '../packages/dpkg-status.js'

// The one dpkg parser and its definition of installed live in packages/dpkg-status.ts.
export {isInstalled, parseDpkgStatus, type DpkgPackage}

/** The source package a binary was built from, and that source's version (dpkg-query's `${source:Package}`, `${source:Version}`). */
export function sourceOf(pkg: DpkgPackage): {name: string; version: string} {
  return {name: pkg.source ?? pkg.name, version: pkg.sourceVersion ?? pkg.version}
}

/**
 * Reads the image's dpkg database: `/var/lib/dpkg/status` and, for distroless images,
 * `/var/lib/dpkg/status.d/*`. Paths resolve inside the root only. Returns `undefined` when the
 * image has neither (not a dpkg-based image). Packages marked `not-installed` are left out; others
 * (config-files, half-installed) are kept, so the set is a superset of what oscap may match (its
 * dpkginfo probe reads every paragraph); callers decide with `dpkgPresence` what counts.
 */
export async function readDpkgPackages(root: string): Promise<DpkgPackage[] | undefined> {
  // The same view of the database as the compliance scan (issue 12: status.d assembled).
  const status = await readDpkgStatusText(root)
  if (status === undefined) return undefined
  return parseDpkgStatus(status).filter(pkg => !/(^|\s)not-installed$/.test(pkg.status))
}

/**
 * The `./manifest` Canonical's OCI feeds read (docs/reference/openscap.md §12): `name:arch<TAB>version` for every
 * installed (`ii`) package, the format of `dpkg-query -W -f='${binary:Package}\t${Version}\n'`.
 */
export function ubuntuManifest(packages: readonly DpkgPackage[]): string {
  return packages
    .filter(pkg => isInstalled(pkg))
    .map(
      pkg => `${pkg.name}${pkg.architecture === '' ? '' : `:${pkg.architecture}`}\t${pkg.version}\n`
    )
    .join('')
}
