import {LimitExceededError, UnsafeLayerEntryError, sanitizeForDisplay} from '../errors.js'
import type {ByteReader} from './byte-reader.js'
import {
  blockSize,
  cField,
  checksumMatches,
  gnuLongString,
  isZeroBlock,
  parseNumeric,
  parsePax,
  type Fail,
  type PaxOverrides
} from './tar-header.js'

export type TarEntryType =
  'file' | 'dir' | 'symlink' | 'hardlink' | 'char-device' | 'block-device' | 'fifo'

/** One tar entry after PAX/GNU overrides. Names are raw bytes, not yet normalised. */
export interface TarHeader {
  type: TarEntryType
  name: Buffer
  linkname: Buffer
  /** Data bytes that follow (0 for everything but files). */
  size: number
  mode: number
  uid: number
  gid: number
  /** Seconds since the epoch, possibly fractional (PAX). */
  mtime: number
  devmajor: number
  devminor: number
}

const typeByFlag: Record<string, TarEntryType> = {
  '0': 'file',
  '7': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '3': 'char-device',
  '4': 'block-device',
  '5': 'dir',
  '6': 'fifo'
}

const zeros = Buffer.alloc(64 * 1024)

function isZero(piece: Buffer): boolean {
  for (let at = 0; at < piece.length; at += zeros.length) {
    const part = piece.subarray(at, at + zeros.length)
    if (!part.equals(zeros.subarray(0, part.length))) return false
  }
  return true
}

function padding(size: number): number {
  const rest = size % blockSize
  return rest === 0 ? 0 : blockSize - rest
}

/**
 * A strict streaming tar parser (ustar, GNU, PAX). It exists instead of node-tar's `Parser`
 * because that one decodes names to UTF-8 strings (so invalid bytes collapse into U+FFFD) and
 * skips sparse entries. Rules: checksums verified; PAX `path`/`linkpath`/`size`/`uid`/`gid`/
 * `mtime` override ustar; GNU long names override PAX (as in Go archive/tar); global PAX headers
 * are ignored; sparse (`S`, `GNU.sparse.*`) and unknown typeflags fail; metadata records are
 * capped at `maxHeaderBytes`; header-only types must have size 0; after the end marker only
 * zero bytes may follow, and they are read to the real end of the stream.
 */
export class TarReader {
  private pending = 0
  private ended = false

  constructor(
    private readonly bytes: ByteReader,
    private readonly layer: string,
    private readonly maxHeaderBytes: number
  ) {}

  private fail(message: string, name?: Buffer): never {
    const entry = name === undefined ? '' : sanitizeForDisplay(name)
    const where = name === undefined ? '' : ` entry "${entry}"`
    throw new UnsafeLayerEntryError(`Layer ${this.layer}${where}: ${message}`, this.layer, entry)
  }

  private async readSpecial(size: number, kind: string): Promise<Buffer> {
    if (size > this.maxHeaderBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a ${kind} record of ${size} bytes exceeds the limit \`maxHeaderBytes\` (${this.maxHeaderBytes})`,
        'maxHeaderBytes'
      )
    }
    const body = await this.bytes.read(size + padding(size))
    if (body.length < size + padding(size)) this.fail(`truncated ${kind} record`)
    return Buffer.from(body.subarray(0, size))
  }

  /** Streams the current entry's data to `sink`; a short read is an error. */
  async data(sink: (piece: Buffer) => void): Promise<void> {
    const size = this.pending
    this.pending = 0
    const got = await this.bytes.pipe(size, sink)
    if (got < size) this.fail(`truncated entry data (${got} of ${size} bytes)`)
    const pad = padding(size)
    if ((await this.bytes.read(pad)).length < pad) this.fail('truncated entry padding')
  }

  /** The next entry, or `undefined` at the end of the archive. Unread data is skipped. */
  async next(): Promise<TarHeader | undefined> {
    if (this.ended) return undefined
    if (this.pending > 0) await this.data(() => {})
    const pax: PaxOverrides = {}
    let sawMeta = false
    let longName: Buffer | undefined
    let longLink: Buffer | undefined
    for (;;) {
      const block = await this.bytes.read(blockSize)
      if (block.length === 0 && !sawMeta) return this.end()
      if (block.length < blockSize) this.fail('truncated tar header')
      if (isZeroBlock(block)) {
        if (sawMeta) this.fail('end-of-archive marker right after an extended header')
        const second = await this.bytes.read(blockSize)
        if (second.length > 0 && (second.length < blockSize || !isZeroBlock(second))) {
          this.fail('a zero block followed by data (corrupt archive)')
        }
        return this.end()
      }
      const rawName = cField(block, 0, 100)
      const fail: Fail = message => this.fail(message, longName ?? pax.path ?? rawName)
      if (!checksumMatches(block, fail)) fail('invalid header checksum')
      const flag = String.fromCharCode(block[156] as number)
      const headerSize = parseNumeric(block, 124, 12, 'size', fail)
      if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
        sawMeta = true
        const body = await this.readSpecial(
          headerSize,
          flag === 'x' || flag === 'g' ? 'PAX header' : 'GNU long name'
        )
        if (flag === 'x') parsePax(body, pax, fail)
        else if (flag === 'L') longName = gnuLongString(body, fail)
        else if (flag === 'K') longLink = gnuLongString(body, fail)
        // 'g': global PAX headers are ignored (documented; real layers do not use them).
        continue
      }
      if (flag === 'S') fail('GNU sparse files are not supported (typeflag S)')
      let type = flag === '\0' ? 'file' : typeByFlag[flag]
      if (type === undefined) fail(`unknown typeflag ${JSON.stringify(flag)}`)
      let name = rawName
      const magic = block.toString('latin1', 257, 263)
      if (magic === 'ustar\0') {
        const prefix = cField(block, 345, 155)
        if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from('/'), rawName])
      }
      if (pax.path !== undefined) name = pax.path
      if (longName !== undefined) name = longName
      // V7 tars mark directories with a trailing slash on a '\0' (old regular file) entry.
      if (flag === '\0' && name.length > 0 && name[name.length - 1] === 0x2f) type = 'dir'
      let linkname = cField(block, 157, 100)
      if (pax.linkpath !== undefined) linkname = pax.linkpath
      if (longLink !== undefined) linkname = longLink
      const size = pax.size ?? headerSize
      const nameFail: Fail = message => this.fail(message, name)
      if (type !== 'file' && size !== 0)
        nameFail(`a ${type} entry must not carry data (size ${size})`)
      const mtime =
        pax.mtime ??
        ((block[136] as number) === 0xff ? 0 : parseNumeric(block, 136, 12, 'mtime', nameFail))
      const header: TarHeader = {
        type,
        name: Buffer.from(name),
        linkname: Buffer.from(linkname),
        size,
        mode: parseNumeric(block, 100, 8, 'mode', nameFail) & 0o7777,
        uid: pax.uid ?? parseNumeric(block, 108, 8, 'uid', nameFail),
        gid: pax.gid ?? parseNumeric(block, 116, 8, 'gid', nameFail),
        mtime: Math.max(0, mtime),
        devmajor:
          type === 'char-device' || type === 'block-device'
            ? parseNumeric(block, 329, 8, 'devmajor', nameFail)
            : 0,
        devminor:
          type === 'char-device' || type === 'block-device'
            ? parseNumeric(block, 337, 8, 'devminor', nameFail)
            : 0
      }
      this.pending = size
      return header
    }
  }

  private async end(): Promise<undefined> {
    this.ended = true
    await this.bytes.pipe(Infinity, piece => {
      if (!isZero(piece)) this.fail('unexpected data after the end-of-archive marker')
    })
    return undefined
  }
}
