/**
 * Low-level field decoding for tar headers (ustar, GNU, PAX). Every malformed field is an error
 * thrown through the caller's `fail`; nothing is guessed. Names stay raw bytes.
 */

export type Fail = (message: string) => never

export const blockSize = 512

/** Bytes up to the first NUL of a fixed-width field. */
export function cField(block: Buffer, offset: number, length: number): Buffer {
  const field = block.subarray(offset, offset + length)
  const nul = field.indexOf(0)
  return nul === -1 ? field : field.subarray(0, nul)
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false
  return true
}

/**
 * Numeric header field: octal (space/NUL padded) or GNU base-256. Negative base-256 values are
 * refused (node-tar CVE-2026-59874 looped forever on one), as is anything above 2^53.
 */
export function parseNumeric(
  block: Buffer,
  offset: number,
  length: number,
  field: string,
  fail: Fail
): number {
  const first = block[offset] as number
  if ((first & 0x80) !== 0) {
    if (first === 0xff) fail(`negative base-256 value in the ${field} field`)
    let value = first & 0x7f
    for (let i = 1; i < length; i++) {
      value = value * 256 + (block[offset + i] as number)
      if (value > Number.MAX_SAFE_INTEGER) fail(`the ${field} field is larger than 2^53`)
    }
    return value
  }
  let i = offset
  const end = offset + length
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++
  let value = 0
  for (; i < end; i++) {
    const c = block[i] as number
    if (c === 0 || c === 0x20) break
    if (c < 0x30 || c > 0x37) fail(`invalid octal digit in the ${field} field`)
    value = value * 8 + (c - 0x30)
  }
  for (; i < end; i++) {
    if (block[i] !== 0 && block[i] !== 0x20) fail(`garbage after the ${field} field`)
  }
  if (value > Number.MAX_SAFE_INTEGER) fail(`the ${field} field is larger than 2^53`)
  return value
}

/** Accepts the unsigned sum (POSIX) and the signed sum some historic writers produced. */
export function checksumMatches(block: Buffer, fail: Fail): boolean {
  const stored = parseNumeric(block, 148, 8, 'checksum', fail)
  let unsigned = 0
  let signed = 0
  for (let i = 0; i < blockSize; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] as number)
    unsigned += byte
    signed += byte > 127 ? byte - 256 : byte
  }
  return stored === unsigned || stored === signed
}

export interface PaxOverrides {
  path?: Buffer
  linkpath?: Buffer
  size?: number
  uid?: number
  gid?: number
  mtime?: number
}

function decimal(value: Buffer, key: string, fail: Fail): number {
  const text = value.toString('latin1')
  if (!/^\d{1,16}$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
    fail(`PAX record ${key} is not a non-negative integer`)
  }
  return Number(text)
}

/**
 * Parses PAX extended-header records (`<len> <key>=<value>\n`) into `into`. Keys that change
 * where or how much data lands (`path`, `linkpath`, `size`) are honoured so that we agree with Go
 * archive/tar (TARmageddon); GNU sparse keys fail; xattrs and the rest are ignored.
 */
export function parsePax(body: Buffer, into: PaxOverrides, fail: Fail): void {
  let pos = 0
  while (pos < body.length) {
    const space = body.indexOf(0x20, pos)
    if (space === -1 || space - pos > 20) fail('malformed PAX record length')
    const lengthText = body.toString('latin1', pos, space)
    if (!/^[1-9]\d*$/.test(lengthText)) fail('malformed PAX record length')
    const end = pos + Number(lengthText)
    if (end > body.length || body[end - 1] !== 0x0a) fail('malformed PAX record')
    const record = body.subarray(space + 1, end - 1)
    const eq = record.indexOf(0x3d)
    if (eq <= 0) fail('PAX record without a key')
    const key = record.toString('latin1', 0, eq)
    const value = record.subarray(eq + 1)
    pos = end
    if (key.startsWith('GNU.sparse.'))
      fail('GNU sparse files are not supported (PAX GNU.sparse.* records)')
    // An empty value deletes the keyword (POSIX): fall back to the ustar field.
    if (value.length === 0) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- only PaxOverrides' own keywords
      if (key in into) delete into[key as keyof PaxOverrides]
      continue
    }
    switch (key) {
      case 'path':
      case 'linkpath':
        if (value.includes(0)) fail(`NUL byte in the PAX ${key}`)
        into[key] = Buffer.from(value)
        break
      case 'size':
      case 'uid':
      case 'gid':
        into[key] = decimal(value, key, fail)
        break
      case 'mtime': {
        const text = value.toString('latin1')
        if (!/^-?\d{1,16}(\.\d{1,9})?$/.test(text)) fail('PAX record mtime is not a number')
        into.mtime = Number(text)
        break
      }
      default:
        // atime, ctime, uname, gname, charset, comment, SCHILY.xattr.*, LIBARCHIVE.*: ignored.
        break
    }
  }
}

/** A GNU long name/link body: the name up to its NUL terminator; bytes after it are an error. */
export function gnuLongString(body: Buffer, fail: Fail): Buffer {
  const nul = body.indexOf(0)
  if (nul === -1) return Buffer.from(body)
  for (let i = nul; i < body.length; i++) if (body[i] !== 0) fail('NUL byte inside a GNU long name')
  return Buffer.from(body.subarray(0, nul))
}
