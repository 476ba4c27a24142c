/**
 * What oscap's package probes see of an image (issue 12):
 *
 * - a full dpkg database: the image as it is;
 * - distroless `status.d` records: a `status` assembled from them, added through the sandbox's
 *   private upper layer (never into the image's files), so dpkginfo, blame and CVE matching read
 *   the same packages;
 * - a Debian-family image with no database at all: an empty `status`, so that OpenSCAP's dpkginfo
 *   probe initialises (without it oscap fails with "dpkginfo_init has failed", and would report
 *   every `package_*_removed` rule as pass). Every rule whose check uses a dpkginfo test is then
 *   turned into `error` (`unevaluable-rules.ts`): an empty database proves nothing.
 */
import {lstat} from 'node:fs/promises'
import {join} from 'node:path'
import type {OsRelease} from '../content/os-release.js'
import type {Logger} from '../logging.js'
import {DPKG_STATUS, inspectDpkgDatabase, type DpkgDatabase} from './dpkg-database.js'
import {
  DPKG_CPUTABLE,
  DPKG_CPUTABLE_PATH,
  DPKG_TUPLETABLE,
  DPKG_TUPLETABLE_PATH
} from './dpkg-tables.js'
import {selectionsCopy} from './dpkg-selections.js'
import type {UpperFile} from './upper-layer.js'

export const NO_DPKG_DATABASE_REASON =
  'the image has no dpkg database; package rules cannot be evaluated'

export interface PackageView {
  layout: DpkgDatabase['layout']
  /** Files to add to the image's view through the sandbox's upper layer (`upper-layer.ts`). */
  files: UpperFile[]
  /**
   * Set when package rules cannot be evaluated: every rule whose check uses a dpkginfo test ends
   * `error` with this reason.
   */
  unevaluablePackageRules?: string
  /**
   * What the scan changed in oscap's view of the database to work around a scanner quirk, one
   * sentence each, for results.json `scanner.notes` and the summary.
   */
  notes?: string[]
}

export interface PackageViewOptions {
  /**
   * The version of an oscap whose dpkginfo probe reads selections, not states (>= 1.3.10,
   * `dpkginfoReadsSelection`): held packages are then shown as selected for install
   * (`dpkg-selections.ts`).
   */
  selectionsFor?: string
}

/** True for Debian, Ubuntu and their derivatives (os-release `ID` or `ID_LIKE`). */
export function isDpkgFamily(os: OsRelease | undefined): boolean {
  if (os === undefined) return false
  return [os.id, ...os.idLike].some(id => id === 'debian' || id === 'ubuntu')
}

/** Inspects the root's dpkg database and lists what the scan must add to it. */
export async function preparePackageView(
  root: string,
  os: OsRelease | undefined,
  logger: Logger,
  options: PackageViewOptions = {}
): Promise<PackageView> {
  const database = await inspectDpkgDatabase(root)
  switch (database.layout) {
    case 'status': {
      // status.d and empty databases are assembled with `install ok installed` only.
      const copy =
        options.selectionsFor === undefined
          ? undefined
          : await selectionsCopy(root, options.selectionsFor)
      if (copy === undefined) return {layout: 'status', files: []}
      logger.info(copy.note)
      return {layout: 'status', files: [copy.file], notes: [copy.note]}
    }
    case 'unusable':
      logger.warning(`the image's dpkg database is left as it is: ${database.why}`)
      return {layout: 'unusable', files: []}
    case 'status.d': {
      if (database.skipped.length > 0) {
        logger.warning(
          `${database.skipped.length} file(s) of /var/lib/dpkg/status.d are not valid package records and were ignored`
        )
      }
      logger.debug(
        `dpkg status assembled from ${database.records.length} status.d record(s) for the scan`
      )
      return {
        layout: 'status.d',
        files: [{path: DPKG_STATUS, content: database.status}, ...(await missingDpkgTables(root))]
      }
    }
    case 'none': {
      if (!isDpkgFamily(os)) return {layout: 'none', files: []}
      logger.warning(`${NO_DPKG_DATABASE_REASON}: they are reported as error`)
      return {
        layout: 'none',
        files: [{path: DPKG_STATUS, content: ''}, ...(await missingDpkgTables(root))],
        unevaluablePackageRules: NO_DPKG_DATABASE_REASON
      }
    }
  }
}

/** dpkg's architecture tables, for a root that has neither (see `dpkg-tables.ts`). */
async function missingDpkgTables(root: string): Promise<UpperFile[]> {
  const present = await Promise.all(
    [DPKG_CPUTABLE_PATH, DPKG_TUPLETABLE_PATH].map(path =>
      lstat(join(root, path)).then(
        info => info.isFile(),
        () => false
      )
    )
  )
  if (present.some(Boolean)) return []
  return [
    {path: DPKG_CPUTABLE_PATH, content: DPKG_CPUTABLE},
    {path: DPKG_TUPLETABLE_PATH, content: DPKG_TUPLETABLE}
  ]
}
