/**
 * A small, deterministic tar writer for test fixtures: ustar headers, PAX records for long or
 * non-ASCII names, and raw escape hatches for hostile cases (names with `..`, NUL bytes, bogus
 * sizes). Names and link targets are taken as Buffers or latin1/utf8 strings verbatim: nothing is
 * normalised, because the point is to feed the applier exactly what an attacker could.
 */

export type TarEntryType =
  'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo' | 'gnu-longname' | 'sparse'

export interface TarEntry {
  name: string | Buffer
  type?: TarEntryType
  /** File content (type `file`). */
  content?: string | Buffer
  linkname?: string | Buffer
  mode?: number
  uid?: number
  gid?: number
  uname?: string
  gname?: string
  mtime?: number
  devmajor?: number
  devminor?: number
  /** Extra PAX records, written before the entry (e.g. `{size: '10'}` for TARmageddon cases). */
  pax?: Record<string, string | Buffer>
  /** Overrides the size field written in the ustar header (content is still written in full). */
  headerSize?: number
}

const typeflags: Record<TarEntryType, string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  char: '3',
  block: '4',
  dir: '5',
  fifo: '6',
  'gnu-longname': 'L',
  sparse: 'S'
}

function toBuf(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0'
}

function paxRecord(key: string, value: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(` ${key}=`), value, Buffer.from('\n')])
  let length = body.length + 1
  while (String(length).length + body.length !== length)
    length = String(length).length + body.length
  return Buffer.concat([Buffer.from(String(length)), body])
}

function pad(data: Buffer): Buffer {
  const rest = data.length % 512
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(512 - rest)])
}

function header(fields: {
  name: Buffer
  mode: number
  uid: number
  gid: number
  size: number
  mtime: number
  typeflag: string
  linkname: Buffer
  uname: string
  gname: string
  devmajor: number
  devminor: number
}): Buffer {
  const block = Buffer.alloc(512)
  fields.name.copy(block, 0, 0, Math.min(100, fields.name.length))
  block.write(octal(fields.mode & 0o7777, 8), 100, 'ascii')
  block.write(octal(fields.uid, 8), 108, 'ascii')
  block.write(octal(fields.gid, 8), 116, 'ascii')
  block.write(octal(fields.size, 12), 124, 'ascii')
  block.write(octal(fields.mtime, 12), 136, 'ascii')
  block.write('        ', 148, 'ascii')
  block.write(fields.typeflag, 156, 'ascii')
  fields.linkname.copy(block, 157, 0, Math.min(100, fields.linkname.length))
  block.write('ustar\u000000', 257, 'ascii')
  block.write(fields.uname.slice(0, 31), 265, 'ascii')
  block.write(fields.gname.slice(0, 31), 297, 'ascii')
  block.write(octal(fields.devmajor, 8), 329, 'ascii')
  block.write(octal(fields.devminor, 8), 337, 'ascii')
  let sum = 0
  for (const byte of block) sum += byte
  block.write(octal(sum, 7) + ' ', 148, 'ascii')
  return block
}

function isPlainAscii(buf: Buffer, max: number): boolean {
  return buf.length <= max && buf.every(b => b > 0 && b < 0x80)
}

/** Encodes entries into a complete tar archive (with the two zero blocks at the end). */
export function writeTar(
  entries: readonly TarEntry[],
  options: {endBlocks?: boolean} = {}
): Buffer {
  const parts: Buffer[] = []
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const name = toBuf(entry.name)
    const linkname = toBuf(entry.linkname ?? '')
    const content =
      type === 'file' || type === 'gnu-longname' ? toBuf(entry.content ?? '') : Buffer.alloc(0)
    const records: Buffer[] = []
    if (!isPlainAscii(name, 100)) records.push(paxRecord('path', name))
    if (!isPlainAscii(linkname, 100) && linkname.length > 0)
      records.push(paxRecord('linkpath', linkname))
    for (const [key, value] of Object.entries(entry.pax ?? {}))
      records.push(paxRecord(key, toBuf(value)))
    const mtime = entry.mtime ?? 1_700_000_000
    if (records.length > 0) {
      const body = Buffer.concat(records)
      parts.push(
        header({
          name: Buffer.from('PaxHeader'),
          mode: 0o644,
          uid: 0,
          gid: 0,
          size: body.length,
          mtime,
          typeflag: 'x',
          linkname: Buffer.alloc(0),
          uname: '',
          gname: '',
          devmajor: 0,
          devminor: 0
        }),
        pad(body)
      )
    }
    parts.push(
      header({
        name,
        mode: entry.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
        uid: entry.uid ?? 0,
        gid: entry.gid ?? 0,
        size: entry.headerSize ?? content.length,
        mtime,
        typeflag: typeflags[type],
        linkname,
        uname: entry.uname ?? ((entry.uid ?? 0) === 0 ? 'root' : ''),
        gname: entry.gname ?? ((entry.gid ?? 0) === 0 ? 'root' : ''),
        devmajor: entry.devmajor ?? 0,
        devminor: entry.devminor ?? 0
      })
    )
    if (content.length > 0) parts.push(pad(content))
  }
  if (options.endBlocks !== false) parts.push(Buffer.alloc(1024))
  return Buffer.concat(parts)
}
