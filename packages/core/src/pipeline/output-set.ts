/**
 * The output set of one image: every file a scan writes goes to a private staging directory
 * inside the output directory (`<dir>/.scapgate-staging-XXXXXX`, so renames stay on one file
 * system), and reaches its final name only by rename(2). The caller holds the directory's lock
 * (`output-set-lock.ts`). docs/output-sets.md lists every crash state; in short:
 *
 * - `openOutputSet` retires the previous set: its `results.json` is replaced by an `incomplete`
 *   one (one rename), then its other files are removed. From here on the directory never holds a
 *   pass or an older scan's files.
 * - `publishEvidence`: the ARF as soon as oscap finished.
 * - `commit`: the complete set, file by file, `summary.md` and then `results.json` last; only a
 *   completed, gated scan commits.
 * - `abandon`: publish the evidence that exists (ARF, HTML report), write the incomplete
 *   `results.json` and `summary.md` with the reason, remove the staging directory.
 */
import {lstat, mkdtemp, readdir, rename, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {ATTESTATION_FILE, VULNS_ATTESTATION_FILE} from '../attest/attest-scan.js'
import {CancelledError, ConfigurationError, getErrorMessage, sanitizeForDisplay} from '../errors.js'
import {GITLAB_REPORT_FILE} from '../cve/cve-outputs.js'
import {CVE_RESULTS_FILE} from '../cve/scan-cves.js'
import type {Logger} from '../logging.js'
import {nameStorageError, writeOutputFile} from '../output/output-file.js'
import {renderIncompleteSummary} from '../report/incomplete-summary.js'
import {type IncompleteKind, serializeIncomplete} from '../results/results-json.js'
import {removeTree} from './work-dir.js'
import {HISTORY_FILE, TREND_SVG_FILE} from '../trend/history.js'

/** Every name scapgate writes into an image's output directory; nothing else there is touched. */
export const OUTPUT_SET_ENTRIES = [
  'arf.xml',
  'report.html',
  'results.sarif',
  'junit.xml',
  'codequality.json',
  GITLAB_REPORT_FILE,
  CVE_RESULTS_FILE,
  'fixes',
  ATTESTATION_FILE,
  VULNS_ATTESTATION_FILE,
  'summary.md',
  HISTORY_FILE,
  TREND_SVG_FILE,
  'results.json'
] as const

/** Files that are evidence: published even when the scan does not complete. */
const EVIDENCE = ['arf.xml', 'report.html'] as const

const STAGING_PREFIX = '.scapgate-staging-'

export interface OutputSet {
  /** The final directory. */
  dir: string
  /** Where the scan writes; published by {@link commit}. */
  staging: string
  /** Moves these files (written complete in staging) into place. */
  publishEvidence: (names: readonly string[]) => Promise<void>
  /** Publishes every file in staging; `results.json` last. */
  commit: () => Promise<void>
  /** The scan did not complete (`error` says why): see the file comment. Never throws. */
  abandon: (error: unknown) => Promise<void>
  /** Removes the staging directory (idempotent). */
  dispose: () => Promise<void>
}

function kindOf(error: unknown): IncompleteKind {
  if (error instanceof CancelledError) return 'interrupted'
  if (error instanceof ConfigurationError) return 'configuration'
  return 'error'
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false
  )

async function move(from: string, to: string): Promise<void> {
  await rename(from, to).catch((error: unknown) => {
    throw nameStorageError(error, to)
  })
}

/** Staging directories and temporary files left by runs that were killed (we hold the lock). */
async function removeLeftovers(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (join(dir, name) === keep) continue
    if (name.startsWith(STAGING_PREFIX) || /^\..+\.tmp-[0-9a-f]{12}$/.test(name))
      await removeTree(join(dir, name))
  }
}

/**
 * Opens a staging directory in `dir` (which the caller has locked) for a scan of `image`, and
 * retires the previous set at once: from here on `dir` holds no pass and no older file, whatever
 * happens to this run.
 */
export async function openOutputSet(
  dir: string,
  image: string,
  logger: Logger
): Promise<OutputSet> {
  const staging = await mkdtemp(join(dir, STAGING_PREFIX)).catch((error: unknown) => {
    throw nameStorageError(error, join(dir, `${STAGING_PREFIX}XXXXXX`))
  })
  let disposed: Promise<void> | undefined
  const dispose = (): Promise<void> => {
    disposed ??= removeTree(staging)
    return disposed
  }
  const published = new Set<string>()

  const writeIncomplete = async (kind: IncompleteKind, message: string): Promise<void> => {
    const evidence = EVIDENCE.filter(name => published.has(name))
    const safe = sanitizeForDisplay(message, 2000)
    // results.json first: from this rename on, no pass is on disk.
    await writeOutputFile(
      join(dir, 'results.json'),
      serializeIncomplete({image, kind, message: safe, evidence})
    )
    await writeOutputFile(join(dir, 'summary.md'), renderIncompleteSummary(image, safe))
  }

  const removeOld = async (): Promise<void> => {
    for (const name of OUTPUT_SET_ENTRIES) {
      if (name === 'results.json' || name === 'summary.md') continue
      await rm(join(dir, name), {recursive: true, force: true})
    }
  }
  const marker = (): Promise<void> =>
    writeIncomplete('interrupted', 'the scan had not finished when this was written')
  try {
    await removeLeftovers(dir, staging)
    // The marker first, so that no moment has a pass next to a partly removed set.
    await marker().catch(async () => {
      // A full disk: the old set's space may be what the marker needs.
      await rm(join(dir, 'results.json'), {force: true})
      await removeOld()
      await marker()
    })
    await removeOld()
  } catch (error) {
    // No room even for the marker: at least no old verdict stays.
    await rm(join(dir, 'results.json'), {force: true})
    await rm(join(dir, 'summary.md'), {force: true})
    await removeOld().catch(() => undefined)
    await dispose()
    throw error
  }

  return {
    dir,
    staging,
    async publishEvidence(names) {
      for (const name of names) {
        await move(join(staging, name), join(dir, name))
        published.add(name)
      }
    },
    async commit() {
      const names = (await readdir(staging)).filter(
        name => (OUTPUT_SET_ENTRIES as readonly string[]).includes(name) && !published.has(name)
      )
      const last = ['summary.md', 'results.json']
      for (const name of [...names.filter(n => !last.includes(n)), ...last]) {
        if (!names.includes(name)) continue
        await move(join(staging, name), join(dir, name))
        published.add(name)
      }
      await dispose()
    },
    async abandon(error) {
      const kind = kindOf(error)
      const message = getErrorMessage(error)
      const attempt = async (what: string, step: () => Promise<void>): Promise<void> => {
        await step().catch((failure: unknown) => {
          logger.warning(`${what} in ${dir}: ${getErrorMessage(failure)}`)
        })
      }
      for (const name of EVIDENCE) {
        if (published.has(name) || !(await exists(join(staging, name)))) continue
        await attempt(`could not publish ${name}`, async () => {
          await move(join(staging, name), join(dir, name))
          published.add(name)
        })
      }
      // Staging goes first: on a full disk its partial files hold the space the marker needs.
      await dispose()
      await attempt('could not record the incomplete scan', () => writeIncomplete(kind, message))
    },
    dispose
  }
}
