import {LimitExceededError} from '../errors.js'
import {defaultApplyLimits, type ApplyLimits} from './types.js'

/** Merges caller limits over the defaults; every value must be a positive integer. */
export function resolveLimits(limits: Partial<ApplyLimits> = {}): ApplyLimits {
  const merged: ApplyLimits = {...defaultApplyLimits}
  for (const [key, value] of Object.entries(limits) as [keyof ApplyLimits, unknown][]) {
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(
        `Expected limit \`${key}\` to be a positive integer, got \`${String(value)}\` (${typeof value})`
      )
    }
    merged[key] = value
  }
  return merged
}

/** The error for a hit limit: names the limit, its value and the layer. */
export function limitError(
  limit: keyof ApplyLimits | string,
  max: number,
  layer: string,
  what: string
): LimitExceededError {
  return new LimitExceededError(
    `Layer ${layer}: ${what} exceeds the limit \`${limit}\` (${max})`,
    limit
  )
}
