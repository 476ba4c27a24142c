import {createHash} from 'node:crypto'
import {open, rm} from 'node:fs/promises'
import type {IncomingMessage} from 'node:http'
import {InvalidImageError, getErrorMessage} from '../../errors.js'
import {isRecord} from '../descriptor.js'
import {sha256Digest, shortDigest} from '../digest.js'
import {type DockerReference, registryHost} from '../docker-reference.js'
import {indexMediaTypes, manifestMediaTypes} from '../media-types.js'
import {maxDocumentBytes} from '../oci-layout.js'
import type {RegistryOptions} from '../types.js'
import {Authenticator} from './auth.js'
import type {BlobStore} from './blob-store.js'
import {findCredentials, type Credentials} from './credentials.js'
import {
  TransientError,
  isTransientNetworkError,
  parseRetryAfter,
  retryableStatuses,
  withRetries,
  type RetryPolicy
} from './retry.js'
import {createTransport, readBody, redactUrl, type Transport} from './transport.js'

const maxErrorBodyBytes = 64 * 1024
const maxRedirects = 5
const redirectStatuses = new Set([301, 302, 303, 307, 308])
const acceptManifests = [...indexMediaTypes, ...manifestMediaTypes].join(', ')

export interface PullContext {
  signal?: AbortSignal
  log?: (message: string) => void
  policy: RetryPolicy
}

export interface FetchedManifest {
  bytes: Buffer
  /** sha256 of the bytes as received: the client's own hash is what counts. */
  digest: string
  /** The Content-Type without parameters, when it names a manifest or index type. */
  mediaType: string | undefined
}

/**
 * A Distribution API client for one repository. Requests are idempotent GETs, retried through
 * {@link withRetries}; redirects are followed by hand so that `Authorization` goes only to the
 * registry's own origin (a blob redirected to storage is fetched without it), and a redirect may
 * not downgrade https to http. Messages name the registry, the reference and the blob, and never
 * contain credentials, tokens or URL queries.
 */
export class RegistryClient {
  private constructor(
    private readonly origin: URL,
    private readonly transport: Transport,
    private readonly auth: Authenticator,
    private readonly reference: DockerReference,
    readonly label: string,
    private readonly insecure: boolean,
    private readonly context: PullContext
  ) {}

  static async create(
    reference: DockerReference,
    options: RegistryOptions,
    context: PullContext,
    label: string
  ): Promise<RegistryClient> {
    const host = registryHost(reference.domain)
    const insecure = (options.insecureRegistries ?? []).some(
      h => h.toLowerCase() === reference.domain || h.toLowerCase() === host
    )
    const origin = new URL(`${insecure ? 'http' : 'https'}://${host}`)
    const concurrency = options.concurrency ?? 4
    const transport = await createTransport({
      caFile: options.caFile,
      maxSockets: concurrency + 2,
      idleTimeoutMs: 60_000
    })
    let credentials: Promise<Credentials | undefined> | undefined
    const auth = new Authenticator({
      origin,
      insecure,
      repository: reference.repository,
      label,
      transport,
      policy: context.policy,
      credentials: () => (credentials ??= findCredentials(reference.domain, options)),
      signal: context.signal,
      log: context.log
    })
    return new RegistryClient(origin, transport, auth, reference, label, insecure, context)
  }

  close(): void {
    this.transport.close()
  }

  /**
   * GET `path` on the registry: follows redirects (at most {@link maxRedirects}), answers 401
   * challenges, and returns the final response with a 2xx status. Retryable statuses and network
   * errors become {@link TransientError}; anything else an InvalidImageError naming `what`.
   */
  private async get(
    path: string,
    headers: Record<string, string>,
    what: string
  ): Promise<IncomingMessage> {
    const response = await this.exchange(path, headers, what)
    return this.expectSuccess(response, what)
  }

  /**
   * One request with authentication: GET and HEAD follow redirects (same rules as {@link get});
   * POST and PUT never do (a body and its credentials go only to the registry's own origin) and
   * refuse a target on another origin. Returns the response whatever its final status, except
   * that a 401 is answered and the request sent again.
   */
  private async exchange(
    path: string,
    headers: Record<string, string>,
    what: string,
    init?: {method: 'HEAD' | 'POST' | 'PUT'; body?: Buffer}
  ): Promise<IncomingMessage> {
    let url = new URL(path, this.origin)
    const writes = init !== undefined && init.method !== 'HEAD'
    if (writes && url.origin !== this.origin.origin)
      throw new InvalidImageError(
        `${what}: refusing to send to ${redactUrl(url)}, another origin than the registry's`,
        what
      )
    let round = 0
    await this.auth.refreshIfExpired()
    for (let hop = 0; hop <= maxRedirects;) {
      const sameOrigin = url.origin === this.origin.origin
      const sent = {...headers}
      if (sameOrigin && this.auth.header !== undefined) sent.authorization = this.auth.header
      let response: IncomingMessage
      try {
        response = await this.transport.request(url, sent, this.context.signal, init)
      } catch (error) {
        if (isTransientNetworkError(error))
          throw new TransientError(`${redactUrl(url)}: ${getErrorMessage(error)}`, undefined, {
            cause: error
          })
        throw new InvalidImageError(`${what}: ${redactUrl(url)}: ${getErrorMessage(error)}`, what, {
          cause: error
        })
      }
      const status = response.statusCode ?? 0
      if (!writes && redirectStatuses.has(status) && response.headers.location !== undefined) {
        response.resume()
        const next = new URL(response.headers.location, url)
        if (next.protocol !== 'https:' && !(next.protocol === 'http:' && this.insecure))
          throw new InvalidImageError(
            `${what}: refusing a redirect to ${redactUrl(next)} (not https)`,
            what
          )
        url = next
        hop++
        continue
      }
      if (status === 401 && sameOrigin) {
        response.resume()
        round++
        await this.auth.respond(response.headers['www-authenticate'], round)
        continue
      }
      return response
    }
    throw new InvalidImageError(`${what}: more than ${maxRedirects} redirects`, what)
  }

  /** Passes a 2xx response through; turns any other into the right error (see {@link get}). */
  private async expectSuccess(response: IncomingMessage, what: string): Promise<IncomingMessage> {
    const status = response.statusCode ?? 0
    if (status >= 200 && status < 300) return response
    const detail = await this.errorDetail(response)
    if (retryableStatuses.has(status)) {
      throw new TransientError(
        `${what} answered ${status}${detail}`,
        parseRetryAfter(
          response.headers['retry-after'] as string | undefined,
          this.context.policy.maxRetryAfterMs
        )
      )
    }
    const why =
      status === 404
        ? 'not found (404)'
        : status === 401 || status === 403
          ? `access denied (${status}): check the credentials and their permissions`
          : redirectStatuses.has(status)
            ? `unexpected redirect (${status})`
            : `unexpected status ${status}`
    throw new InvalidImageError(`${what}: ${why}${detail}`, what)
  }

  /** The registry's error codes (`MANIFEST_UNKNOWN`), never its free text (it may echo input). */
  private async errorDetail(response: IncomingMessage): Promise<string> {
    const body = await readBody(response, maxErrorBodyBytes, 'error body').catch(() =>
      Buffer.alloc(0)
    )
    try {
      const json: unknown = JSON.parse(body.toString('utf8'))
      const errors = isRecord(json) && Array.isArray(json.errors) ? json.errors : []
      const codes = errors
        .map(e => (isRecord(e) && typeof e.code === 'string' ? e.code : ''))
        .filter(code => /^[A-Z_]{1,64}$/.test(code))
      return codes.length > 0 ? ` [${[...new Set(codes)].join(', ')}]` : ''
    } catch {
      return ''
    }
  }

  /**
   * Fetches a manifest or index by tag or digest, size-capped. By digest the body must hash to it
   * (REG-1); by tag the computed digest is returned and a disagreeing `Docker-Content-Digest`
   * header is only logged (REG-3).
   */
  async fetchManifest(reference: string): Promise<FetchedManifest> {
    const byDigest = reference.startsWith('sha256:')
    const what = `${this.label}: manifest ${byDigest ? shortDigest(reference) : reference}`
    const path = `/v2/${this.reference.repository}/manifests/${reference}`
    const fetched = await withRetries(
      what,
      this.context.policy,
      async () => {
        const response = await this.get(path, {accept: acceptManifests}, what)
        const bytes = await readBody(response, maxDocumentBytes, what).catch((error: unknown) => {
          if (isTransientNetworkError(error)) throw new TransientError(getErrorMessage(error))
          throw error
        })
        const type = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
        const header = response.headers['docker-content-digest']
        return {bytes, type, header: typeof header === 'string' ? header : undefined}
      },
      this.context
    )
    const digest = sha256Digest(fetched.bytes)
    if (byDigest && digest !== reference)
      throw new InvalidImageError(
        `${what}: manifest digest mismatch: expected ${reference}, found ${digest}`,
        reference
      )
    if (!byDigest && fetched.header !== undefined && fetched.header !== digest)
      this.context.log?.(
        `${what}: the registry says ${fetched.header} but the manifest hashes to ${digest}; using ${digest}`
      )
    const known = [...indexMediaTypes, ...manifestMediaTypes].includes(fetched.type)
    return {bytes: fetched.bytes, digest, mediaType: known ? fetched.type : undefined}
  }

  /**
   * Downloads a blob into `store`, verifying size and sha256 as it streams. A dropped connection
   * resumes with `Range` when the server answers 206 with the matching `Content-Range`, and
   * restarts from zero when it sends the whole blob again; the full digest is always checked. The
   * blob enters the store only once verified.
   */
  async downloadBlob(
    descriptor: {digest: string; size: number},
    store: BlobStore,
    what: string
  ): Promise<void> {
    const {digest, size} = descriptor
    const path = `/v2/${this.reference.repository}/blobs/${digest}`
    const temporary = store.temporary()
    const handle = await open(temporary, 'wx', 0o600)
    let hash = createHash('sha256')
    let written = 0
    try {
      await withRetries(
        what,
        this.context.policy,
        async () => {
          const headers: Record<string, string> = {}
          if (written > 0) headers.range = `bytes=${written}-`
          const response = await this.get(path, headers, what)
          if (written > 0 && response.statusCode === 206) {
            const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(
              response.headers['content-range'] ?? ''
            )
            if (Number(range?.[1]) !== written || Number(range?.[2]) !== size - 1) {
              response.destroy()
              throw new InvalidImageError(
                `${what}: the registry resumed at the wrong offset`,
                digest
              )
            }
          } else if (written > 0) {
            this.context.log?.(
              `${what}: the registry ignored Range; downloading again from the start`
            )
            await handle.truncate(0)
            hash = createHash('sha256')
            written = 0
          }
          const length = response.headers['content-length']
          if (length !== undefined && Number(length) !== size - written) {
            response.destroy()
            throw new InvalidImageError(
              `${what}: Content-Length ${Number(length)} does not match the descriptor size ${size}${written > 0 ? ` less ${written} bytes already received` : ''}`,
              digest
            )
          }
          try {
            for await (const chunk of response) {
              const buffer = chunk as Buffer
              if (written + buffer.length > size) {
                response.destroy()
                throw new InvalidImageError(
                  `${what}: the blob is larger than the descriptor size ${size}`,
                  digest
                )
              }
              await handle.write(buffer, 0, buffer.length, written)
              hash.update(buffer)
              written += buffer.length
            }
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(
                `connection dropped after ${written} of ${size} bytes`,
                undefined,
                {cause: error}
              )
            throw error
          }
          if (written < size)
            throw new TransientError(`connection closed after ${written} of ${size} bytes`)
        },
        this.context
      )
      const found = `sha256:${hash.digest('hex')}`
      if (found !== digest)
        throw new InvalidImageError(
          `${what}: digest mismatch: expected ${digest}, found ${found}`,
          digest
        )
      await handle.close()
      await store.commit(temporary, digest)
    } catch (error) {
      await handle.close().catch(() => {})
      await rm(temporary, {force: true})
      throw error
    }
  }
  /**
   * Fetches a manifest by tag, or undefined when the registry has none (404). Used for the
   * attestation tag, which does not exist before the first attestation. Size-capped like
   * {@link fetchManifest}; the returned digest is the client's own hash of the bytes.
   */
  async fetchManifestIfPresent(tag: string): Promise<FetchedManifest | undefined> {
    const what = `${this.label}: manifest ${tag}`
    const path = `/v2/${this.reference.repository}/manifests/${tag}`
    return withRetries(
      what,
      this.context.policy,
      async () => {
        const response = await this.exchange(path, {accept: acceptManifests}, what)
        if (response.statusCode === 404) {
          response.resume()
          return undefined
        }
        await this.expectSuccess(response, what)
        const bytes = await readBody(response, maxDocumentBytes, what)
        const type = (response.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
        const known = [...indexMediaTypes, ...manifestMediaTypes].includes(type)
        return {bytes, digest: sha256Digest(bytes), mediaType: known ? type : undefined}
      },
      this.context
    )
  }

  /** Reads a small blob (at most `cap` bytes) into memory and checks it against `digest`. */
  async fetchSmallBlob(digest: string, cap: number, what: string): Promise<Buffer> {
    const path = `/v2/${this.reference.repository}/blobs/${digest}`
    const bytes = await withRetries(
      what,
      this.context.policy,
      async () => readBody(await this.get(path, {}, what), cap, what),
      this.context
    )
    const found = sha256Digest(bytes)
    if (found !== digest)
      throw new InvalidImageError(
        `${what}: digest mismatch: expected ${digest}, found ${found}`,
        digest
      )
    return bytes
  }

  /**
   * Uploads `bytes` as a blob unless the registry already has it: a monolithic upload (POST for a
   * session, then PUT with `?digest=`), as the Distribution spec describes. Returns its descriptor.
   */
  async pushBlob(bytes: Buffer, what: string): Promise<{digest: string; size: number}> {
    const digest = sha256Digest(bytes)
    const repository = this.reference.repository
    await withRetries(
      what,
      this.context.policy,
      async () => {
        const head = await this.exchange(`/v2/${repository}/blobs/${digest}`, {}, what, {
          method: 'HEAD'
        })
        head.resume()
        if (head.statusCode === 200) return
        const started = await this.expectSuccess(
          await this.exchange(`/v2/${repository}/blobs/uploads/`, {}, what, {method: 'POST'}),
          what
        )
        started.resume()
        const location = started.headers.location
        if (location === undefined)
          throw new InvalidImageError(`${what}: the registry gave no upload location`, what)
        const target = new URL(location, this.origin)
        if (target.origin !== this.origin.origin)
          throw new InvalidImageError(
            `${what}: the registry asked for the upload on another origin, ${redactUrl(target)}; not sent`,
            what
          )
        target.searchParams.set('digest', digest)
        const done = await this.expectSuccess(
          await this.exchange(
            target.pathname + target.search,
            {'content-type': 'application/octet-stream'},
            what,
            {method: 'PUT', body: bytes}
          ),
          what
        )
        done.resume()
      },
      this.context
    )
    return {digest, size: bytes.length}
  }

  /** PUTs a manifest under `tag` (or digest); returns the digest of the bytes sent. */
  async pushManifest(tag: string, bytes: Buffer, mediaType: string): Promise<string> {
    const what = `${this.label}: manifest ${tag}`
    const response = await withRetries(
      what,
      this.context.policy,
      async () =>
        this.expectSuccess(
          await this.exchange(
            `/v2/${this.reference.repository}/manifests/${tag}`,
            {'content-type': mediaType},
            what,
            {method: 'PUT', body: bytes}
          ),
          what
        ),
      this.context
    )
    response.resume()
    return sha256Digest(bytes)
  }
}
