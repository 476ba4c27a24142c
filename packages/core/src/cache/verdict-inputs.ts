/**
 * Per image digest, what a verdict needs — so that `scapgate rejudge` can apply today's policy,
 * waivers and CVE feed to a released image without pulling or extracting it (docs/fleets.md):
 * the rule results (the model, as results.json holds it, without the gate), the content's rule
 * ids (waivers are checked against them), the reduced dpkg database and release files, and the
 * sha256 of the ARF that is the evidence of those results.
 *
 * Layout: `<cacheDir>/released/<hex>.json`, one file per config digest and, when the image has
 * one, the same record under its manifest digest; written atomically (temporary name, rename),
 * mode 0600. Like the result cache, a record that does not validate is ignored, never trusted.
 */
import {randomBytes} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {ImageFacts} from '../packages/image-facts.js'
import {checkJsonSchema} from '../results/json-schema-check.js'
import {resultsSchemaUri, resultsSchemaVersion} from '../results/results-json.js'
import type {ScanResults} from '../results/model.js'
import {modelSchema} from './result-cache.js'

export const verdictInputsSchema = 'https://scapgate.dev/schemas/verdict-inputs/v1'

export interface VerdictInputs {
  schema: typeof verdictInputsSchema
  results: ScanResults
  contentRuleIds: string[]
  facts: ImageFacts
  evidence: {arfSha256: string}
  recordedAt: string
}

const digestPattern = /^sha256:([0-9a-f]{64})$/

function recordPath(cacheDir: string, digest: string): string | undefined {
  const hex = digestPattern.exec(digest)?.[1]
  return hex === undefined ? undefined : join(cacheDir, 'released', `${hex}.json`)
}

/** Best effort, as the result cache: false when it could not be written. */
export async function storeVerdictInputs(
  cacheDir: string,
  record: Omit<VerdictInputs, 'schema'>
): Promise<boolean> {
  const image = record.results.image
  const text = `${JSON.stringify({schema: verdictInputsSchema, ...record})}\n`
  try {
    await mkdir(join(cacheDir, 'released'), {recursive: true, mode: 0o700})
    for (const digest of [image.configDigest, image.manifestDigest]) {
      const path = digest === undefined ? undefined : recordPath(cacheDir, digest)
      if (path === undefined) continue
      const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`
      await writeFile(temporary, text, {mode: 0o600})
      await rename(temporary, path).catch(async (error: unknown) => {
        await rm(temporary, {force: true})
        throw error
      })
    }
    return true
  } catch {
    return false
  }
}

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every(v => typeof v === 'string')

/** The record for `digest` (config or manifest digest), or undefined: absent or invalid. */
export async function loadVerdictInputs(
  cacheDir: string,
  digest: string
): Promise<VerdictInputs | undefined> {
  const path = recordPath(cacheDir, digest)
  if (path === undefined) return undefined
  let record: unknown
  try {
    record = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    return undefined
  }
  if (typeof record !== 'object' || record === null) return undefined
  const {schema, results, contentRuleIds, facts, evidence, recordedAt} = record as Record<
    string,
    unknown
  >
  if (schema !== verdictInputsSchema || typeof recordedAt !== 'string') return undefined
  if (!Array.isArray(contentRuleIds) || !contentRuleIds.every(id => typeof id === 'string'))
    return undefined
  const f = facts as Partial<ImageFacts> | undefined
  if (
    f === undefined ||
    !isStringRecord(f.releaseFiles) ||
    (f.dpkgStatus !== undefined && typeof f.dpkgStatus !== 'string')
  )
    return undefined
  const arf = (evidence as {arfSha256?: unknown} | undefined)?.arfSha256
  if (typeof arf !== 'string' || !/^[0-9a-f]{64}$/.test(arf)) return undefined
  if (typeof results !== 'object' || results === null) return undefined
  const document = {schema: resultsSchemaUri, version: resultsSchemaVersion, ...results}
  if (checkJsonSchema(modelSchema, document).length > 0) return undefined
  const model = results as ScanResults
  if (model.image.configDigest !== digest && model.image.manifestDigest !== digest) return undefined
  return record as VerdictInputs
}
