import {createHash} from 'node:crypto'
import {InvalidImageError} from '../errors.js'
import {openLocation, readLocation, type BlobLocation} from './blob-source.js'
import {sha256Digest} from './digest.js'
import type {LayerCompression} from './types.js'

export interface BlobFacts {
  digest: string
  size: number
  compression: LayerCompression
}

/** Compression from magic bytes: gzip `1f 8b`, zstd `28 b5 2f fd`, anything else is taken as tar. */
export function detectCompression(head: Buffer): LayerCompression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd'
  return 'none'
}

/** Hashes the stored bytes in one sequential pass and sniffs their compression. */
export async function hashLocation(
  location: BlobLocation,
  signal?: AbortSignal
): Promise<BlobFacts> {
  const hash = createHash('sha256')
  let size = 0
  let head = Buffer.alloc(0)
  const stream = openLocation(location)
  const abort = (): void => {
    stream.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'))
  }
  signal?.addEventListener('abort', abort, {once: true})
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer
      if (head.length < 4) head = Buffer.concat([head, buf.subarray(0, 4)])
      hash.update(buf)
      size += buf.length
    }
  } finally {
    signal?.removeEventListener('abort', abort)
  }
  signal?.throwIfAborted()
  return {digest: `sha256:${hash.digest('hex')}`, size, compression: detectCompression(head)}
}

/**
 * Reads a small document and checks it against its descriptor's size and digest.
 * @throws InvalidImageError `<what>: expected sha256:…, found sha256:…`.
 */
export async function readVerified(
  location: BlobLocation,
  expected: {digest: string; size?: number},
  cap: number,
  what: string
): Promise<Buffer> {
  if (expected.size !== undefined && location.size !== expected.size) {
    throw new InvalidImageError(
      `${what}: expected ${expected.size} bytes, found ${location.size}`,
      expected.digest
    )
  }
  const data = await readLocation(location, cap, what)
  const found = sha256Digest(data)
  if (found !== expected.digest) {
    throw new InvalidImageError(
      `${what}: expected ${expected.digest}, found ${found}`,
      expected.digest
    )
  }
  return data
}
