/**
 * The result cache: a completed scan's evidence (ARF, HTML report) and result model, keyed by what
 * determines them — the image config digest (which pins every layer through `diff_ids`), the
 * platform, the content (its request and its sha256), the profile, the tailoring's sha256, and
 * scapgate's and oscap's versions. The gate is not cached: a hit re-applies the current policy.
 *
 * Layout: `<dir>/results/<key>/entry.json` (model, verdict) and `files/` (every output the scan
 * wrote: ARF, HTML report, SARIF, fixes …), directories 0700, entries
 * written to a temporary directory and renamed into place, so a reader never sees half an entry.
 * An entry that does not validate is ignored (a miss), never trusted: the cache directory is
 * input like any other, though it should be private to the CI job (it is not a trust boundary
 * against someone who can write to it: they could also write the ARF the evidence is).
 */
import {createHash, randomBytes} from 'node:crypto'
import {copyFile, lstat, mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import resultsSchema from '../results/results-schema.json' with {type: 'json'}
import {checkJsonSchema, type JsonSchema} from '../results/json-schema-check.js'
import {resultsSchemaUri, resultsSchemaVersion} from '../results/results-json.js'
import type {ScanResults} from '../results/model.js'

export const cacheEntrySchema = 'https://scapgate.dev/schemas/cache-entry/v1'

export interface CacheKeyInput {
  configDigest: string
  platform: string
  /** `--content` as resolved, or the content directory plus its data stream names when chosen automatically. */
  content: string | {directory: string; streams: string[]}
  profile: string
  tailoringSha256?: string
  /** Findings point at Dockerfile lines: another Dockerfile means other locations. */
  dockerfileSha256?: string
  scapgateVersion: string
  oscapVersion: string
}

export interface CachedScan {
  results: ScanResults
  contentRuleIds: string[]
  /** The verdict the outputs were written with (compared, never trusted). */
  verdictJson: string
  /** Directory holding the outputs of the scan, as written (`arf.xml`, `report.html`, `results.sarif`, `fixes/` …). */
  filesDir: string
}

export interface ScanToStore {
  results: ScanResults
  contentRuleIds: readonly string[]
  verdict: unknown
  /** The scan's output directory, and the time the scan started: only files written since are kept. */
  outDir: string
  since: number
}

export function cacheKey(input: CacheKeyInput): string {
  const stable = JSON.stringify([
    cacheEntrySchema,
    input.configDigest,
    input.platform,
    input.content,
    input.profile,
    input.tailoringSha256 ?? null,
    input.dockerfileSha256 ?? null,
    input.scapgateVersion,
    input.oscapVersion
  ])
  return createHash('sha256').update(stable).digest('hex')
}

function entryDir(dir: string, key: string): string {
  return join(dir, 'results', key)
}

// The result model as results.json holds it, minus the gate (which is never cached).
export const modelSchema = {
  ...(resultsSchema as Record<string, unknown>),
  required: ((resultsSchema as {required: string[]}).required ?? []).filter(k => k !== 'gate')
} as JsonSchema

/** The cached scan for `key`, or undefined (absent, unreadable or invalid: all misses). */
export async function lookupScan(dir: string, key: string): Promise<CachedScan | undefined> {
  const at = entryDir(dir, key)
  let entry: unknown
  try {
    entry = JSON.parse(await readFile(join(at, 'entry.json'), 'utf8'))
  } catch {
    return undefined
  }
  if (typeof entry !== 'object' || entry === null) return undefined
  const {
    schema,
    key: storedKey,
    results,
    contentRuleIds,
    verdict
  } = entry as Record<string, unknown>
  if (schema !== cacheEntrySchema || storedKey !== key) return undefined
  if (!Array.isArray(contentRuleIds) || !contentRuleIds.every(id => typeof id === 'string'))
    return undefined
  const document = {schema: resultsSchemaUri, version: resultsSchemaVersion, ...(results as object)}
  if (
    typeof results !== 'object' ||
    results === null ||
    checkJsonSchema(modelSchema, document).length > 0
  ) {
    return undefined
  }
  return {
    results: results as ScanResults,
    contentRuleIds: contentRuleIds as string[],
    verdictJson: JSON.stringify(verdict),
    filesDir: join(at, 'files')
  }
}

/** Regular files under `dir` (relative paths), not following symlinks. */
export async function listFiles(dir: string, since = 0): Promise<string[]> {
  const found: string[] = []
  const walk = async (rel: string): Promise<void> => {
    for (const entry of await readdir(join(dir, rel), {withFileTypes: true})) {
      const path = rel === '' ? entry.name : join(rel, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() && (since === 0 || (await lstat(join(dir, path))).mtimeMs >= since))
        found.push(path)
    }
  }
  await walk('')
  return found.sort()
}

export async function copyFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(to, file)), {recursive: true})
    await copyFile(join(from, file), join(to, file))
  }
}

/**
 * Stores a completed scan: its model, its verdict and the output files it wrote. Best effort: a
 * cache that cannot be written never fails the scan (returns false).
 */
export async function storeScan(dir: string, key: string, scan: ScanToStore): Promise<boolean> {
  const parent = join(dir, 'results')
  const staging = join(parent, `.tmp-${randomBytes(8).toString('hex')}`)
  try {
    await mkdir(parent, {recursive: true, mode: 0o700})
    await mkdir(join(staging, 'files'), {recursive: true, mode: 0o700})
    await copyFiles(scan.outDir, join(staging, 'files'), await listFiles(scan.outDir, scan.since))
    const entry = {
      schema: cacheEntrySchema,
      key,
      contentRuleIds: scan.contentRuleIds,
      verdict: scan.verdict,
      results: scan.results
    }
    await writeFile(join(staging, 'entry.json'), `${JSON.stringify(entry)}\n`, {mode: 0o600})
    await rm(entryDir(dir, key), {recursive: true, force: true})
    await rename(staging, entryDir(dir, key))
    return true
  } catch {
    await rm(staging, {recursive: true, force: true}).catch(() => {})
    return false
  }
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

/**
 * The default cache directory from an injected environment: `$SCAPGATE_CACHE_DIR` (shared with
 * the registry blob cache), else `$XDG_CACHE_HOME/scapgate`, else `$HOME/.cache/scapgate`;
 * undefined (no cache) when none is set.
 */
export function defaultCacheDir(env: Record<string, string | undefined>): string | undefined {
  if (env['SCAPGATE_CACHE_DIR']) return env['SCAPGATE_CACHE_DIR']
  if (env['XDG_CACHE_HOME']) return join(env['XDG_CACHE_HOME'], 'scapgate')
  if (env['HOME']) return join(env['HOME'], '.cache', 'scapgate')
  return undefined
}
