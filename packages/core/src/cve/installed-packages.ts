import {lstat, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {readFileInRoot, resolveInRoot} from '../layers/in-root.js'

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

const MAX_STATUS_BYTES = 64 * 1024 * 1024
const MAX_STATUS_D_FILES = 10_000

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
  const status = await readFileInRoot(root, '/var/lib/dpkg/status', MAX_STATUS_BYTES)
  const parts: DpkgPackage[] = status === undefined ? [] : parseDpkgStatus(status.toString('utf8'))
  let found = status !== undefined
  const dir = await resolveInRoot(root, '/var/lib/dpkg/status.d')
  const info = await lstat(dir).catch(() => undefined)
  if (info?.isDirectory()) {
    found = true
    const names = (await readdir(dir)).sort().slice(0, MAX_STATUS_D_FILES)
    for (const name of names) {
      // Distroless also keeps `<pkg>.md5sums` here; only control paragraphs matter.
      if (name.endsWith('.md5sums')) continue
      const file = await lstat(join(dir, name)).catch(() => undefined)
      if (!file?.isFile()) continue
      const bytes = await readFileInRoot(root, `/var/lib/dpkg/status.d/${name}`, MAX_STATUS_BYTES)
      if (bytes !== undefined) parts.push(...parseDpkgStatus(bytes.toString('utf8')))
    }
  }
  if (!found) return undefined
  return parts.filter(pkg => !/\bnot-installed$/.test(pkg.status))
}

/**
 * The `./manifest` Canonical's OCI feeds read (openscap.md §12): `name:arch<TAB>version` for every
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
