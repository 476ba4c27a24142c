import {setTimeout as sleep} from 'node:timers/promises'
import {InvalidImageError, getErrorMessage} from '../../errors.js'

/** A failure worth another attempt: 408/429/5xx or a dropped connection. */
export class TransientError extends Error {
  constructor(
    message: string,
    /** From `Retry-After`, already capped. */
    readonly retryAfterMs?: number,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'TransientError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export interface RetryPolicy {
  /** Attempts per request, the first included. */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** `Retry-After` is honoured up to this (an absurd 86400 must not stall CI for a day). */
  maxRetryAfterMs: number
  /** Epoch ms after which no further attempt starts: the total time budget of the pull. */
  deadline: number
}

export const retryableStatuses: ReadonlySet<number> = new Set([
  408, 425, 429, 499, 500, 502, 503, 504, 522
])

/** Network-level failures that a new connection may cure. */
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET'
])

export function isTransientNetworkError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code !== undefined && transientCodes.has(code)) return true
  const message = getErrorMessage(error)
  return message === 'aborted' || /socket hang up|idle timeout/.test(message)
}

/**
 * `Retry-After` as seconds or an HTTP-date (RFC 9110 §10.2.3), in milliseconds from `now`,
 * capped at `cap`; undefined when absent or unparsable.
 */
export function parseRetryAfter(
  value: string | undefined,
  cap: number,
  now = Date.now()
): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  let ms: number
  if (/^\d+$/.test(text)) ms = Number(text) * 1000
  else {
    const date = Date.parse(text)
    if (Number.isNaN(date)) return undefined
    ms = date - now
  }
  return Math.min(Math.max(ms, 0), cap)
}

/** Exponential backoff with ±25 % jitter so that parallel downloads do not retry in lockstep. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const base = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs)
  return Math.round(base * (0.75 + random() * 0.5))
}

/**
 * Runs `attempt` until it succeeds or throws something other than {@link TransientError}, at most
 * `policy.attempts` times and never starting an attempt (or a wait) past the deadline. It never
 * retries by itself: `attempt` decides what is transient (idempotent GETs only).
 * @throws InvalidImageError `<what>: gave up after N attempts: <last error>`.
 */
export async function withRetries<T>(
  what: string,
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  options: {signal?: AbortSignal; log?: (message: string) => void} = {}
): Promise<T> {
  for (let n = 1; ; n++) {
    options.signal?.throwIfAborted()
    try {
      return await attempt(n)
    } catch (error) {
      if (!(error instanceof TransientError)) throw error
      const delay = error.retryAfterMs ?? backoffDelay(n, policy)
      const outOfTime = Date.now() + delay >= policy.deadline
      if (n >= policy.attempts || outOfTime) {
        throw new InvalidImageError(
          `${what}: gave up after ${n} attempt${n === 1 ? '' : 's'}${outOfTime ? ' (time budget spent)' : ''}: ${error.message}`,
          what,
          {cause: error}
        )
      }
      options.log?.(`${what}: ${error.message}; retrying in ${delay} ms (attempt ${n + 1})`)
      await sleep(delay, undefined, {signal: options.signal})
    }
  }
}
