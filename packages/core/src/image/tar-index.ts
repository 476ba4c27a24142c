import {open, stat} from 'node:fs/promises'
import {posix} from 'node:path'
import {InvalidImageError, LimitExceededError, sanitizeForDisplay} from '../errors.js'
import {cleanMemberName} from './member-path.js'
import type {BlobLocation, BlobSource} from './blob-source.js'

export type TarMemberType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other'

export interface TarMember {
  /** Cleaned in-archive path. */
  name: string
  type: TarMemberType
  /** Byte offset of the member's data in the archive file. */
  offset: number
  size: number
  linkname: string
}

/** Archives that wrap images have a handful of members per layer; this only stops absurd input. */
const maxMembers = 200_000
const maxExtendedHeader = 1024 * 1024

const block = 512

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length)
  const end = raw.indexOf(0)
  return raw.subarray(0, end < 0 ? length : end).toString('utf8')
}

function numeric(header: Buffer, start: number, length: number, what: string): number {
  const raw = header.subarray(start, start + length)
  if (((raw[0] ?? 0) & 0x80) !== 0) {
    // GNU base-256; a set sign bit means negative (CVE-2026-59874 class).
    if (raw[0] === 0xff) throw new InvalidImageError(`${what} is negative`, what)
    let value = (raw[0] ?? 0) & 0x7f
    for (const byte of raw.subarray(1)) value = value * 256 + byte
    if (!Number.isSafeInteger(value)) throw new InvalidImageError(`${what} is too large`, what)
    return value
  }
  const text = raw
    .toString('latin1')
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '')
  if (text === '') return 0
  if (!/^[0-7]+$/.test(text))
    throw new InvalidImageError(
      `tar header ${what} is not octal: \`${sanitizeForDisplay(text, 20)}\``,
      what
    )
  return parseInt(text, 8)
}

function checksumOk(header: Buffer): boolean {
  let expected: number
  try {
    expected = numeric(header, 148, 8, 'checksum')
  } catch {
    return false
  }
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < block; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return expected === unsigned || expected === signed
}

function parsePax(data: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  let pos = 0
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos)
    if (space < 0) break
    const length = Number(data.subarray(pos, space).toString('latin1'))
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length) {
      throw new InvalidImageError('malformed PAX record in the archive', 'pax')
    }
    const record = data.subarray(space + 1, pos + length - 1).toString('utf8')
    const eq = record.indexOf('=')
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1))
    pos += length
  }
  return records
}

function typeOf(flag: string): TarMemberType {
  if (flag === '0' || flag === '' || flag === '7') return 'file'
  if (flag === '5') return 'dir'
  if (flag === '2') return 'symlink'
  if (flag === '1') return 'hardlink'
  return 'other'
}

/**
 * A header-only index of an uncompressed tar file: member data is never copied, a blob is a byte
 * range of the archive. Lookups match cleaned in-archive paths only and follow at most one link,
 * as containers/image `openTarComponent` does.
 */
export class TarIndex implements BlobSource {
  private constructor(
    readonly file: string,
    readonly label: string,
    readonly members: ReadonlyMap<string, TarMember>
  ) {}

  /** Reads every header of `file` once. @throws InvalidImageError for a truncated or malformed archive. */
  static async read(file: string, label: string): Promise<TarIndex> {
    const {size: fileSize} = await stat(file)
    const handle = await open(file, 'r')
    const members = new Map<string, TarMember>()
    try {
      const header = Buffer.alloc(block)
      let pos = 0
      let pending = new Map<string, string>()
      let count = 0
      const readData = async (offset: number, size: number): Promise<Buffer> => {
        if (size > maxExtendedHeader) {
          throw new LimitExceededError(
            `${label}: a tar extended header of ${size} bytes exceeds ${maxExtendedHeader}`,
            'tar-header'
          )
        }
        const data = Buffer.alloc(size)
        const {bytesRead} = await handle.read(data, 0, size, offset)
        if (bytesRead !== size)
          throw new InvalidImageError(`${label}: the archive is truncated`, label)
        return data
      }
      for (;;) {
        const {bytesRead} = await handle.read(header, 0, block, pos)
        if (bytesRead === 0) break
        if (bytesRead < block)
          throw new InvalidImageError(`${label}: the archive is truncated`, label)
        if (header.every(b => b === 0)) break
        if (!checksumOk(header)) {
          throw new InvalidImageError(
            `${label}: tar header at offset ${pos} has a bad checksum; is this a tar archive?`,
            label
          )
        }
        if (++count > maxMembers)
          throw new LimitExceededError(
            `${label}: more than ${maxMembers} archive members`,
            'archive-members'
          )
        const flag = String.fromCharCode(header[156] ?? 0).replace('\0', '')
        let size = numeric(header, 124, 12, `${label}: size of the tar member at offset ${pos}`)
        const dataOffset = pos + block
        if (flag === 'x' || flag === 'L' || flag === 'K') {
          const data = await readData(dataOffset, size)
          if (flag === 'x') for (const [k, v] of parsePax(data)) pending.set(k, v)
          else pending.set(flag === 'L' ? 'path' : 'linkpath', field(data, 0, data.length))
        } else if (flag !== 'g') {
          const prefix = field(header, 257, 6).startsWith('ustar') ? field(header, 345, 155) : ''
          const rawName =
            pending.get('path') ??
            (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
          const linkname = pending.get('linkpath') ?? field(header, 157, 100)
          const paxSize = pending.get('size')
          if (paxSize !== undefined) {
            if (!/^\d+$/.test(paxSize))
              throw new InvalidImageError(
                `${label}: bad PAX size \`${sanitizeForDisplay(paxSize, 30)}\``,
                label
              )
            size = Number(paxSize)
          }
          pending = new Map()
          const type = typeOf(flag)
          // Header-only types carry no data whatever the size field says (as Go archive/tar).
          if ('123456'.includes(flag) && flag !== '') size = 0
          const name = cleanMemberName(rawName)
          if (name !== undefined) {
            const previous = members.get(name)
            if (previous && previous.type !== 'dir' && type !== 'dir') {
              throw new InvalidImageError(
                `${label}: the archive has two members named \`${sanitizeForDisplay(name)}\``,
                name
              )
            }
            members.set(name, {name, type, offset: dataOffset, size, linkname})
          }
        }
        const next = dataOffset + Math.ceil(size / block) * block
        if (dataOffset + size > fileSize)
          throw new InvalidImageError(`${label}: the archive is truncated`, label)
        pos = next
      }
    } finally {
      await handle.close()
    }
    return new TarIndex(file, label, members)
  }

  async locate(member: string): Promise<BlobLocation | undefined> {
    const found = this.members.get(member)
    if (!found) return undefined
    let target = found
    if (found.type === 'symlink' || found.type === 'hardlink') {
      const shown = sanitizeForDisplay(found.linkname)
      // Symlink targets are relative to the link's directory, hardlink targets to the archive root.
      const joined =
        found.type === 'symlink'
          ? posix.join(posix.dirname(member), found.linkname)
          : found.linkname
      const cleaned = found.linkname.startsWith('/') ? undefined : cleanMemberName(joined)
      const next = cleaned === undefined ? undefined : this.members.get(cleaned)
      if (next === undefined) {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown}\`, which is not in the archive`,
          member
        )
      }
      if (next.type !== 'file') {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown}\`, which is not a regular file (links are followed once)`,
          member
        )
      }
      target = next
    }
    if (target.type !== 'file') {
      throw new InvalidImageError(
        `${this.label}: member \`${member}\` is not a regular file`,
        member
      )
    }
    return {file: this.file, start: target.offset, size: target.size, noFollow: false}
  }
}
