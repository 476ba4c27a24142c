/**
 * `scapgate gitlab-note` against a local HTTP server standing in for GitLab's REST API. The
 * server records every request and answers like GitLab's Notes API
 * (https://docs.gitlab.com/api/notes/#merge-requests): GET /user, GET/POST
 * /projects/:id/merge_requests/:iid/notes, PUT …/notes/:note_id, `PRIVATE-TOKEN` auth.
 */
import {createServer, type IncomingMessage, type Server} from 'node:http'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/run-cli.js'

interface Recorded {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: unknown
}
interface Note {
  id: number
  body: string
  author: {id: number; username: string}
}

const token = 'glpat-test-0123456789'
const botId = 42
let server: Server
let apiUrl: string
let requests: Recorded[] = []
let notes: Note[] = []
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scapgate-gitlab-note-'))
  writeFileSync(join(dir, 'summary.md'), '## ❌ Compliance gate failed\n\n| a | b |\n')
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const text = Buffer.concat(chunks).toString('utf8')
      const body: unknown = text === '' ? undefined : JSON.parse(text)
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body
      })
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, {'Content-Type': 'application/json'})
        res.end(JSON.stringify(value))
      }
      if (req.headers['private-token'] !== token) return send(401, {message: '401 Unauthorized'})
      const notesPath = '/api/v4/projects/7/merge_requests/3/notes'
      if (req.method === 'GET' && url.pathname === '/api/v4/user')
        return send(200, {id: botId, username: 'bot'})
      if (req.method === 'GET' && url.pathname === notesPath) return send(200, notes)
      if (req.method === 'POST' && url.pathname === notesPath) {
        const note = {
          id: 100 + notes.length,
          body: (body as {body: string}).body,
          author: {id: botId, username: 'bot'}
        }
        notes.push(note)
        return send(201, note)
      }
      const put = /^\/api\/v4\/projects\/7\/merge_requests\/3\/notes\/(\d+)$/.exec(url.pathname)
      if (req.method === 'PUT' && put !== null) {
        const note = notes.find(n => n.id === Number(put[1]))
        if (note === undefined) return send(404, {message: '404 Not found'})
        if (note.author.id !== botId) return send(403, {message: '403 Forbidden'})
        note.body = (body as {body: string}).body
        return send(200, note)
      }
      send(404, {message: '404 Not found'})
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no server address')
  apiUrl = `http://127.0.0.1:${address.port}/api/v4`
})

afterAll(() => {
  server.close()
  rmSync(dir, {recursive: true, force: true})
})

afterEach(() => {
  requests = []
  notes = []
})

function env(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    CI_API_V4_URL: apiUrl,
    CI_PROJECT_ID: '7',
    CI_MERGE_REQUEST_IID: '3',
    CI_JOB_NAME: 'scapgate-scan',
    SCAPGATE_GITLAB_TOKEN: token,
    ...overrides
  }
}

const note = (args: string[] = [], overrides: Record<string, string | undefined> = {}) =>
  runCli(['gitlab-note', '--summary', join(dir, 'summary.md'), ...args], {env: env(overrides)})

describe('scapgate gitlab-note', () => {
  it('creates one note with the summary and a marker when the MR has none', async () => {
    const run = await note()
    expect(run.stderr).toContain('created note 100 on merge request !3')
    expect(run.code).toBe(0)
    const writes = requests.filter(r => r.method !== 'GET')
    expect(writes).toHaveLength(1)
    const post = writes[0]
    expect(post?.method).toBe('POST')
    expect(post?.path).toBe('/api/v4/projects/7/merge_requests/3/notes')
    expect(post?.headers['content-type']).toBe('application/json')
    expect(post?.headers['private-token']).toBe(token)
    expect(post?.body).toEqual({
      body: '<!-- scapgate:merge-request-note key=scapgate-scan -->\n## ❌ Compliance gate failed\n\n| a | b |\n'
    })
  })

  it('updates its own note on the next run instead of adding another', async () => {
    await note()
    requests = []
    const run = await note()
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('updated note 100')
    const writes = requests.filter(r => r.method !== 'GET')
    expect(writes.map(r => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/v4/projects/7/merge_requests/3/notes/100'
    ])
    expect(notes).toHaveLength(1)
    const list = requests.find(r => r.method === 'GET' && r.path.endsWith('/notes'))
    expect(list?.query.get('per_page')).toBe('100')
  })

  it('leaves a note with the marker written by someone else alone and posts its own', async () => {
    notes.push({
      id: 7,
      body: '<!-- scapgate:merge-request-note key=scapgate-scan -->\nfake pass',
      author: {id: 5, username: 'mallory'}
    })
    const run = await note()
    expect(run.code).toBe(0)
    expect(requests.filter(r => r.method === 'PUT')).toHaveLength(0)
    expect(notes.map(n => n.id)).toEqual([7, 101])
    expect(notes[0]?.body).toContain('fake pass')
  })

  it('keeps notes of different jobs apart by key', async () => {
    await note()
    const run = await note(['--key', 'scan-worker'])
    expect(run.code).toBe(0)
    expect(notes).toHaveLength(2)
    expect(notes[1]?.body.startsWith('<!-- scapgate:merge-request-note key=scan-worker -->')).toBe(
      true
    )
  })

  it('does nothing outside merge-request pipelines', async () => {
    const run = await note([], {CI_MERGE_REQUEST_IID: undefined})
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('not a merge-request pipeline')
    expect(requests).toHaveLength(0)
  })

  it('exits 3 with GitLab’s answer, and never prints the token, when the token is refused', async () => {
    const run = await note([], {SCAPGATE_GITLAB_TOKEN: 'glpat-wrong-secret'})
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('GET /user: GitLab answered 401')
    expect(run.stderr + run.stdout).not.toContain('glpat-wrong-secret')
  })

  it('exits 2 naming the variable when the token is missing', async () => {
    const run = await note([], {SCAPGATE_GITLAB_TOKEN: ''})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Expected SCAPGATE_GITLAB_TOKEN to be set')
    expect(requests).toHaveLength(0)
  })

  it('rejects a key that could close the HTML comment marker', async () => {
    const run = await note(['--key', 'x --> <img>'])
    expect(run.code).toBe(2)
    expect(requests).toHaveLength(0)
  })

  it('derives a clean key from a parallel:matrix job name', async () => {
    const run = await note([], {CI_JOB_NAME: 'scan: [amd64, <!-- x -->]'})
    expect(run.code, run.stderr).toBe(0)
    expect(notes[0]?.body.split('\n')[0]).toBe(
      '<!-- scapgate:merge-request-note key=scan: -amd64- ---- x ---- -->'
    )
  })
})
