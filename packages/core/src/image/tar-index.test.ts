import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {writeTar, type TarEntry} from '../../../../test/support/tar-writer.js'
import {InvalidImageError} from '../errors.js'
import {TarIndex} from './tar-index.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tar-index-'))
})
afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
})

async function indexOf(entries: TarEntry[]): Promise<TarIndex> {
  const file = join(dir, 'a.tar')
  writeFileSync(file, writeTar(entries))
  return TarIndex.read(file, 'docker-archive:a.tar')
}

async function contentOf(index: TarIndex, member: string): Promise<string> {
  const location = await index.locate(member)
  if (!location) throw new Error(`${member} not found`)
  return readFileSync(index.file)
    .subarray(location.start, location.start + location.size)
    .toString()
}

describe('TarIndex', () => {
  it('indexes members by cleaned path and returns their byte ranges in the archive', async () => {
    const long = `dir/${'x'.repeat(150)}/file`
    const index = await indexOf([
      {name: './manifest.json', content: '[]'},
      {name: 'blobs//sha256/', type: 'dir'},
      {name: 'blobs/sha256/abc', content: 'blob'},
      {name: long, content: 'long name'}
    ])
    expect(await contentOf(index, 'manifest.json')).toBe('[]')
    expect(await contentOf(index, 'blobs/sha256/abc')).toBe('blob')
    expect(await contentOf(index, long)).toBe('long name')
    expect(await index.locate('missing')).toBeUndefined()
  })

  it('follows one symlink relative to the link, and one hardlink relative to the archive root', async () => {
    const index = await indexOf([
      {name: 'abc.tar', content: 'layer'},
      {name: 'id/layer.tar', type: 'symlink', linkname: '../abc.tar'},
      {name: 'hard.tar', type: 'hardlink', linkname: 'abc.tar'}
    ])
    expect(await contentOf(index, 'id/layer.tar')).toBe('layer')
    expect(await contentOf(index, 'hard.tar')).toBe('layer')
  })

  it('refuses link chains, cycles and links that leave the archive', async () => {
    const index = await indexOf([
      {name: 'a', content: 'x'},
      {name: 'b', type: 'symlink', linkname: 'a'},
      {name: 'c', type: 'symlink', linkname: 'b'},
      {name: 'loop1', type: 'symlink', linkname: 'loop2'},
      {name: 'loop2', type: 'symlink', linkname: 'loop1'},
      {name: 'up', type: 'symlink', linkname: '../../etc/passwd'},
      {name: 'abs', type: 'symlink', linkname: '/etc/passwd'}
    ])
    await expect(index.locate('c')).rejects.toThrow(
      'links to `b`, which is not a regular file (links are followed once)'
    )
    await expect(index.locate('loop1')).rejects.toThrow(InvalidImageError)
    await expect(index.locate('up')).rejects.toThrow(
      'links to `../../etc/passwd`, which is not in the archive'
    )
    await expect(index.locate('abs')).rejects.toThrow(
      'links to `/etc/passwd`, which is not in the archive'
    )
  })

  it('never indexes members whose names climb out of the archive', async () => {
    const index = await indexOf([
      {name: '../../etc/passwd', content: 'root'},
      {name: '/etc/shadow', content: 's'}
    ])
    expect([...index.members.keys()]).toEqual([])
  })

  it('refuses two regular members with the same name as ambiguous', async () => {
    await expect(
      indexOf([
        {name: 'manifest.json', content: '[]'},
        {name: './manifest.json', content: '[1]'}
      ])
    ).rejects.toThrow('the archive has two members named `manifest.json`')
  })

  it('reports a truncated archive and a file that is not a tar', async () => {
    const file = join(dir, 'cut.tar')
    writeFileSync(file, writeTar([{name: 'big', content: 'x'.repeat(4000)}]).subarray(0, 1024))
    await expect(TarIndex.read(file, 'oci-archive:cut.tar')).rejects.toThrow(
      'oci-archive:cut.tar: the archive is truncated'
    )
    writeFileSync(file, Buffer.alloc(2048, 'A'))
    await expect(TarIndex.read(file, 'oci-archive:cut.tar')).rejects.toThrow(
      'bad checksum; is this a tar archive?'
    )
  })
})
