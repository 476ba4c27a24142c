import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {nullLogger} from '@scapgate/core'
import {afterEach, describe, expect, it} from 'vitest'
import {createGitHubApi, GitHubApiError} from './github-api.js'

const servers: ReturnType<typeof createServer>[] = []
afterEach(() => servers.splice(0).forEach(s => s.close()))

async function serve(statuses: number[]): Promise<{url: string; seen: string[]}> {
  const seen: string[] = []
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`)
    const status = statuses.shift() ?? 200
    res
      .writeHead(status, {'content-type': 'application/json'})
      .end(JSON.stringify(status < 400 ? {ok: true} : {message: `status ${status}`}))
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen}
}

describe('createGitHubApi', () => {
  it('retries 500 and 429 answers and returns the recovered response', async () => {
    const {url, seen} = await serve([500, 429, 200])
    const api = createGitHubApi({
      apiUrl: url,
      token: 't',
      logger: nullLogger,
      retryDelays: [0, 0, 0]
    })
    const response = await api.request('POST', '/x', {a: 1})
    expect(response.data).toEqual({ok: true})
    expect(seen).toEqual(['POST /x Bearer t', 'POST /x Bearer t', 'POST /x Bearer t'])
  })

  it('gives up after the last retry with the status', async () => {
    const {url} = await serve([502, 502])
    const api = createGitHubApi({apiUrl: url, token: 't', logger: nullLogger, retryDelays: [0]})
    await expect(api.request('GET', '/y')).rejects.toThrow(
      'GitHub API GET /y answered 502: status 502'
    )
  })

  it('does not retry a 403 and marks it as a missing permission', async () => {
    const {url, seen} = await serve([403])
    const api = createGitHubApi({apiUrl: url, token: 't', logger: nullLogger, retryDelays: [0, 0]})
    const error = await api.request('POST', '/z', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GitHubApiError)
    expect((error as GitHubApiError).forbidden).toBe(true)
    expect(seen).toHaveLength(1)
  })
})
