/**
 * Pulls SCAP data streams (`ssg-<product>-ds.xml`) out of the two archive formats content ships
 * in, writing each to `outDir` under its own base name (never a path from the archive):
 * - ComplianceAsCode release zips (`scap-security-guide-<v>/ssg-*-ds.xml`, deflate or stored);
 * - Debian packages, through `dpkg-deb --fsys-tarfile` (which handles ar + xz/zstd/gzip; it is on
 *   every Debian and Ubuntu system) and scapgate's strict tar reader.
 * Everything else in the archive is skipped. Sizes are capped at {@link MAX_CONTENT_BYTES}.
 */
import {spawn} from 'node:child_process'
import {createReadStream, createWriteStream} from 'node:fs'
import {open, rm} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createInflateRaw} from 'node:zlib'
import {ConfigurationError, LimitExceededError, sanitizeForDisplay} from '../errors.js'
import {ByteReader} from '../layers/byte-reader.js'
import {TarReader} from '../layers/tar-stream-reader.js'
import {MAX_CONTENT_BYTES} from './content-safety.js'
import {productOf} from './content-store.js'

/** Data stream file name → path written. */
export type Extracted = Map<string, string>

/** `…/ssg-debian12-ds.xml` one or two levels deep → `ssg-debian12-ds.xml`; else undefined. */
function wantedZipName(name: string): string | undefined {
  const parts = name.split('/')
  if (parts.length > 2 || parts.some(p => p === '..' || p === '')) return undefined
  const file = parts[parts.length - 1] as string
  return productOf(file) === undefined ? undefined : file
}

interface ZipMember {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

/** Reads the zip's central directory (with ZIP64 sizes) and extracts the wanted members. */
export async function extractZipDataStreams(zipPath: string, outDir: string): Promise<Extracted> {
  const handle = await open(zipPath, 'r')
  const members: ZipMember[] = []
  try {
    const size = (await handle.stat()).size
    const tailLength = Math.min(size, 65_557)
    const tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, size - tailLength)
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    if (eocd === -1) throw notZip(zipPath, 'no end-of-central-directory record')
    let entries = tail.readUInt16LE(eocd + 10)
    let cdSize = tail.readUInt32LE(eocd + 12)
    let cdOffset = tail.readUInt32LE(eocd + 16)
    if (cdOffset === 0xffffffff || entries === 0xffff) {
      const locator = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]), eocd)
      if (locator === -1) throw notZip(zipPath, 'ZIP64 without its locator')
      const record = Buffer.alloc(56)
      await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(locator + 8)))
      if (record.readUInt32LE(0) !== 0x06064b50) throw notZip(zipPath, 'bad ZIP64 record')
      entries = Number(record.readBigUInt64LE(32))
      cdSize = Number(record.readBigUInt64LE(40))
      cdOffset = Number(record.readBigUInt64LE(48))
    }
    if (cdOffset + cdSize > size || cdSize > 64 * 1024 * 1024) {
      throw notZip(zipPath, 'central directory out of bounds')
    }
    const cd = Buffer.alloc(cdSize)
    await handle.read(cd, 0, cdSize, cdOffset)
    let at = 0
    for (let i = 0; i < entries; i += 1) {
      if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) {
        throw notZip(zipPath, 'corrupt central directory')
      }
      const nameLength = cd.readUInt16LE(at + 28)
      const extraLength = cd.readUInt16LE(at + 30)
      const commentLength = cd.readUInt16LE(at + 32)
      const name = cd.subarray(at + 46, at + 46 + nameLength).toString('utf8')
      const member: ZipMember = {
        name,
        method: cd.readUInt16LE(at + 10),
        compressedSize: cd.readUInt32LE(at + 20),
        size: cd.readUInt32LE(at + 24),
        localOffset: cd.readUInt32LE(at + 42)
      }
      readZip64(cd.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), member)
      members.push(member)
      at += 46 + nameLength + extraLength + commentLength
    }
  } finally {
    await handle.close()
  }
  const extracted: Extracted = new Map()
  for (const member of members) {
    const file = wantedZipName(member.name)
    if (file === undefined || extracted.has(file)) continue
    if (member.size > MAX_CONTENT_BYTES || member.compressedSize > MAX_CONTENT_BYTES) {
      throw new LimitExceededError(
        `${member.name} in ${zipPath} is over the ${MAX_CONTENT_BYTES}-byte content limit`,
        'maxContentBytes'
      )
    }
    if (member.method !== 0 && member.method !== 8) {
      throw notZip(
        zipPath,
        `${sanitizeForDisplay(member.name)} uses compression method ${member.method}`
      )
    }
    const dataStart = await localDataStart(zipPath, member.localOffset)
    const out = join(outDir, file)
    const source = createReadStream(zipPath, {
      start: dataStart,
      end: dataStart + member.compressedSize - 1
    })
    const stages =
      member.method === 8
        ? [source, createInflateRaw(), capped(member.size, out), createWriteStream(out)]
        : [source, capped(member.size, out), createWriteStream(out)]
    await (pipeline as (...streams: unknown[]) => Promise<void>)(...stages)
    extracted.set(file, out)
  }
  return extracted
}

function readZip64(extra: Buffer, member: ZipMember): void {
  let at = 0
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at)
    const length = extra.readUInt16LE(at + 2)
    if (id === 0x0001) {
      let field = at + 4
      const next = (): number => {
        const value = Number(extra.readBigUInt64LE(field))
        field += 8
        return value
      }
      if (member.size === 0xffffffff) member.size = next()
      if (member.compressedSize === 0xffffffff) member.compressedSize = next()
      if (member.localOffset === 0xffffffff) member.localOffset = next()
      return
    }
    at += 4 + length
  }
}

async function localDataStart(zipPath: string, offset: number): Promise<number> {
  const handle = await open(zipPath, 'r')
  try {
    const header = Buffer.alloc(30)
    await handle.read(header, 0, 30, offset)
    if (header.readUInt32LE(0) !== 0x04034b50) throw notZip(zipPath, 'bad local header')
    return offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  } finally {
    await handle.close()
  }
}

/** Fails when more than `expected` bytes come through (a lying size field or a zip bomb). */
function capped(expected: number, label: string): Transform {
  let seen = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length
      if (seen > expected || seen > MAX_CONTENT_BYTES) {
        callback(
          new LimitExceededError(
            `${basename(label)}: more data than the archive declares`,
            'maxContentBytes'
          )
        )
        return
      }
      callback(null, chunk)
    }
  })
}

function notZip(path: string, why: string): ConfigurationError {
  return new ConfigurationError(`Expected \`${path}\` to be a zip archive, found ${why}`)
}

const DEB_CONTENT_DIR = /^(?:\.\/)?usr\/share\/xml\/scap\/ssg\/content\/([^/]+)$/

/**
 * Extracts the data streams under `/usr/share/xml/scap/ssg/content/` of a .deb. Needs
 * `dpkg-deb` (Debian/Ubuntu); nothing of the package runs (no maintainer scripts).
 */
export async function extractDebDataStreams(debPath: string, outDir: string): Promise<Extracted> {
  const child = spawn('dpkg-deb', ['--fsys-tarfile', debPath], {stdio: ['ignore', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8').slice(0, 2000)))
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', error =>
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new ConfigurationError(
              'Cannot unpack a .deb: dpkg-deb is not installed (it is part of dpkg on Debian and Ubuntu)'
            )
          : error
      )
    )
    child.on('close', code => resolve(code ?? 1))
  })
  const extracted: Extracted = new Map()
  try {
    const reader = new TarReader(
      new ByteReader(child.stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>, () => {}),
      basename(debPath),
      1024 * 1024
    )
    for (let header = await reader.next(); header !== undefined; header = await reader.next()) {
      const match = DEB_CONTENT_DIR.exec(header.name.toString('utf8'))
      const file = match?.[1]
      if (header.type !== 'file' || file === undefined || productOf(file) === undefined) continue
      if (header.size > MAX_CONTENT_BYTES) {
        throw new LimitExceededError(
          `${file} in ${debPath} is over the ${MAX_CONTENT_BYTES}-byte content limit`,
          'maxContentBytes'
        )
      }
      const out = join(outDir, file)
      const sink = createWriteStream(out, {mode: 0o600})
      await reader.data(piece => sink.write(piece))
      await new Promise<void>((resolve, reject) =>
        sink.end((e?: Error | null) => (e ? reject(e) : resolve()))
      )
      extracted.set(file, out)
    }
  } catch (error) {
    child.kill('SIGKILL')
    await exited.catch(() => 1)
    for (const path of extracted.values()) await rm(path, {force: true})
    throw error
  }
  const code = await exited
  if (code !== 0) {
    throw new ConfigurationError(
      `Expected \`${debPath}\` to be a Debian package, dpkg-deb said: ${sanitizeForDisplay(stderr.trim(), 300)}`
    )
  }
  return extracted
}
