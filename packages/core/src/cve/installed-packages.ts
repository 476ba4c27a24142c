import {readDpkgStatusText} from '../packages/dpkg-database.js'

/** One package paragraph of the dpkg database. */
export interface DpkgPackage {
  name: string
  version: string
  architecture: string
  /** The `Status:` field, e.g. `install ok installed`; `''` when absent (distroless `status.d`). */
  status: string
  /** Source package name when it differs (`Source: openssl (3.0.11-1)` → `openssl`). */
  source?: string
  /**
   * The source package's version when it differs from the binary's (`Source: openssl (3.0.11-1)`
   * → `3.0.11-1`; binNMUs, and sources whose binaries carry their own versions). dpkg writes the
   * parenthesised version only then: otherwise the binary's `version` is the source version.
   */
  sourceVersion?: string
}

/**
 * Parses dpkg's `status` format (deb822 paragraphs). Continuation lines are ignored (only
 * single-line fields are read). Paragraphs without `Package` or `Version` are skipped.
 */
export function parseDpkgStatus(text: string): DpkgPackage[] {
  const packages: DpkgPackage[] = []
  for (const paragraph of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>()
    for (const line of paragraph.split('\n')) {
      const match = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/.exec(line)
      if (match) fields.set((match[1] as string).toLowerCase(), (match[2] as string).trim())
    }
    const name = fields.get('package')
    const version = fields.get('version')
    if (name === undefined || version === undefined || name === '' || version === '') continue
    const sourceField = fields.get('source') ?? ''
    const source = /^(\S+)/.exec(sourceField)?.[1]
    const sourceVersion = /^\S+\s+\(\s*([^()\s]+)\s*\)/.exec(sourceField)?.[1]
    packages.push({
      name,
      version,
      architecture: fields.get('architecture') ?? '',
      status: fields.get('status') ?? '',
      ...(source === undefined || source === name ? {} : {source}),
      ...(sourceVersion === undefined || sourceVersion === version ? {} : {sourceVersion})
    })
  }
  return packages
}

/** The source package a binary was built from, and that source's version (dpkg-query's `${source:Package}`, `${source:Version}`). */
export function sourceOf(pkg: DpkgPackage): {name: string; version: string} {
  return {name: pkg.source ?? pkg.name, version: pkg.sourceVersion ?? pkg.version}
}

/** Installed in the sense dpkg-query's `ii` means; `status.d` entries (no Status field) count as installed. */
export function isInstalled(pkg: DpkgPackage): boolean {
  return pkg.status === '' || /\binstalled$/.test(pkg.status)
}

/**
 * Reads the image's dpkg database: `/var/lib/dpkg/status` and, for distroless images,
 * `/var/lib/dpkg/status.d/*`. Paths resolve inside the root only. Returns `undefined` when the
 * image has neither (not a dpkg-based image). Packages marked `not-installed` are left out; others
 * (config-files, half-installed) are kept, so the set is a superset of what oscap may match.
 */
export async function readDpkgPackages(root: string): Promise<DpkgPackage[] | undefined> {
  // The same view of the database as the compliance scan (issue 12: status.d assembled).
  const status = await readDpkgStatusText(root)
  if (status === undefined) return undefined
  return parseDpkgStatus(status).filter(pkg => !/\bnot-installed$/.test(pkg.status))
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
