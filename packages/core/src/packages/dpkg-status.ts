/**
 * The one parser of dpkg's `status` format (deb822 paragraphs, `/var/lib/dpkg/status` and the
 * records of `status.d/`), and the one definition of what a paragraph's `Status` means. Blame
 * (which layer installed a package) and CVE matching (which packages can be vulnerable) both read
 * packages through it.
 *
 * `Status: <want> <flag> <state>` (dpkg(1), "package states"). Only the last word, the state,
 * says what is on disk; the want (`install`, `hold`, `deinstall`, `purge`) is a wish and the flag
 * (`ok`, `reinstreq`) a repair note, so neither changes the answer: `hold ok installed` and
 * `deinstall ok installed` are installed. Three answers, each with its reason:
 *
 * - **installed** (state `installed`, dpkg-query's `ii`/`hi`/`ri`): the package is unpacked and
 *   configured. Blame says "<package> <version> is installed" only for these, as dpkg does.
 * - **files present** (installed, and `unpacked`, `half-configured`, `half-installed`,
 *   `triggers-awaited`, `triggers-pending`): the package's files are (at least partly) on disk.
 *   CVE matching takes these: a vulnerable binary that is unpacked but not configured, or whose
 *   upgrade broke half-way, is still there to be exploited.
 * - **absent** (`config-files`: only conffiles are left; `not-installed`; any state dpkg does not
 *   define): no files of the package. Neither blame nor CVE matching counts them.
 *
 * A paragraph without `Status` counts as installed: distroless `status.d` records have none and
 * every one of them is installed by construction (packages/dpkg-database.ts assembles them so).
 *
 * Tolerant, since the file comes from the image: continuation lines are ignored (only single-line
 * fields are read), and a paragraph without `Package` or `Version` is skipped, never an error.
 */

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

export type DpkgPresence = 'installed' | 'files-present' | 'absent'

const filesPresentStates = new Set([
  'unpacked',
  'half-configured',
  'half-installed',
  'triggers-awaited',
  'triggers-pending'
])

/** What a package's `Status` says is on disk (see the module comment for the reasons). */
export function dpkgPresence(pkg: Pick<DpkgPackage, 'status'>): DpkgPresence {
  const words = pkg.status.trim().split(/\s+/)
  const state = words[words.length - 1] ?? ''
  if (pkg.status.trim() === '' || state === 'installed') return 'installed'
  return filesPresentStates.has(state) ? 'files-present' : 'absent'
}

/** Installed in the sense dpkg-query's `ii` means; `status.d` entries (no Status field) count. */
export function isInstalled(pkg: Pick<DpkgPackage, 'status'>): boolean {
  return dpkgPresence(pkg) === 'installed'
}

/** The package's files are on disk, at least partly (installed or caught between states). */
export function hasFilesOnDisk(pkg: Pick<DpkgPackage, 'status'>): boolean {
  return dpkgPresence(pkg) !== 'absent'
}

/** Parses dpkg's `status` format; see the module comment for what is tolerated. */
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

/** Installed package name → version (the last paragraph of a name wins, as in dpkg's own order). */
export function installedVersions(text: string): Map<string, string> {
  const installed = new Map<string, string>()
  for (const pkg of parseDpkgStatus(text)) {
    if (isInstalled(pkg)) installed.set(pkg.name, pkg.version)
  }
  return installed
}
