import {InvalidImageError} from '../../errors.js'
import {isRecord} from '../descriptor.js'
import type {Credentials} from './credentials.js'
import {
  TransientError,
  retryableStatuses,
  withRetries,
  isTransientNetworkError,
  type RetryPolicy
} from './retry.js'
import {isInternalAddress, readBody, redactUrl, type Transport} from './transport.js'
import {parseWwwAuthenticate, type Challenge} from './www-authenticate.js'

/** Token responses above this are refused (containers/image iolimits). */
export const maxTokenBytes = 1024 * 1024
const maxTokenRedirects = 3

export interface AuthContext {
  /** The registry's API origin, `https://host:port`. */
  origin: URL
  /** Whether plain http is allowed for this registry (`--insecure-registry`). */
  insecure: boolean
  repository: string
  /** For messages: `registry host:port, image repo:tag`. */
  label: string
  transport: Transport
  policy: RetryPolicy
  credentials: () => Promise<Credentials | undefined>
  signal?: AbortSignal
  log?: (message: string) => void
}

/**
 * Checks a Bearer realm before anything is sent to it (ggcr a2f47d42, 5cfc2a4b): https only
 * (http only for a registry marked insecure), and no loopback/link-local/private IP literal unless
 * it is the registry itself.
 */
export function checkRealm(
  realm: URL,
  context: Pick<AuthContext, 'origin' | 'insecure' | 'label'>
): void {
  const refuse = (why: string): never => {
    throw new InvalidImageError(
      `${context.label}: refusing the token server ${redactUrl(realm)}: ${why}`,
      'auth'
    )
  }
  if (realm.protocol !== 'https:' && !(realm.protocol === 'http:' && context.insecure))
    refuse('it is not https')
  if (realm.username !== '' || realm.password !== '') refuse('it carries credentials')
  if (isInternalAddress(realm.hostname) && realm.host !== context.origin.host)
    refuse('it is an internal address other than the registry')
}

function basic(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

/**
 * Holds the `Authorization` value for one registry and repository. {@link respond} turns a 401
 * challenge into a new value: Basic credentials (https only), or a Bearer token from the realm.
 * The value is only ever attached by the client to requests for the registry's own origin; it
 * never appears in a message.
 */
export class Authenticator {
  header: string | undefined
  private bearer: {challenge: Challenge; expiresAt: number} | undefined

  constructor(private readonly context: AuthContext) {}

  /** Refreshes a Bearer token whose `expires_in` has passed, before it is sent again. */
  async refreshIfExpired(): Promise<void> {
    if (this.bearer && Date.now() >= this.bearer.expiresAt) {
      const credentials = await this.context.credentials()
      this.header = `Bearer ${await this.fetchToken(this.bearer.challenge, credentials)}`
    }
  }

  /**
   * Handles the `round`-th 401 of one request (1 or 2). A second round is allowed for a Bearer
   * challenge (expired token, `insufficient_scope`); rejected Basic credentials end at once.
   */
  async respond(wwwAuthenticate: string | undefined, round: number): Promise<void> {
    const {label} = this.context
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? '')
    const bearer = challenges.find(c => c.scheme === 'bearer')
    const basicChallenge = challenges.find(c => c.scheme === 'basic')
    const hadAuth = this.header !== undefined
    if (round > 2 || (hadAuth && !bearer)) {
      throw new InvalidImageError(
        `${label}: access denied (401): the credentials were rejected or lack pull permission`,
        'auth'
      )
    }
    const credentials = await this.context.credentials()
    if (bearer) {
      this.header = `Bearer ${await this.fetchToken(bearer, credentials)}`
    } else if (basicChallenge) {
      if (!credentials)
        throw new InvalidImageError(
          `${label}: the registry requires credentials (401) and none were found (--username/--password-stdin, SCAPGATE_REGISTRY_USERNAME/PASSWORD, REGISTRY_AUTH_FILE or ~/.docker/config.json)`,
          'auth'
        )
      if (this.context.origin.protocol !== 'https:')
        throw new InvalidImageError(
          `${label}: refusing to send credentials over plain http`,
          'auth'
        )
      this.header = basic(credentials)
    } else {
      throw new InvalidImageError(
        `${label}: access denied (401) with no Bearer or Basic challenge`,
        'auth'
      )
    }
  }

  private async fetchToken(
    challenge: Challenge,
    credentials: Credentials | undefined
  ): Promise<string> {
    const obtained = Date.now()
    const {token, expiresIn} = await this.requestToken(challenge, credentials)
    // Refresh a little early; a registry that omits expires_in gets the spec's default of 60 s.
    this.bearer = {challenge, expiresAt: obtained + Math.max(expiresIn - 10, 5) * 1000}
    return token
  }

  private async requestToken(
    challenge: Challenge,
    credentials: Credentials | undefined
  ): Promise<{token: string; expiresIn: number}> {
    const {label, policy, signal, transport} = this.context
    const realmText = challenge.params.realm
    let realm: URL
    try {
      realm = new URL(realmText ?? '')
    } catch {
      throw new InvalidImageError(`${label}: the Bearer challenge has no valid realm URL`, 'auth')
    }
    checkRealm(realm, this.context)
    const url = new URL(realm)
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service)
    const scopes = (challenge.params.scope ?? `repository:${this.context.repository}:pull`).split(
      ' '
    )
    for (const scope of scopes) if (scope !== '') url.searchParams.append('scope', scope)
    const what = `${label}: token from ${redactUrl(realm)}`
    return withRetries(
      what,
      policy,
      async () => {
        let target = url
        for (let hop = 0; ; hop++) {
          const headers: Record<string, string> = {accept: 'application/json'}
          // Basic credentials only over https and only to the realm's own origin.
          if (credentials && target.protocol === 'https:' && target.origin === realm.origin)
            headers.authorization = basic(credentials)
          let response
          try {
            response = await transport.request(target, headers, signal)
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(`${(error as Error).message}`)
            throw error
          }
          const status = response.statusCode ?? 0
          if (
            status >= 300 &&
            status < 400 &&
            response.headers.location &&
            hop < maxTokenRedirects
          ) {
            response.resume()
            target = new URL(response.headers.location, target)
            checkRealm(target, this.context)
            continue
          }
          if (retryableStatuses.has(status)) {
            response.resume()
            throw new TransientError(`the token server answered ${status}`)
          }
          if (status === 401 || status === 403) {
            response.resume()
            throw new InvalidImageError(
              `${label}: the token server refused the ${credentials ? 'credentials' : 'anonymous request'} (${status})`,
              'auth'
            )
          }
          if (status !== 200) {
            response.resume()
            throw new InvalidImageError(`${what}: unexpected status ${status}`, 'auth')
          }
          return parseToken(await readBody(response, maxTokenBytes, `${what}: response`), what)
        }
      },
      {signal, log: this.context.log}
    )
  }
}

function parseToken(body: Buffer, what: string): {token: string; expiresIn: number} {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    throw new InvalidImageError(`${what}: the response is not JSON`, 'auth')
  }
  const token = isRecord(json) ? (json.token ?? json.access_token) : undefined
  if (typeof token !== 'string' || token === '' || /[\s\u0000-\u001f]/.test(token))
    throw new InvalidImageError(
      `${what}: the response has no usable \`token\` or \`access_token\``,
      'auth'
    )
  const expires = isRecord(json) ? json.expires_in : undefined
  return {token, expiresIn: typeof expires === 'number' && expires > 0 ? expires : 60}
}
