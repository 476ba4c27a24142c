/**
 * A local stand-in for the GitHub REST API, for the action's end-to-end tests. It records every
 * request and checks it against GitHub's published REST description (`@octokit/openapi`,
 * api.github.com, dereferenced): the path must match a path template with that method, and a JSON
 * body must validate (ajv) against the operation's request schema. It keeps just enough state
 * (check runs, issue comments, SARIF uploads) to answer like GitHub does.
 *
 * Modes: `readOnly` answers every write with 403 "Resource not accessible by integration" (a fork
 * PR's token); `failFirst: n` answers the first n requests with 500 (then recovers).
 */
import {readFileSync} from 'node:fs'
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {Ajv, type ValidateFunction} from 'ajv'
import addFormats from 'ajv-formats'
import {repoRoot} from './run-cli.js'

interface Operation {
  method: string
  template: string
  pattern: RegExp
  validate?: ValidateFunction
}

export interface RecordedRequest {
  method: string
  path: string
  /** The path template of the matched operation, e.g. `/repos/{owner}/{repo}/check-runs`. */
  operation?: string
  query: URLSearchParams
  body: unknown
  authorization?: string
  status: number
  /** Why it does not match the REST description (empty when it does). */
  problems: string[]
}

export interface Comment {
  id: number
  body: string
  user: {login: string; type: string}
}

export interface CheckRun {
  id: number
  name: string
  head_sha: string
  conclusion?: string
  output: {
    title?: string
    summary?: string
    annotations: {
      path: string
      start_line: number
      annotation_level: string
      title?: string
      message: string
    }[]
  }
}

export interface FakeGitHubOptions {
  readOnly?: boolean
  failFirst?: number
  /** Comments already on the PR (e.g. one from an earlier run, or one forged by a user). */
  comments?: Comment[]
}

let operations: Operation[] | undefined

function loadOperations(): Operation[] {
  if (operations !== undefined) return operations
  const spec = JSON.parse(
    readFileSync(
      join(repoRoot, 'node_modules/@octokit/openapi/generated/api.github.com.deref.json'),
      'utf8'
    )
  ) as {
    paths: Record<
      string,
      Record<string, {requestBody?: {content?: Record<string, {schema?: object}>}}>
    >
  }
  const ajv = new Ajv({strict: false, allErrors: true, validateFormats: true})
  addFormats.default(ajv)
  // GitHub's own format for `owner/repo` (used by a few request bodies).
  ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/)
  const list: Operation[] = []
  for (const [template, methods] of Object.entries(spec.paths)) {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`
    )
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const schema = op.requestBody?.content?.['application/json']?.schema
      let validate: ValidateFunction | undefined
      if (schema !== undefined) {
        try {
          validate = ajv.compile(schema)
        } catch {
          validate = undefined
        }
      }
      list.push({
        method: method.toUpperCase(),
        template,
        pattern,
        ...(validate === undefined ? {} : {validate})
      })
    }
  }
  // Literal segments win over parameters (`/issues/comments/{id}` before `/issues/{number}/…`).
  list.sort(
    (a, b) =>
      b.template.replace(/\{[^}]+\}/g, '').length - a.template.replace(/\{[^}]+\}/g, '').length
  )
  operations = list
  return list
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  readonly checkRuns: CheckRun[] = []
  readonly comments: Comment[]
  readonly sarifUploads: {
    commit_sha: string
    ref: string
    sarif: unknown
    checkout_uri?: string
  }[] = []
  private served = 0
  private server: Server | undefined
  url = ''

  constructor(private readonly options: FakeGitHubOptions = {}) {
    this.comments = [...(options.comments ?? [])]
  }

  async start(): Promise<string> {
    loadOperations()
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(error => {
        res.writeHead(599).end(String(error))
      })
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.url
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  /** Requests that do not match GitHub's REST description, as readable lines. */
  problems(): string[] {
    return this.requests.flatMap(r => r.problems.map(p => `${r.method} ${r.path}: ${p}`))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const text = await readBody(req)
    const method = req.method ?? 'GET'
    const problems: string[] = []
    let body: unknown
    if (text !== '') {
      try {
        body = JSON.parse(text) as unknown
      } catch {
        problems.push('body is not JSON')
      }
    }
    const operation = loadOperations().find(
      op => op.method === method && op.pattern.test(url.pathname)
    )
    if (operation === undefined) problems.push('no such operation in the REST description')
    else if (operation.validate !== undefined && body !== undefined && !operation.validate(body))
      problems.push(
        ...(operation.validate.errors ?? []).map(
          e => `body${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`
        )
      )
    if (req.headers['x-github-api-version'] !== '2022-11-28')
      problems.push('missing X-GitHub-Api-Version: 2022-11-28')
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      ...(operation === undefined ? {} : {operation: operation.template}),
      query: url.searchParams,
      body,
      ...(req.headers.authorization === undefined
        ? {}
        : {authorization: req.headers.authorization}),
      status: 0,
      problems
    }
    this.requests.push(record)
    const send = (status: number, data?: unknown): void => {
      record.status = status
      res
        .writeHead(status, {'content-type': 'application/json'})
        .end(data === undefined ? '' : JSON.stringify(data))
    }
    this.served += 1
    if (this.served <= (this.options.failFirst ?? 0)) return send(500, {message: 'Server Error'})
    if (this.options.readOnly === true && method !== 'GET')
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest'
      })
    this.route(method, operation?.template, url, body, send)
  }

  private route(
    method: string,
    template: string | undefined,
    url: URL,
    body: unknown,
    send: (status: number, data?: unknown) => void
  ): void {
    const b = (body ?? {}) as Record<string, unknown>
    const id = Number(url.pathname.split('/').pop())
    switch (`${method} ${template ?? ''}`) {
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const output = (b.output ?? {}) as CheckRun['output']
        const run: CheckRun = {
          id: 1000 + this.checkRuns.length,
          name: String(b.name),
          head_sha: String(b.head_sha),
          ...(typeof b.conclusion === 'string' ? {conclusion: b.conclusion} : {}),
          output: {...output, annotations: [...(output.annotations ?? [])]}
        }
        this.checkRuns.push(run)
        return send(201, {id: run.id, name: run.name, head_sha: run.head_sha})
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const run = this.checkRuns.find(r => r.id === id)
        if (run === undefined) return send(404, {message: 'Not Found'})
        const output = (b.output ?? {}) as CheckRun['output']
        run.output = {
          ...run.output,
          ...output,
          annotations: [...run.output.annotations, ...(output.annotations ?? [])]
        }
        return send(200, {id})
      }
      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        return send(200, this.comments.slice((page - 1) * perPage, page * perPage))
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const comment = {
          id: 5000 + this.comments.length,
          body: String(b.body),
          user: {login: 'github-actions[bot]', type: 'Bot'}
        }
        this.comments.push(comment)
        return send(201, comment)
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const comment = this.comments.find(c => c.id === id)
        if (comment === undefined) return send(404, {message: 'Not Found'})
        comment.body = String(b.body)
        return send(200, comment)
      }
      case 'POST /repos/{owner}/{repo}/code-scanning/sarifs': {
        const sarif = JSON.parse(
          gunzipSync(Buffer.from(String(b.sarif), 'base64')).toString('utf8')
        ) as unknown
        this.sarifUploads.push({
          commit_sha: String(b.commit_sha),
          ref: String(b.ref),
          sarif,
          ...(typeof b.checkout_uri === 'string' ? {checkout_uri: b.checkout_uri} : {})
        })
        return send(202, {
          id: `sarif-${this.sarifUploads.length}`,
          url: `${this.url}/sarif/${this.sarifUploads.length}`
        })
      }
      default:
        return send(404, {message: 'Not Found (not faked)'})
    }
  }
}
