/**
 * A TLS proxy in front of the test registry that injects faults into matching requests: 429 with
 * Retry-After, 500, a connection reset mid-body, a tampered body. It can also put a Bearer token
 * server in front (it then answers the registry's auth itself: clients get a token for a required
 * scope and the proxy forwards with the registry's Basic credentials). Every request is recorded
 * with the headers that matter to the assertions.
 */
import {randomBytes} from 'node:crypto'
import https, {type Server} from 'node:https'
import type {IncomingMessage, ServerResponse} from 'node:http'
import type {TestRegistry} from './registry.js'

export type FaultKind = '429' | '500' | 'reset' | 'tamper' | 'ignore-range'

export interface Fault {
  /** Which requests (path and query): `/blobs/`, `/manifests/`. */
  match: RegExp
  kind: FaultKind
  /** How many matching requests get the fault (default 1). */
  times?: number
  /** For 429: the Retry-After value. */
  retryAfter?: string
}

export interface RecordedRequest {
  path: string
  authorization?: string
  range?: string
  status: number
}

export interface FaultProxy {
  host: string
  faults: Fault[]
  requests: RecordedRequest[]
  /** When set, clients must present a Bearer token obtained with this scope. */
  bearerScope: string | undefined
  tokensIssued: number
  close: () => Promise<void>
}

export async function startFaultProxy(registry: TestRegistry, port: number): Promise<FaultProxy> {
  const basic = `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`
  const tokens = new Set<string>()
  const proxy: FaultProxy = {
    host: `127.0.0.1:${port}`,
    faults: [],
    requests: [],
    bearerScope: undefined,
    tokensIssued: 0,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
  const takeFault = (path: string): Fault | undefined => {
    const fault = proxy.faults.find(f => f.match.test(path) && (f.times ?? 1) > 0)
    if (fault) fault.times = (fault.times ?? 1) - 1
    return fault
  }
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const path = request.url ?? '/'
    const record: RecordedRequest = {path, status: 0}
    if (request.headers.authorization) record.authorization = request.headers.authorization
    if (request.headers.range) record.range = request.headers.range
    proxy.requests.push(record)
    const reply = (status: number, headers: Record<string, string>, body = ''): void => {
      record.status = status
      response.writeHead(status, headers).end(body)
    }
    if (path.startsWith('/token')) {
      const url = new URL(path, 'https://proxy')
      const scopes = url.searchParams.getAll('scope')
      if (request.headers.authorization !== basic) return reply(401, {}, '{"errors":[]}')
      if (proxy.bearerScope !== undefined && !scopes.includes(proxy.bearerScope))
        return reply(403, {}, '{"details":"scope required"}')
      const token = randomBytes(16).toString('hex')
      tokens.add(token)
      proxy.tokensIssued++
      return reply(
        200,
        {'content-type': 'application/json'},
        JSON.stringify({access_token: token, expires_in: 300})
      )
    }
    let upstreamAuth = basic
    if (proxy.bearerScope !== undefined) {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
      if (token === undefined || !tokens.has(token)) {
        return reply(
          401,
          {
            'www-authenticate': `Bearer realm="https://${proxy.host}/token",service="fault-proxy",scope="${proxy.bearerScope}"`,
            'content-type': 'application/json'
          },
          '{"errors":[{"code":"UNAUTHORIZED","message":"token required"}]}'
        )
      }
    } else if (request.headers.authorization === undefined) {
      upstreamAuth = ''
    } else {
      upstreamAuth = request.headers.authorization
    }
    const fault = takeFault(path)
    if (fault?.kind === '429')
      return reply(
        429,
        {'retry-after': fault.retryAfter ?? '1'},
        '{"errors":[{"code":"TOOMANYREQUESTS"}]}'
      )
    if (fault?.kind === '500') return reply(500, {}, 'boom')
    const headers: Record<string, string> = {accept: request.headers.accept ?? '*/*'}
    if (upstreamAuth) headers.authorization = upstreamAuth
    if (request.headers.range && fault?.kind !== 'ignore-range')
      headers.range = request.headers.range
    const upstream = https.get(
      `https://${registry.host}${path}`,
      {ca: registry.certs.ca, headers},
      up => {
        record.status = up.statusCode ?? 0
        const out: Record<string, string | string[]> = {}
        for (const [key, value] of Object.entries(up.headers)) {
          if (value !== undefined && key !== 'connection' && key !== 'transfer-encoding')
            out[key] = value
        }
        if (up.headers['www-authenticate'] && proxy.bearerScope === undefined)
          out['www-authenticate'] = up.headers['www-authenticate']
        response.writeHead(up.statusCode ?? 502, out)
        if (fault?.kind === 'reset' || fault?.kind === 'tamper') {
          const chunks: Buffer[] = []
          up.on('data', (chunk: Buffer) => chunks.push(chunk))
          up.on('end', () => {
            const body = Buffer.concat(chunks)
            if (fault.kind === 'tamper') {
              const middle = Math.floor(body.length / 2)
              body[middle] = (body[middle] ?? 0) ^ 0xff
              response.end(body)
            } else {
              response.write(body.subarray(0, Math.floor(body.length * 0.6)), () => {
                response.socket?.destroy()
              })
            }
          })
        } else {
          up.pipe(response)
        }
      }
    )
    upstream.on('error', () => reply(502, {}, 'upstream error'))
  }
  const server: Server = https.createServer(
    {
      cert: registry.certs.certFile ? await readPem(registry.certs.certFile) : '',
      key: await readPem(registry.certs.keyFile)
    },
    handle
  )
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', () => resolve()))
  return proxy
}

async function readPem(file: string): Promise<string> {
  const {readFile} = await import('node:fs/promises')
  return readFile(file, 'utf8')
}
