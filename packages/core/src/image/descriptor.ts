import {InvalidImageError, sanitizeForDisplay} from '../errors.js'
import {checkDigest} from './digest.js'
import type {Platform} from './types.js'

/** A validated OCI content descriptor. */
export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations: Record<string, string>
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `\`${sanitizeForDisplay(value, 80)}\``
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : typeof value
}

/** Keeps the string-valued entries of an annotations or labels object; anything else is an error. */
export function stringMap(value: unknown, what: string): Record<string, string> {
  if (value === undefined || value === null) return {}
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected an object of strings, found ${describeValue(value)}`,
      what
    )
  const result: Record<string, string> = Object.create(null) as Record<string, string>
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') {
      throw new InvalidImageError(
        `${what}: \`${sanitizeForDisplay(key, 80)}\` should be a string, found ${describeValue(entry)}`,
        what
      )
    }
    result[key] = entry
  }
  return result
}

function parsePlatformField(value: unknown, what: string): Platform | undefined {
  if (value === undefined || value === null) return undefined
  if (!isRecord(value) || typeof value.os !== 'string' || typeof value.architecture !== 'string') {
    throw new InvalidImageError(`${what}: platform needs string \`os\` and \`architecture\``, what)
  }
  const variant =
    typeof value.variant === 'string' && value.variant !== '' ? value.variant : undefined
  return variant === undefined
    ? {os: value.os, architecture: value.architecture}
    : {os: value.os, architecture: value.architecture, variant}
}

/** Validates a descriptor object. @throws InvalidImageError naming `what` and the bad field. */
export function parseDescriptor(value: unknown, what: string): Descriptor {
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected a descriptor object, found ${describeValue(value)}`,
      what
    )
  if (typeof value.mediaType !== 'string' || value.mediaType === '') {
    throw new InvalidImageError(
      `${what}: descriptor \`mediaType\` should be a string, found ${describeValue(value.mediaType)}`,
      what
    )
  }
  const digest = checkDigest(value.digest, `${what} digest`)
  const size = value.size
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw new InvalidImageError(
      `${what}: descriptor \`size\` should be a non-negative integer, found ${describeValue(size)}`,
      what
    )
  }
  const platform = parsePlatformField(value.platform, what)
  const annotations = stringMap(value.annotations, `${what} annotations`)
  const descriptor: Descriptor = {mediaType: value.mediaType, digest, size, annotations}
  if (platform) descriptor.platform = platform
  return descriptor
}

export function parseJson(data: Buffer, what: string): unknown {
  try {
    return JSON.parse(data.toString('utf8')) as unknown
  } catch (error) {
    throw new InvalidImageError(`${what} is not valid JSON: ${(error as Error).message}`, what, {
      cause: error
    })
  }
}
