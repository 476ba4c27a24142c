import * as fs from 'node:fs'
import * as zlib from 'node:zlib'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {writeTar} from '../../../../test/support/tar-writer.js'
import {
  CancelledError,
  InvalidImageError,
  LimitExceededError,
  UnsafeLayerEntryError
} from '../errors.js'
import {applyLayers} from './apply-layers.js'
import {
  Sandbox,
  layer,
  layerFromTar,
  sha256,
  stack
} from '../../../../test/support/layer-fixtures.js'

let box: Sandbox
beforeEach(() => {
  box = new Sandbox()
})
afterEach(() => {
  box.cleanup()
})

/** Rewrites bytes of the header block at `block` and fixes its checksum. */
function patchHeader(tar: Buffer, block: number, offset: number, bytes: Buffer): Buffer {
  const copy = Buffer.from(tar)
  const start = block * 512
  bytes.copy(copy, start + offset)
  copy.fill(0x20, start + 148, start + 156)
  let sum = 0
  for (let i = start; i < start + 512; i++) sum += copy[i] as number
  copy.write(`${sum.toString(8).padStart(6, '0')}\0 `, start + 148, 'ascii')
  return copy
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected a rejection')
  return error
}

describe('applyLayers limits', () => {
  it('stops a gzip bomb at the per-layer byte cap without filling the disk (EX-29)', async () => {
    const bomb = layer([{name: 'zeros', content: Buffer.alloc(64 * 1024 * 1024)}], {gzip: true})
    expect(bomb.size).toBeLessThan(200 * 1024)
    const error = await failure(
      applyLayers({root: box.dest, layers: [bomb], limits: {maxLayerBytes: 4 * 1024 * 1024}})
    )
    expect(error).toBeInstanceOf(LimitExceededError)
    expect((error as LimitExceededError).limit).toBe('maxLayerBytes')
    expect(error.message).toContain(bomb.digest)
    expect(fs.statSync(box.path('zeros')).size).toBeLessThanOrEqual(4 * 1024 * 1024)
  })

  it('caps the uncompressed bytes of the whole image across layers', async () => {
    const half = (i: number) =>
      layer([{name: `f${i}`, content: Buffer.alloc(600 * 1024)}], {index: i})
    const error = await failure(
      applyLayers({
        root: box.dest,
        layers: [half(0), half(1)],
        limits: {maxImageBytes: 1024 * 1024}
      })
    )
    expect((error as LimitExceededError).limit).toBe('maxImageBytes')
  })

  it('caps the number of entries in the image (EX-31)', async () => {
    const many = layer(Array.from({length: 20}, (_, i) => ({name: `f${i}`, content: ''})))
    const error = await failure(
      applyLayers({root: box.dest, layers: [many], limits: {maxEntries: 10}})
    )
    expect(error).toBeInstanceOf(LimitExceededError)
    expect(error.message).toMatch(/`maxEntries` \(10\)/)
  })

  it('caps the path depth (EX-31)', async () => {
    const deep = layer([{name: `${'d/'.repeat(40)}file`, content: ''}])
    const error = await failure(
      applyLayers({root: box.dest, layers: [deep], limits: {maxDepth: 32}})
    )
    expect((error as LimitExceededError).limit).toBe('maxDepth')
  })

  it('refuses a 4097-byte path and a 256-byte component (EX-31)', async () => {
    const longPath = layer([{name: `${'abcdefg/'.repeat(512)}x`, content: ''}])
    expect((await failure(applyLayers({root: box.dest, layers: [longPath]}))).message).toMatch(
      /`maxPathBytes` \(4096\)/
    )
    const longComponent = layer([{name: `dir/${'c'.repeat(256)}`, content: ''}])
    const error = await failure(applyLayers({root: box.dest, layers: [longComponent]}))
    expect(error).toBeInstanceOf(UnsafeLayerEntryError)
    expect(error.message).toMatch(/longer than 255 bytes/)
  })

  it('caps PAX and GNU long-name records (EX-32)', async () => {
    const pax = layer([{name: 'f', content: '', pax: {comment: 'x'.repeat(5000)}}])
    expect(
      (await failure(applyLayers({root: box.dest, layers: [pax], limits: {maxHeaderBytes: 4096}})))
        .message
    ).toMatch(/PAX header record of \d+ bytes exceeds the limit `maxHeaderBytes`/)
    const gnu = layer([
      {name: '././@LongLink', type: 'gnu-longname', content: `${'n'.repeat(5000)}\0`},
      {name: 'short', content: ''}
    ])
    const error = await failure(
      applyLayers({root: box.dest, layers: [gnu], limits: {maxHeaderBytes: 4096}})
    )
    expect((error as LimitExceededError).limit).toBe('maxHeaderBytes')
  })
})

describe('applyLayers parsing rules', () => {
  it('refuses GNU sparse entries instead of skipping them (EX-30)', async () => {
    const typeS = layer([{name: 'var/log/lastlog', type: 'sparse', content: ''}])
    expect((await failure(applyLayers({root: box.dest, layers: [typeS]}))).message).toMatch(
      /sparse files are not supported \(typeflag S\)/
    )
    const pax10 = layer([
      {
        name: 'var/log/lastlog',
        content: 'x',
        pax: {'GNU.sparse.major': '1', 'GNU.sparse.minor': '0'}
      }
    ])
    expect((await failure(applyLayers({root: box.dest, layers: [pax10]}))).message).toMatch(
      /GNU\.sparse/
    )
  })

  it('uses the PAX size over the ustar size, so a nested tar stays file data (EX-33)', async () => {
    const nested = writeTar([{name: 'smuggled', content: 'evil'}], {endBlocks: false})
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'outer', content: nested, headerSize: 0, pax: {size: String(nested.length)}},
          {name: 'after', content: 'ok'}
        ])
      ]
    })
    expect(fs.readdirSync(box.dest).sort()).toEqual(['after', 'outer'])
    expect(fs.readFileSync(box.path('outer')).equals(nested)).toBe(true)
  })

  it('refuses a NUL byte in a PAX path or linkpath (EX-34)', async () => {
    const path = layer([{name: 'x', content: '', pax: {path: Buffer.from('etc/passwd\0ignored')}}])
    expect((await failure(applyLayers({root: box.dest, layers: [path]}))).message).toMatch(
      /NUL byte in the PAX path/
    )
    const link = layer([
      {name: 'l', type: 'symlink', linkname: 'a', pax: {linkpath: Buffer.from('/etc\0x')}}
    ])
    expect((await failure(applyLayers({root: box.dest, layers: [link]}))).message).toMatch(
      /NUL byte in the PAX linkpath/
    )
  })

  it('refuses a negative base-256 size without hanging (EX-34)', async () => {
    const tar = patchHeader(
      writeTar([{name: 'f', content: ''}]),
      0,
      124,
      Buffer.from([0xff, ...Array<number>(11).fill(0xff)])
    )
    const error = await failure(applyLayers({root: box.dest, layers: [layerFromTar(tar)]}))
    expect(error).toBeInstanceOf(UnsafeLayerEntryError)
    expect(error.message).toMatch(/negative base-256 value in the size field/)
  })

  it('refuses unknown typeflags, bad checksums and truncated data', async () => {
    const unknown = patchHeader(writeTar([{name: 'f', content: ''}]), 0, 156, Buffer.from('Z'))
    expect(
      (await failure(applyLayers({root: box.dest, layers: [layerFromTar(unknown)]}))).message
    ).toMatch(/unknown typeflag "Z"/)
    const corrupt = Buffer.from(writeTar([{name: 'f', content: 'x'}]))
    corrupt[10] = 0x41
    expect(
      (await failure(applyLayers({root: box.dest, layers: [layerFromTar(corrupt)]}))).message
    ).toMatch(/invalid header checksum/)
    const truncated = writeTar([{name: 'f', content: Buffer.alloc(4000, 1)}]).subarray(0, 2048)
    expect(
      (await failure(applyLayers({root: box.dest, layers: [layerFromTar(truncated)]}))).message
    ).toMatch(/truncated entry data/)
  })

  it('refuses data on a header-only entry type', async () => {
    const tar = patchHeader(
      writeTar([{name: 'd/', type: 'dir'}]),
      0,
      124,
      Buffer.from('00000001000\0')
    )
    const error = await failure(applyLayers({root: box.dest, layers: [layerFromTar(tar)]}))
    expect(error.message).toMatch(/a dir entry must not carry data/)
  })

  it('reads entries split across arbitrary chunk boundaries', async () => {
    const tar = writeTar([
      {name: 'a', content: Buffer.alloc(5000, 3)},
      {name: `p/${'x'.repeat(150)}`, content: 'long'}
    ])
    await applyLayers({root: box.dest, layers: [layerFromTar(tar, {chunkSize: 7})]})
    expect(fs.readFileSync(box.path('a')).equals(Buffer.alloc(5000, 3))).toBe(true)
    expect(fs.readFileSync(box.path(`p/${'x'.repeat(150)}`), 'utf8')).toBe('long')
  })
})

describe('applyLayers integrity', () => {
  it('fails when the uncompressed layer does not match its diff_id (EX-35)', async () => {
    const tar = writeTar([{name: 'f', content: 'original'}])
    const flipped = Buffer.from(tar)
    flipped[512] = 0x4f
    const bad = layerFromTar(flipped, {gzip: true, diffId: sha256(tar)})
    const error = await failure(applyLayers({root: box.dest, layers: [bad]}))
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as InvalidImageError).component).toBe(bad.digest)
    expect(error.message).toMatch(
      /uncompressed layer has digest sha256:[0-9a-f]{64}, but the image config says/
    )
    expect(box.violations()).toEqual([])
  })

  it('hashes to the real end of the stream, past the end-of-archive marker (EX-35)', async () => {
    const tar = writeTar([{name: 'f', content: 'x'}])
    const padded = Buffer.concat([tar, Buffer.alloc(10240 - tar.length)])
    // the diff_id covers the zero padding after the marker: accepted
    await applyLayers({root: box.dest, layers: [layerFromTar(padded)]})
    // a diff_id over the bytes up to the marker only: refused, because the padding is hashed too
    const other = new Sandbox()
    try {
      const error = await failure(
        applyLayers({root: other.dest, layers: [layerFromTar(padded, {diffId: sha256(tar)})]})
      )
      expect(error).toBeInstanceOf(InvalidImageError)
      expect(error.message).toContain(`the image config says ${sha256(tar)}`)
    } finally {
      other.cleanup()
    }
  })

  it('refuses non-zero data after the end-of-archive marker (EX-35)', async () => {
    const tar = Buffer.concat([
      writeTar([{name: 'f', content: 'x'}]),
      Buffer.from('trailing garbage')
    ])
    const error = await failure(applyLayers({root: box.dest, layers: [layerFromTar(tar)]}))
    expect(error.message).toMatch(/unexpected data after the end-of-archive marker/)
  })

  it('refuses extra data after the gzip stream (EX-35)', async () => {
    const bad = layer([{name: 'f', content: 'x'}], {
      gzip: true,
      trailer: Buffer.from('junk after gzip')
    })
    const error = await failure(applyLayers({root: box.dest, layers: [bad]}))
    expect(error).toBeInstanceOf(InvalidImageError)
    expect(error.message).toMatch(/gzip decompression failed/)
  })

  it('accepts concatenated gzip members', async () => {
    const tar = writeTar([{name: 'f', content: 'concatenated'}])
    const blob = Buffer.concat([
      zlib.gzipSync(tar.subarray(0, 700)),
      zlib.gzipSync(tar.subarray(700))
    ])
    const concatenated = {...layerFromTar(blob), diffId: sha256(tar)}
    await applyLayers({root: box.dest, layers: [concatenated]})
    expect(fs.readFileSync(box.path('f'), 'utf8')).toBe('concatenated')
  })

  it('handles an empty blob, an empty tar and the same layer twice (EX-36)', async () => {
    const twice = layer([{name: 'f', content: 'x'}])
    const result = await applyLayers({
      root: box.dest,
      layers: stack(layerFromTar(Buffer.alloc(0)), layerFromTar(writeTar([])), twice, twice)
    })
    expect(fs.readFileSync(box.path('f'), 'utf8')).toBe('x')
    expect(result.layers.map(item => item.written.length)).toEqual([0, 0, 1, 1])
  })

  it('refuses a malformed diff_id before reading the layer', async () => {
    const bad = {...layer([{name: 'f', content: 'x'}]), diffId: 'sha256:../../etc'}
    const error = await failure(applyLayers({root: box.dest, layers: [bad]}))
    expect(error.message).toMatch(/expected a diff_id matching sha256:<64 hex>/)
    expect(fs.readdirSync(box.dest)).toEqual([])
  })

  it('refuses zstd clearly when this Node has no zstd, and decodes it when it does', async () => {
    const tar = writeTar([{name: 'f', content: 'zstd'}])
    const native = zlib as unknown as {zstdCompressSync?: (data: Buffer) => Buffer}
    if (native.zstdCompressSync === undefined) {
      const blob = Buffer.concat([Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.alloc(64)])
      const error = await failure(
        applyLayers({root: box.dest, layers: [{...layerFromTar(blob), diffId: sha256(tar)}]})
      )
      expect(error).toBeInstanceOf(InvalidImageError)
      expect(error.message).toMatch(/unsupported compression zstd on this Node version/)
    } else {
      await applyLayers({
        root: box.dest,
        layers: [{...layerFromTar(native.zstdCompressSync(tar)), diffId: sha256(tar)}]
      })
      expect(fs.readFileSync(box.path('f'), 'utf8')).toBe('zstd')
    }
  })

  it('reports progress in uncompressed bytes per layer', async () => {
    const tar = writeTar([{name: 'f', content: Buffer.alloc(300_000)}])
    const seen: [number, number][] = []
    const result = await applyLayers({
      root: box.dest,
      layers: [layerFromTar(tar, {gzip: true})],
      onProgress: (i, b) => seen.push([i, b])
    })
    expect(seen.at(-1)).toEqual([0, tar.length])
    expect(result.bytes).toBe(tar.length)
  })
})

describe('applyLayers cancellation', () => {
  it('stops between entries when the signal aborts and writes nothing outside the root (EX-39)', async () => {
    const controller = new AbortController()
    const big = layer(
      Array.from({length: 200}, (_, i) => ({name: `dir/f${i}`, content: Buffer.alloc(4096, i)})),
      {chunkSize: 8192}
    )
    const error = await failure(
      applyLayers({
        root: box.dest,
        layers: [big],
        signal: controller.signal,
        onProgress: (_layer, bytes) => {
          if (bytes > 100_000) controller.abort()
        }
      })
    )
    expect(error).toBeInstanceOf(CancelledError)
    expect(fs.readdirSync(box.path('dir')).length).toBeLessThan(200)
    expect(box.violations()).toEqual([])
  })

  it('does nothing when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failure(
      applyLayers({
        root: box.dest,
        layers: [layer([{name: 'f', content: 'x'}])],
        signal: controller.signal
      })
    )
    expect(error).toBeInstanceOf(CancelledError)
    expect(fs.readdirSync(box.dest)).toEqual([])
  })
})
