/**
 * `results.json`: the result model + the gate verdict, versioned. Documented field by field in
 * `docs/results-schema.md`; the JSON Schema is `results-schema.json` beside this file.
 *
 * Versioning: `version` is an integer bumped only for breaking changes (a field removed, renamed
 * or retyped, a meaning changed); adding optional fields or new enum members that readers are told
 * to tolerate (gate reason kinds) is not breaking. `schema` is the URI of the major version.
 */
import type {GateVerdict} from '../gate/types.js'
import type {ScanResults} from './model.js'
import type {TrendHistory} from '../trend/history.js'

export const resultsSchemaUri = 'https://scapgate.dev/schemas/results/v1'
export const resultsSchemaVersion = 1

export type ResultsDocument = {
  schema: typeof resultsSchemaUri
  version: typeof resultsSchemaVersion
} & ScanResults & {
    gate: GateVerdict
    /** The CVE scan (`--cves`): its report and gate; see docs/cves.md. */
    cves?: object
    /** The score history with this run as its last point (docs/trend.md), when one is kept. */
    history?: TrendHistory
  }

export function toResultsDocument(
  results: ScanResults,
  verdict: GateVerdict,
  cves?: object,
  history?: TrendHistory
): ResultsDocument {
  return {
    schema: resultsSchemaUri,
    version: resultsSchemaVersion,
    ...results,
    gate: verdict,
    ...(cves === undefined ? {} : {cves}),
    ...(history === undefined ? {} : {history})
  }
}

/** Stable JSON text (2-space indent, trailing newline); key order follows the model. */
export function serializeResults(
  results: ScanResults,
  verdict: GateVerdict,
  cves?: object,
  history?: TrendHistory
): string {
  return `${JSON.stringify(toResultsDocument(results, verdict, cves, history), null, 2)}\n`
}

/** Why a scan did not complete, for machines: `interrupted` (SIGINT/SIGTERM), `configuration`, `error`. */
export type IncompleteKind = 'interrupted' | 'configuration' | 'error'

/**
 * The `results.json` of a scan that did not complete (`status: "incomplete"`, schema
 * `#/$defs/incomplete`): no model, and a gate whose status is `incomplete`, never `pass`.
 * `evidence` lists the files of this scan that are in the directory (the ARF once oscap finished).
 */
export interface IncompleteDocument {
  schema: typeof resultsSchemaUri
  version: typeof resultsSchemaVersion
  status: 'incomplete'
  image: {reference: string}
  reason: {kind: IncompleteKind; message: string}
  evidence: string[]
  time: string
  gate: {status: 'incomplete'; summary: string}
}

export function serializeIncomplete(options: {
  image: string
  kind: IncompleteKind
  message: string
  evidence: readonly string[]
  time?: Date
}): string {
  const document: IncompleteDocument = {
    schema: resultsSchemaUri,
    version: resultsSchemaVersion,
    status: 'incomplete',
    image: {reference: options.image},
    reason: {kind: options.kind, message: options.message},
    evidence: [...options.evidence],
    time: (options.time ?? new Date()).toISOString(),
    gate: {status: 'incomplete', summary: `The scan did not complete: ${options.message}`}
  }
  return `${JSON.stringify(document, null, 2)}\n`
}
