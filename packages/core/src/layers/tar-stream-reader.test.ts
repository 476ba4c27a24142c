import {describe, expect, it} from 'vitest'
import {writeTar, type TarEntry} from '../../../../test/support/tar-writer.js'
import {ByteReader} from './byte-reader.js'
import {TarReader, type TarHeader} from './tar-stream-reader.js'

/** Changes the typeflag of the header at `block` and fixes its checksum. */
function retype(tar: Buffer, block: number, flag: string): Buffer {
  const copy = Buffer.from(tar)
  const start = block * 512
  copy.write(flag, start + 156, 'latin1')
  copy.fill(0x20, start + 148, start + 156)
  let sum = 0
  for (let i = start; i < start + 512; i++) sum += copy[i] as number
  copy.write(`${sum.toString(8).padStart(6, '0')}\0 `, start + 148, 'ascii')
  return copy
}

async function* chunks(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size)
}

async function list(tar: Buffer, chunkSize = 512): Promise<(TarHeader & {data: Buffer})[]> {
  const reader = new TarReader(
    new ByteReader(chunks(tar, chunkSize), () => {}),
    'sha256:test',
    1024 * 1024
  )
  const out: (TarHeader & {data: Buffer})[] = []
  for (;;) {
    const header = await reader.next()
    if (header === undefined) return out
    const parts: Buffer[] = []
    await reader.data(piece => parts.push(Buffer.from(piece)))
    out.push({...header, data: Buffer.concat(parts)})
  }
}

describe('TarReader', () => {
  it('keeps non-UTF-8 names as raw bytes', async () => {
    const name = Buffer.from([0x61, 0xff, 0xfe, 0x2f, 0x62])
    const [entry] = await list(writeTar([{name, content: 'x'}]))
    expect(entry?.name.equals(name)).toBe(true)
  })

  it('lets PAX path and linkpath override the ustar fields', async () => {
    const entries: TarEntry[] = [
      {
        name: 'short',
        type: 'symlink',
        linkname: 'l',
        pax: {path: 'from/pax', linkpath: '/from/pax/link'}
      }
    ]
    const [entry] = await list(writeTar(entries))
    expect(entry?.name.toString()).toBe('from/pax')
    expect(entry?.linkname.toString()).toBe('/from/pax/link')
  })

  it('lets a GNU long name override the ustar name', async () => {
    const long = `${'x'.repeat(300)}/file`
    const tar = writeTar([
      {name: '././@LongLink', type: 'gnu-longname', content: `${long}\0`},
      {name: 'truncated', content: 'data'}
    ])
    const [entry] = await list(tar, 100)
    expect(entry?.name.toString()).toBe(long)
    expect(entry?.data.toString()).toBe('data')
  })

  it('ignores global PAX headers', async () => {
    // blocks 0-1 of this archive are a PAX header and its record; re-flag them as global
    const withPax = writeTar([{name: 'unused', content: '', pax: {path: 'global/path'}}], {
      endBlocks: false
    })
    const tar = Buffer.concat([
      retype(withPax.subarray(0, 1024), 0, 'g'),
      writeTar([{name: 'real', content: 'r'}])
    ])
    const names = (await list(tar)).map(entry => entry.name.toString())
    expect(names).toEqual(['real'])
  })

  it('accepts an archive without an end marker and one with a single zero block', async () => {
    const tar = writeTar([{name: 'a', content: 'x'}], {endBlocks: false})
    expect(await list(tar)).toHaveLength(1)
    expect(await list(Buffer.concat([tar, Buffer.alloc(512)]))).toHaveLength(1)
  })

  it('refuses a zero block followed by more entries', async () => {
    const tar = Buffer.concat([
      writeTar([{name: 'a'}], {endBlocks: false}),
      Buffer.alloc(512),
      writeTar([{name: 'b'}])
    ])
    await expect(list(tar)).rejects.toThrow(/a zero block followed by data/)
  })

  it('treats a V7 regular entry with a trailing slash as a directory', async () => {
    const tar = retype(writeTar([{name: 'olddir/', content: ''}]), 0, '\0')
    const [entry] = await list(tar)
    expect(entry?.type).toBe('dir')
  })
})
