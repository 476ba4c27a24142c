import {readFile} from 'node:fs/promises'
import http, {type IncomingMessage} from 'node:http'
import https from 'node:https'
import {isIP} from 'node:net'
import {rootCertificates} from 'node:tls'
import {ConfigurationError, LimitExceededError, getErrorMessage} from '../../errors.js'

export interface TransportOptions {
  caFile?: string
  /** Sockets per origin; a few more than the download concurrency. */
  maxSockets: number
  /** A connection that sends nothing for this long is dropped (slowloris guard). */
  idleTimeoutMs: number
}

/**
 * One HTTP(S) connection pool for a pull. It sends exactly the headers it is given and never follows
 * redirects: the registry client decides, hop by hop, what may be sent where.
 */
export interface Transport {
  /** GET unless `init` says otherwise; a body is sent with its exact length. */
  request: (
    url: URL,
    headers: Record<string, string>,
    signal?: AbortSignal,
    init?: {method: 'HEAD' | 'POST' | 'PUT'; body?: Buffer}
  ) => Promise<IncomingMessage>
  close: () => void
}

export async function createTransport(options: TransportOptions): Promise<Transport> {
  let ca: string[] | undefined
  if (options.caFile !== undefined) {
    const pem = await readFile(options.caFile, 'utf8').catch((error: unknown) => {
      throw new ConfigurationError(
        `Expected \`--ca-file\` to be a readable PEM file, got ${options.caFile}: ${getErrorMessage(error)}`
      )
    })
    if (!pem.includes('-----BEGIN CERTIFICATE-----'))
      throw new ConfigurationError(
        `Expected \`--ca-file\` to hold PEM certificates, found none in ${options.caFile}`
      )
    ca = [...rootCertificates, pem]
  }
  const common = {keepAlive: true, maxSockets: options.maxSockets}
  const httpsAgent = new https.Agent(ca === undefined ? common : {...common, ca})
  const httpAgent = new http.Agent(common)
  return {
    request: (url, headers, signal, init) =>
      new Promise((resolve, reject) => {
        const secure = url.protocol === 'https:'
        const body = init?.body
        const request = (secure ? https : http).request(url, {
          method: init?.method ?? 'GET',
          headers: body === undefined ? headers : {...headers, 'content-length': body.length},
          agent: secure ? httpsAgent : httpAgent,
          signal
        })
        request.setTimeout(options.idleTimeoutMs, () => {
          request.destroy(Object.assign(new Error('idle timeout'), {code: 'ETIMEDOUT'}))
        })
        request.on('response', resolve)
        request.on('error', reject)
        request.end(body)
      }),
    close: () => {
      httpsAgent.destroy()
      httpAgent.destroy()
    }
  }
}

/**
 * Reads a whole (small) body, refusing more than `cap` bytes whether or not `Content-Length`
 * announced them (CVE-2020-1702; an endless chunked body must not grow memory).
 * @throws LimitExceededError naming `what`.
 */
export async function readBody(
  response: IncomingMessage,
  cap: number,
  what: string
): Promise<Buffer> {
  const announced = Number(response.headers['content-length'])
  if (Number.isFinite(announced) && announced > cap) {
    response.destroy()
    throw new LimitExceededError(`${what} is ${announced} bytes; the limit is ${cap} bytes`, what)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response) {
    total += (chunk as Buffer).length
    if (total > cap) {
      response.destroy()
      throw new LimitExceededError(`${what} is larger than the limit of ${cap} bytes`, what)
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** A URL for messages: no userinfo, and the query (presigned signatures, tokens) replaced by `?…`. */
export function redactUrl(url: URL | string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search === '' ? '' : '?…'}`
  } catch {
    return '(unparsable URL)'
  }
}

function ipv4Private(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number)
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

/** Loopback, link-local, private, CGNAT and unspecified IP literals (v4, v6, v4-mapped v6). */
export function isInternalAddress(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  const version = isIP(host)
  if (version === 4) return ipv4Private(host)
  if (version !== 6) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1]
  if (mapped !== undefined) return ipv4Private(mapped)
  return host === '::' || host === '::1' || /^fe[89ab]/.test(host) || /^f[cd]/.test(host)
}
