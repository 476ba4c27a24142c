/**
 * Uploads one image's SARIF to code scanning (`POST /repos/{owner}/{repo}/code-scanning/sarifs`,
 * gzip then base64). The REST API has no `category` field: the category lives in the SARIF as
 * `runs[].automationDetails.id` (`category/run-id`), which the core sets per image and profile, so
 * re-uploads for the same image and profile replace each other and different images never do.
 * Failures are never fatal: a fork PR's read-only token answers 403, and the SARIF stays
 * available as an artifact.
 */
import {readFile} from 'node:fs/promises'
import {gzipSync} from 'node:zlib'
import type {GitHubApi} from './github-api.js'

/** GitHub rejects gzipped SARIF over 10 MB (docs/reference/platform-limits.md §1.2). */
export const maxGzippedBytes = 10 * 1024 * 1024

export interface SarifUploadTarget {
  owner: string
  repo: string
  commitSha: string
  ref: string
  /** `file:///…/` of the checkout: SARIF URIs are relative to it. */
  checkoutUri: string
}

/** Adds a category when the SARIF has none (it normally has one). */
export function ensureCategory(sarif: unknown, category: string): unknown {
  if (typeof sarif !== 'object' || sarif === null) return sarif
  const runs = (sarif as {runs?: unknown}).runs
  if (!Array.isArray(runs)) return sarif
  for (const run of runs) {
    if (typeof run !== 'object' || run === null) continue
    const details = (run as {automationDetails?: {id?: unknown}}).automationDetails
    if (typeof details?.id !== 'string' || details.id === '')
      (run as {automationDetails?: unknown}).automationDetails = {id: `${category}/`}
  }
  return sarif
}

export async function uploadSarif(
  api: GitHubApi,
  target: SarifUploadTarget,
  sarifPath: string,
  category: string
): Promise<{id?: string; bytes: number}> {
  const sarif = ensureCategory(JSON.parse(await readFile(sarifPath, 'utf8')) as unknown, category)
  const gzipped = gzipSync(Buffer.from(JSON.stringify(sarif)))
  if (gzipped.length > maxGzippedBytes)
    throw new Error(
      `the gzipped SARIF is ${gzipped.length} bytes; code scanning takes at most ${maxGzippedBytes}`
    )
  const {data} = await api.request<{id?: string}>(
    'POST',
    `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}/code-scanning/sarifs`,
    {
      commit_sha: target.commitSha,
      ref: target.ref,
      sarif: gzipped.toString('base64'),
      checkout_uri: target.checkoutUri,
      tool_name: 'scapgate'
    }
  )
  return {...(typeof data?.id === 'string' ? {id: data.id} : {}), bytes: gzipped.length}
}
