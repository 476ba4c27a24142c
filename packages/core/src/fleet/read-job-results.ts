/**
 * Fan-in input: the output sets that the matrix jobs left (their artifacts, downloaded). They are
 * untrusted — anyone who can push a branch can make a job upload anything — so each
 * `results.json` is read through the safe reader (size cap, no FIFOs, no links out of the
 * workspace) and validated against the results schema before a byte of it is believed. A set
 * whose scan did not complete (`status: "incomplete"`) or that does not validate counts as an
 * image that was not judged: it can fail the fleet, never pass it. Messages never quote the file.
 */
import {lstat, readdir} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {getErrorMessage, sanitizeForDisplay} from '../errors.js'
import type {GateVerdict} from '../gate/types.js'
import {readUserText} from '../io/read-user-file.js'
import resultsSchema from '../results/results-schema.json' with {type: 'json'}
import {checkJsonSchema, type JsonSchema} from '../results/json-schema-check.js'
import type {ScanResults} from '../results/model.js'

/** One job's result for one image. */
export type JobResult =
  | {
      kind: 'complete'
      /** The directory holding it, relative to the workspace (for messages and links). */
      source: string
      file: string
      results: ScanResults
      verdict: GateVerdict
    }
  | {
      kind: 'incomplete'
      source: string
      file: string
      /** The image as the document names it, or the directory when the document is unreadable. */
      image: string
      /** Why it was not judged (safe to show: built by us or sanitised). */
      reason: string
    }

/** How deep below each DIR a results.json is looked for (artifact downloads nest one level). */
const maxDepth = 3

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    info => info.isFile() || info.isSymbolicLink(),
    () => false
  )

/**
 * Every results.json at or below `dir`: `dir/results.json`, else its subdirectories (real
 * directories only, never through a link), sorted. A set's per-image subdirectories hold their
 * own results.json; the aggregated set at the top has none.
 */
export async function findJobResults(dir: string, depth = 0): Promise<string[]> {
  if (await exists(join(dir, 'results.json'))) return [join(dir, 'results.json')]
  if (depth >= maxDepth) return []
  let entries
  try {
    entries = await readdir(dir, {withFileTypes: true})
  } catch {
    return []
  }
  const found: string[] = []
  for (const entry of entries.filter(e => e.isDirectory() && !e.name.startsWith('.')).sort()) {
    found.push(...(await findJobResults(join(dir, entry.name), depth + 1)))
  }
  return found
}

const incompleteSchema: JsonSchema = {
  $defs: (resultsSchema as {$defs: unknown}).$defs,
  $ref: '#/$defs/incomplete'
}

/** Reads and validates one job's results.json; never throws for the file's content. */
export async function readJobResult(file: string, workspace: string): Promise<JobResult> {
  const source = relative(workspace, join(file, '..')) || '.'
  const shown = sanitizeForDisplay(source, 200)
  const broken = (reason: string): JobResult => ({
    kind: 'incomplete',
    source,
    file,
    image: shown,
    reason
  })
  let text: string
  try {
    text = await readUserText({
      path: file,
      kind: 'results',
      origin: 'command-line',
      workspace,
      display: relative(workspace, file)
    })
  } catch (error) {
    return broken(getErrorMessage(error))
  }
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    return broken(`${shown}/results.json is not valid JSON`)
  }
  if (typeof document !== 'object' || document === null)
    return broken(`${shown}/results.json is not a results document`)
  if ((document as {status?: unknown}).status === 'incomplete') {
    const violations = checkJsonSchema(incompleteSchema, document)
    if (violations.length > 0)
      return broken(
        `${shown}/results.json says the scan did not complete but does not match the schema (first violation at ${sanitizeForDisplay(violations[0]?.path ?? '/', 100)})`
      )
    const incomplete = document as {image: {reference: string}; reason: {message: string}}
    return {
      kind: 'incomplete',
      source,
      file,
      image: sanitizeForDisplay(incomplete.image.reference, 300),
      reason: `the scan did not complete: ${sanitizeForDisplay(incomplete.reason.message, 500)}`
    }
  }
  const violations = checkJsonSchema(resultsSchema as JsonSchema, document)
  if (violations.length > 0)
    return broken(
      `${shown}/results.json is not a results.json of a completed scan: ${violations.length} schema violation(s), the first at ${sanitizeForDisplay(violations[0]?.path ?? '/', 100)}`
    )
  const {
    gate,
    schema: _schema,
    version: _version,
    ...rest
  } = document as {
    gate: GateVerdict
    schema: string
    version: number
  } & ScanResults
  const {cves: _cves, ...results} = rest as ScanResults & {cves?: unknown}
  return {kind: 'complete', source, file, results, verdict: gate}
}
