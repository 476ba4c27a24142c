import {describe, expect, it} from 'vitest'
import {InvalidImageError} from '../../errors.js'
import {
  TransientError,
  backoffDelay,
  parseRetryAfter,
  withRetries,
  type RetryPolicy
} from './retry.js'

const policy = (deadline = Date.now() + 60_000): RetryPolicy => ({
  attempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 4,
  maxRetryAfterMs: 60_000,
  deadline
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP-dates, and caps absurd values', () => {
    expect(parseRetryAfter('2', 60_000)).toBe(2000)
    expect(parseRetryAfter('86400', 60_000)).toBe(60_000)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', 60_000, now)).toBe(5000)
    expect(parseRetryAfter('soon', 60_000)).toBeUndefined()
    expect(parseRetryAfter(undefined, 60_000)).toBeUndefined()
  })
})

describe('backoffDelay', () => {
  it('doubles per attempt up to the maximum, with ±25 % jitter', () => {
    const p = {...policy(), baseDelayMs: 100, maxDelayMs: 300}
    expect(backoffDelay(1, p, () => 0.5)).toBe(100)
    expect(backoffDelay(2, p, () => 0)).toBe(150)
    expect(backoffDelay(5, p, () => 1)).toBe(375)
  })
})

describe('withRetries', () => {
  it('retries transient failures and returns the first success', async () => {
    let calls = 0
    const value = await withRetries('thing', policy(), async () => {
      calls++
      if (calls < 3) throw new TransientError('503')
      return 'ok'
    })
    expect(value).toBe('ok')
    expect(calls).toBe(3)
  })

  it('does not retry other errors', async () => {
    let calls = 0
    await expect(
      withRetries('thing', policy(), async () => {
        calls++
        throw new InvalidImageError('404')
      })
    ).rejects.toThrow('404')
    expect(calls).toBe(1)
  })

  it('gives up after the attempts or when the wait would pass the deadline, naming the request', async () => {
    await expect(
      withRetries('manifest 1', policy(), () => Promise.reject(new TransientError('503')))
    ).rejects.toThrow('manifest 1: gave up after 3 attempts: 503')
    await expect(
      withRetries('blob', policy(Date.now() + 50), () =>
        Promise.reject(new TransientError('429', 10_000))
      )
    ).rejects.toThrow('blob: gave up after 1 attempt (time budget spent): 429')
  })
})
