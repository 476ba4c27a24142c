/**
 * A small REST client for the few GitHub endpoints the action calls, on `fetch` (lighter than
 * Octokit in the bundle). Retries 5xx, 429 and network errors with backoff; never retries other
 * 4xx, which the callers turn into warnings (a fork PR's read-only token answers 403).
 */
import type {Logger} from '@scapgate/core'

export class GitHubApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    detail: string
  ) {
    super(`GitHub API ${method} ${path} answered ${status}${detail === '' ? '' : `: ${detail}`}`)
    this.name = 'GitHubApiError'
    Object.setPrototypeOf(this, GitHubApiError.prototype)
  }

  /** 403/404: the token lacks the permission (fork PR, missing `permissions:`) or the feature is off. */
  get forbidden(): boolean {
    return this.status === 403 || this.status === 404
  }
}

export interface ApiResponse<T> {
  status: number
  data: T
  headers: Headers
}

export interface GitHubApi {
  request: <T = unknown>(method: string, path: string, body?: unknown) => Promise<ApiResponse<T>>
}

export interface GitHubApiOptions {
  apiUrl: string
  token: string
  logger: Logger
  /** Delays before each retry, in ms (default 1 s, 3 s, 9 s). */
  retryDelays?: readonly number[]
  userAgent?: string
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** The API's own message, bounded; the body is the server's text, never echoed in full. */
function errorDetail(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown
    const message =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as {message?: unknown}).message
        : undefined
    if (typeof message === 'string') return message.slice(0, 300)
  } catch {
    // not JSON: fall through
  }
  return ''
}

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const delays = options.retryDelays ?? [1000, 3000, 9000]
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
      const url = `${options.apiUrl}${path}`
      for (let attempt = 0; ; attempt += 1) {
        let response: Response | undefined
        let failure: unknown
        try {
          response = await fetch(url, {
            method,
            headers: {
              accept: 'application/vnd.github+json',
              'x-github-api-version': '2022-11-28',
              'user-agent': options.userAgent ?? 'scapgate-action',
              ...(options.token === '' ? {} : {authorization: `Bearer ${options.token}`}),
              ...(body === undefined ? {} : {'content-type': 'application/json'})
            },
            ...(body === undefined ? {} : {body: JSON.stringify(body)}),
            signal: AbortSignal.timeout(60_000)
          })
        } catch (error) {
          failure = error
        }
        const retryable =
          response === undefined || response.status >= 500 || response.status === 429
        const delay = delays[attempt]
        if (retryable && delay !== undefined) {
          options.logger.info(
            `GitHub API ${method} ${path}: ${response === undefined ? `network error (${(failure as Error).message})` : `answered ${response.status}`}; retrying in ${delay / 1000} s`
          )
          await response?.body?.cancel()
          await sleep(delay)
          continue
        }
        if (response === undefined)
          throw new GitHubApiError(method, path, 0, (failure as Error).message)
        const text = await response.text()
        if (!response.ok) throw new GitHubApiError(method, path, response.status, errorDetail(text))
        return {
          status: response.status,
          data: (text === '' ? undefined : JSON.parse(text)) as T,
          headers: response.headers
        }
      }
    }
  }
}
