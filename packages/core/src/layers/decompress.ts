import {Readable} from 'node:stream'
import {pipeline} from 'node:stream'
import * as zlib from 'node:zlib'
import {InvalidImageError} from '../errors.js'
import type {LayerCompression, VerifiedLayer} from '../image/types.js'

const chunkSize = 128 * 1024

/**
 * Detects the compression of a layer blob from its first bytes. The media type is not trusted:
 * docker-archive layers are often uncompressed whatever their media type says. xz and bzip2 are
 * recognised only to be refused with a clear message.
 */
export function detectCompression(head: Buffer): LayerCompression | 'xz' | 'bzip2' {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) return 'zstd'
  if (
    head.length >= 6 &&
    head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
  )
    return 'xz'
  if (head.length >= 3 && head.subarray(0, 3).toString('latin1') === 'BZh') return 'bzip2'
  return 'none'
}

type ZstdFactory = (options?: {chunkSize?: number}) => NodeJS.ReadWriteStream

/** `zlib.createZstdDecompress` exists from Node 22.15 / 23.8; Node 20 has no zstd at all. */
function zstdFactory(): ZstdFactory | undefined {
  const candidate = (zlib as unknown as {createZstdDecompress?: unknown}).createZstdDecompress
  return typeof candidate === 'function' ? (candidate as ZstdFactory) : undefined
}

function toReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : new Readable().wrap(stream)
}

/**
 * Streams the uncompressed bytes of a layer. gzip accepts concatenated members; Node's zlib
 * rejects non-zero bytes after the last member ("incorrect header check") and ignores zero
 * padding. Errors name the layer digest. Breaking out of the iteration destroys the blob stream.
 */
export async function* decompressedChunks(layer: VerifiedLayer): AsyncGenerator<Buffer> {
  const raw = toReadable(layer.open())
  const iterator = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  try {
    const headParts: Buffer[] = []
    let headLength = 0
    while (headLength < 6) {
      const result = await iterator.next()
      if (result.done === true) break
      const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value)
      headParts.push(chunk)
      headLength += chunk.length
    }
    const head = Buffer.concat(headParts)
    const compression = detectCompression(head)
    async function* input(): AsyncGenerator<Buffer> {
      if (head.length > 0) yield head
      for (;;) {
        const result = await iterator.next()
        if (result.done === true) return
        yield result.value
      }
    }
    if (compression === 'none') {
      yield* input()
      return
    }
    let decompressor: NodeJS.ReadWriteStream
    if (compression === 'gzip') {
      decompressor = zlib.createGunzip({chunkSize})
    } else if (compression === 'zstd') {
      const factory = zstdFactory()
      if (factory === undefined) {
        throw new InvalidImageError(
          `Layer ${layer.digest}: unsupported compression zstd on this Node version (${process.version}); ` +
            'zstd needs Node >= 22.15 (zlib.createZstdDecompress)',
          layer.digest
        )
      }
      decompressor = factory({chunkSize})
    } else {
      throw new InvalidImageError(
        `Layer ${layer.digest}: unsupported compression ${compression}; expected gzip, zstd or an uncompressed tar`,
        layer.digest
      )
    }
    const output = decompressor as unknown as Readable
    pipeline(Readable.from(input(), {objectMode: false}), decompressor, () => {})
    try {
      for await (const chunk of output) yield chunk as Buffer
    } catch (error) {
      // The blob's own verification (size, digest) fails the stream with a message of its own.
      if (error instanceof InvalidImageError) throw error
      throw new InvalidImageError(
        `Layer ${layer.digest}: ${compression} decompression failed: ${(error as Error).message}`,
        layer.digest,
        {cause: error}
      )
    } finally {
      output.destroy()
    }
  } finally {
    // Destroying the source also settles a pending read of the iterator.
    raw.destroy()
  }
}
