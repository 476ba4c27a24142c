import * as fs from 'node:fs'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {UnsafeLayerEntryError} from '../errors.js'
import {applyLayers} from './apply-layers.js'
import {Sandbox, layer, stack} from '../../../../test/support/layer-fixtures.js'

let box: Sandbox
beforeEach(() => {
  box = new Sandbox()
})
afterEach(() => {
  box.cleanup()
})

function tree(): string[] {
  const out: string[] = []
  const visit = (dir: string, prefix: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const stat = fs.lstatSync(`${dir}/${name}`)
      out.push(`${prefix}${name}${stat.isDirectory() ? '/' : ''}`)
      if (stat.isDirectory()) visit(`${dir}/${name}`, `${prefix}${name}/`)
    }
  }
  visit(box.dest, '')
  return out
}

describe('applyLayers whiteouts', () => {
  it('deletes a lower file and a lower directory subtree and keeps the parent metadata (EX-18)', async () => {
    const result = await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'etc/', type: 'dir', mode: 0o751, mtime: 1_600_000_000},
          {name: 'etc/file', content: 'x'},
          {name: 'etc/keep', content: 'k'},
          {name: 'etc/dir/sub/deep', content: 'd'}
        ]),
        layer([{name: 'etc/.wh.file'}, {name: 'etc/.wh.dir'}])
      )
    })
    expect(tree()).toEqual(['etc/', 'etc/keep'])
    const etc = fs.statSync(box.path('etc'))
    expect(etc.mode & 0o7777).toBe(0o751)
    expect(etc.mtimeMs).toBe(1_600_000_000_000)
    expect(result.layers[1]?.removed.sort()).toEqual(['/etc/dir', '/etc/file'])
    expect(result.layers[1]?.written).toEqual([])
  })

  it('removes lower children of an opaque directory even when the marker comes after new entries (EX-19)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'a/b/c/bar', content: 'lower'},
          {name: 'a/lower-file', content: 'lower'},
          {name: 'other', content: 'o'}
        ]),
        layer([{name: 'a/b/c/foo', content: 'upper'}, {name: 'a/.wh..wh..opq'}])
      )
    })
    expect(tree()).toEqual(['a/', 'a/b/', 'a/b/c/', 'a/b/c/foo', 'other'])
  })

  it('applies an opaque marker placed before the new entries the same way (EX-19)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'a/b/c/bar', content: 'lower'},
          {name: 'a/lower-file', content: 'lower'}
        ]),
        layer([{name: 'a/.wh..wh..opq'}, {name: 'a/b/c/foo', content: 'upper'}])
      )
    })
    expect(tree()).toEqual(['a/', 'a/b/', 'a/b/c/', 'a/b/c/foo'])
  })

  it('recreates a path after a whiteout in a later layer (EX-20, ggcr 795787c5)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'a/foo', content: 'foo'},
          {name: 'b/bar', content: 'bar'}
        ]),
        layer([{name: '.wh.a'}]),
        layer([{name: 'a/baz', content: 'baz'}])
      )
    })
    expect(tree()).toEqual(['a/', 'a/baz', 'b/', 'b/bar'])
  })

  it('never lets a whiteout hide an entry of its own layer', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'x/lower', content: 'l'}]),
        layer([
          {name: 'new', content: 'n'},
          {name: '.wh.new'},
          {name: 'x/upper', content: 'u'},
          {name: '.wh.x'}
        ])
      )
    })
    expect(tree()).toEqual(['new', 'x/', 'x/upper'])
  })

  it('resolves a whiteout parent through a symlink in-root only (EX-21)', async () => {
    const hostEtc = fs.statSync('/etc')
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'etc/passwd', content: 'p'},
          {name: 'link', type: 'symlink', linkname: '/'}
        ]),
        layer([
          {name: 'link/.wh.etc'},
          {name: 'link2', type: 'symlink', linkname: '../../..'},
          {name: 'link2/.wh.victim'}
        ])
      )
    })
    expect(tree()).toEqual(['link', 'link2'])
    expect(fs.statSync('/etc').ino).toBe(hostEtc.ino)
    expect(fs.existsSync('/etc/passwd')).toBe(true)
    expect(box.violations()).toEqual([])
  })

  it.each(['.wh.', 'dir/.wh.', '.wh..', '.wh..wh..plnk/x', 'a/.wh..wh..plnk', '.wh.dir/child'])(
    'refuses the invalid whiteout %s (EX-22)',
    async name => {
      const layers = [layer([{name, content: ''}])]
      await expect(applyLayers({root: box.dest, layers})).rejects.toBeInstanceOf(
        UnsafeLayerEntryError
      )
      expect(box.violations()).toEqual([])
    }
  )

  it('treats an opaque marker at the root as making the root opaque (EX-22, documented)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'old', content: 'o'}]),
        layer([{name: 'new', content: 'n'}, {name: './.wh..wh..opq'}])
      )
    })
    expect(tree()).toEqual(['new'])
    expect(fs.statSync(box.dest).mode & 0o7777).toBe(0o700)
  })

  it('does not follow a symlink to the victim inside a deleted directory (EX-23)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'dir/link', type: 'symlink', linkname: box.victim},
          {name: 'dir/rel', type: 'symlink', linkname: '../../victim'},
          {name: 'dir/sub/file', content: 'x'}
        ]),
        layer([{name: '.wh.dir'}])
      )
    })
    expect(tree()).toEqual([])
    expect(box.violations()).toEqual([])
  })

  it('does not follow a symlink to the victim inside an opaque directory', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'dir/link', type: 'symlink', linkname: box.victim}]),
        layer([{name: 'dir/.wh..wh..opq'}])
      )
    })
    expect(tree()).toEqual(['dir/'])
    expect(box.violations()).toEqual([])
  })

  it('never materialises whiteout files, whatever their type', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'a', content: 'a'}]),
        layer([{name: '.wh.a', type: 'symlink', linkname: '/etc'}, {name: '.wh.missing'}])
      )
    })
    expect(tree()).toEqual([])
  })

  it('follows path type changes across layers: dir, file, symlink, dir (EX-24)', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'p/', type: 'dir'},
          {name: 'p/child', content: 'c'}
        ]),
        layer([{name: 'p', content: 'now a file'}]),
        layer([{name: 'p', type: 'symlink', linkname: box.victim}]),
        layer([
          {name: 'p/', type: 'dir', mode: 0o700},
          {name: 'p/again', content: 'a'}
        ])
      )
    })
    expect(tree()).toEqual(['p/', 'p/again'])
    expect(fs.statSync(box.path('p')).mode & 0o7777).toBe(0o700)
    expect(box.violations()).toEqual([])
  })

  it('replaces a regular-file parent with a directory (EX-25, umoci TestUnpackEntryNonDirParent)', async () => {
    const result = await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'nondir', content: 'file'}]),
        layer([{name: 'nondir/foo/bar', content: 'bar'}])
      )
    })
    expect(tree()).toEqual(['nondir/', 'nondir/foo/', 'nondir/foo/bar'])
    expect(fs.statSync(box.path('nondir')).mode & 0o7777).toBe(0o755)
    expect(result.layers[1]?.written).toEqual(['/nondir', '/nondir/foo', '/nondir/foo/bar'])
  })
})

describe('applyLayers whiteouts below non-directories', () => {
  it('ignores whiteouts and opaque markers whose parent is a file or missing', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'file', content: 'f'}]),
        layer([{name: 'file/.wh.x'}, {name: 'gone/.wh..wh..opq'}, {name: 'file/.wh..wh..opq'}])
      )
    })
    expect(tree()).toEqual(['file'])
  })
})
