/**
 * One scapgate note per merge request and key, created or updated through GitLab's Notes API
 * (https://docs.gitlab.com/api/notes/#merge-requests). The note is found again by a hidden marker
 * in its body AND by its author being the token's user, so a note someone else wrote with the
 * marker is never a target (we could not edit it anyway) and never hides ours.
 */
import {markdownDocument, sanitizeForDisplay} from '@scapgate/core'

/** GitLab's limit for a note body. */
export const maxNoteBodyChars = 1_000_000
const pageLimit = 50

export interface MergeRequestNoteTarget {
  /** `CI_API_V4_URL`, e.g. `https://gitlab.example.com/api/v4`. */
  apiUrl: string
  /** `CI_PROJECT_ID` (numeric) or a project path; URL-encoded here. */
  projectId: string
  /** `CI_MERGE_REQUEST_IID`. */
  mergeRequestIid: string
  /** Token with `api` scope, sent as `PRIVATE-TOKEN`. Never logged. */
  token: string
  /** Tells this note apart from other scapgate notes on the same MR (the job name). */
  key: string
  signal?: AbortSignal
  fetch?: typeof fetch
}

export interface NoteResult {
  action: 'created' | 'updated'
  noteId: number
}

/** Thrown for any failed API call; the message names the call and GitLab's answer. */
export class GitLabApiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message)
    this.name = 'GitLabApiError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export function noteMarker(key: string): string {
  return `<!-- scapgate:merge-request-note key=${key} -->`
}

/**
 * The body we post: the marker first (GitLab renders it as nothing), then the summary. The
 * summary was escaped where each piece was placed; `markdownDocument` is the last pass that
 * removes any control or bidi character left.
 */
export function noteBody(summary: string, key: string): string {
  const marker = noteMarker(key)
  const clean = markdownDocument(summary)
  const room = maxNoteBodyChars - marker.length - 200
  const text =
    clean.length <= room
      ? clean
      : `${clean.slice(0, room)}\n\n… summary truncated to GitLab's note size limit; see the job artifacts.`
  return `${marker}\n${text}`
}

export async function upsertMergeRequestNote(
  target: MergeRequestNoteTarget,
  summary: string
): Promise<NoteResult> {
  const api = createApi(target)
  const notesPath = `/projects/${encodeURIComponent(target.projectId)}/merge_requests/${encodeURIComponent(target.mergeRequestIid)}/notes`
  const me = await api.request('GET', '/user')
  const myId = isRecord(me) && typeof me['id'] === 'number' ? me['id'] : undefined
  if (myId === undefined)
    throw new GitLabApiError('GET /user: expected an object with a numeric `id`', undefined)
  const marker = noteMarker(target.key)
  const body = noteBody(summary, target.key)
  for (let page = 1; page <= pageLimit; page++) {
    const notes = await api.request(
      'GET',
      `${notesPath}?sort=asc&order_by=created_at&per_page=100&page=${page}`
    )
    if (!Array.isArray(notes))
      throw new GitLabApiError(`GET ${notesPath}: expected an array of notes`, undefined)
    const mine = notes.find(
      (note: unknown) =>
        isRecord(note) &&
        typeof note['id'] === 'number' &&
        typeof note['body'] === 'string' &&
        note['body'].startsWith(marker) &&
        isRecord(note['author']) &&
        note['author']['id'] === myId
    ) as {id: number} | undefined
    if (mine !== undefined) {
      await api.request('PUT', `${notesPath}/${mine.id}`, {body})
      return {action: 'updated', noteId: mine.id}
    }
    if (notes.length < 100) break
  }
  const created = await api.request('POST', notesPath, {body})
  const id = isRecord(created) && typeof created['id'] === 'number' ? created['id'] : undefined
  if (id === undefined)
    throw new GitLabApiError(
      `POST ${notesPath}: expected the new note with a numeric \`id\``,
      undefined
    )
  return {action: 'created', noteId: id}
}

function createApi(target: MergeRequestNoteTarget) {
  const base = target.apiUrl.replace(/\/+$/, '')
  const doFetch = target.fetch ?? fetch
  return {
    async request(method: string, path: string, json?: unknown): Promise<unknown> {
      const signals = [
        AbortSignal.timeout(30_000),
        ...(target.signal === undefined ? [] : [target.signal])
      ]
      let response: Response
      try {
        response = await doFetch(`${base}${path}`, {
          method,
          headers: {
            'PRIVATE-TOKEN': target.token,
            Accept: 'application/json',
            ...(json === undefined ? {} : {'Content-Type': 'application/json'})
          },
          body: json === undefined ? undefined : JSON.stringify(json),
          redirect: 'error',
          signal: AbortSignal.any(signals)
        })
      } catch (error) {
        throw new GitLabApiError(
          `${method} ${base}${path.replace(/\?.*$/, '')}: ${error instanceof Error ? error.message : String(error)}`,
          undefined
        )
      }
      const text = await response.text()
      if (!response.ok) {
        throw new GitLabApiError(
          `${method} ${path.replace(/\?.*$/, '')}: GitLab answered ${response.status}: ${sanitizeForDisplay(text, 300)}`,
          response.status
        )
      }
      try {
        return JSON.parse(text) as unknown
      } catch {
        throw new GitLabApiError(
          `${method} ${path.replace(/\?.*$/, '')}: expected JSON, got ${sanitizeForDisplay(text, 100)}`,
          response.status
        )
      }
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
