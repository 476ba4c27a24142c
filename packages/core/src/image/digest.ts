import {createHash} from 'node:crypto'
import {InvalidImageError, sanitizeForDisplay} from '../errors.js'

/** The only digest form intake accepts; checked before a digest is used in a path (CVE-2024-3727). */
export const digestPattern = /^sha256:[a-f0-9]{64}$/

export function isDigest(value: unknown): value is string {
  return typeof value === 'string' && digestPattern.test(value)
}

/**
 * Returns `value` when it is a `sha256:<64 lowercase hex>` digest.
 * @throws InvalidImageError naming `what` (e.g. `layer 2 of oci:dir`) and the value found.
 */
export function checkDigest(value: unknown, what: string): string {
  if (isDigest(value)) return value
  const found = typeof value === 'string' ? `\`${sanitizeForDisplay(value, 100)}\`` : typeof value
  throw new InvalidImageError(
    `${what}: expected a digest of the form sha256:<64 lowercase hex digits>, found ${found}`,
    what
  )
}

export function sha256Digest(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

/** The in-layout path of a blob: `blobs/sha256/<hex>`. The digest must have passed {@link checkDigest}. */
export function blobPath(digest: string): string {
  return `blobs/sha256/${digest.slice('sha256:'.length)}`
}

/** Shortens a digest for messages: `sha256:0123456789ab…`. */
export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest
}
