import * as fs from 'node:fs'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {UnsafeLayerEntryError} from '../errors.js'
import {applyLayers} from './apply-layers.js'
import {Sandbox, layer, sha256, stack} from '../../../../test/support/layer-fixtures.js'

let box: Sandbox
beforeEach(() => {
  box = new Sandbox()
})
afterEach(() => {
  box.cleanup()
})

function hostFile(path: string): string {
  const stat = fs.statSync(path)
  return `${stat.ino}:${stat.mtimeMs}:${sha256(fs.readFileSync(path))}`
}

describe('applyLayers against breakout attempts', () => {
  it.each([
    '../victim/dotdot',
    '/../victim/slash-dotdot',
    '..',
    '../../pwned',
    'a/../../b',
    'ok/./../x'
  ])('refuses the entry name %s and writes nothing outside the root (EX-1)', async name => {
    const layers = [
      layer([
        {name: 'before', content: 'x'},
        {name, content: 'pwned'}
      ])
    ]
    const applying = applyLayers({root: box.dest, layers})
    await expect(applying).rejects.toBeInstanceOf(UnsafeLayerEntryError)
    await expect(applying).rejects.toThrow(/"\.\." component/)
    expect(box.violations()).toEqual([])
  })

  it('names the layer digest and the sanitised entry in the error (EX-1)', async () => {
    const bad = layer([{name: '../evil\u001b[31m', content: 'x'}])
    const error = await applyLayers({root: box.dest, layers: [bad]}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsafeLayerEntryError)
    expect((error as UnsafeLayerEntryError).layer).toBe(bad.digest)
    expect((error as UnsafeLayerEntryError).entry).toBe('../evil\\x1b[31m')
    expect((error as Error).message).toContain(bad.digest)
  })

  it('strips leading slashes from absolute names and never touches the host /etc (EX-2)', async () => {
    const hostPasswd = hostFile('/etc/passwd')
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: '/etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n'},
          {name: '////etc/x', content: 'x'}
        ])
      ]
    })
    expect(fs.readFileSync(box.path('etc/passwd'), 'utf8')).toBe('root:x:0:0::/root:/bin/sh\n')
    expect(fs.readFileSync(box.path('etc/x'), 'utf8')).toBe('x')
    expect(fs.existsSync('/etc/x')).toBe(false)
    expect(hostFile('/etc/passwd')).toBe(hostPasswd)
    expect(box.violations()).toEqual([])
  })

  it('writes through a symlink parent chroot-style, inside the root (EX-3)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'loophole', type: 'symlink', linkname: '../victim'},
          {name: 'loophole/file', content: 'in'}
        ])
      ]
    })
    expect(fs.readlinkSync(box.path('loophole'))).toBe('../victim')
    expect(fs.readFileSync(box.path('victim/file'), 'utf8')).toBe('in')
    expect(box.violations()).toEqual([])
  })

  it('contains a two-hop symlink chain (EX-4, moby TestUntarSymlinkBreakout)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'inner/', type: 'dir'},
          {name: 'inner/go_up', type: 'symlink', linkname: '..'},
          {name: 'inner/go_up/escape', type: 'symlink', linkname: '../victim'},
          {name: 'inner/go_up/escape/newfile', content: 'in'}
        ])
      ]
    })
    expect(fs.readlinkSync(box.path('escape'))).toBe('../victim')
    expect(fs.readFileSync(box.path('victim/newfile'), 'utf8')).toBe('in')
    expect(box.violations()).toEqual([])
  })

  it('refuses a hardlink through the node-tar CVE-2026-26960 chain (EX-5)', async () => {
    const layers = [
      layer([
        {name: 'a/b/c/up', type: 'symlink', linkname: '../..'},
        {name: 'a/b/escape', type: 'symlink', linkname: 'c/up/../..'},
        {name: 'exfil', type: 'hardlink', linkname: 'a/b/escape/victim/hello'},
        {name: 'exfil2', type: 'hardlink', linkname: `a/b/escape${box.victim}/hello`}
      ])
    ]
    await expect(applyLayers({root: box.dest, layers})).rejects.toThrow(
      /hardlink target .* does not exist/
    )
    expect(box.violations()).toEqual([])
  })

  it.each([
    ['dotdot', '../victim/hello', /"\.\." component/],
    ['slash-dotdot', '/../victim/hello', /"\.\." component/],
    ['grab', '../dest-evil/secret', /"\.\." component/],
    ['absolute', '<victim>/hello', /does not exist/]
  ])(
    'refuses the hardlink %s -> %s and leaves the victim nlink at 1 (EX-6, EX-7)',
    async (name, target, message) => {
      const linkname = target.replace('<victim>', box.victim)
      const layers = [
        layer([
          {name, type: 'hardlink', linkname},
          {name: `${name}/file`, content: 'x'}
        ])
      ]
      await expect(applyLayers({root: box.dest, layers})).rejects.toThrow(message)
      expect(fs.statSync(`${box.victim}/hello`).nlink).toBe(1)
      expect(box.violations()).toEqual([])
    }
  )

  it('re-roots an absolute hardlink target to the same inode inside the root (EX-8, kaniko)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'usr/bin/perlbug', content: '#!/usr/bin/perl\n', mode: 0o755},
          {name: 'usr/bin/perlthanks', type: 'hardlink', linkname: '/usr/bin/perlbug'}
        ])
      ]
    })
    expect(fs.statSync(box.path('usr/bin/perlthanks')).ino).toBe(
      fs.statSync(box.path('usr/bin/perlbug')).ino
    )
    expect(fs.statSync(box.path('usr/bin/perlbug')).nlink).toBe(2)
    expect(box.violations()).toEqual([])
  })

  it('hardlinks the symlink inode itself, not its target (EX-9)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'regfile', content: 'data'},
          {name: 'symlink1', type: 'symlink', linkname: 'regfile'},
          {name: 'symlink2', type: 'hardlink', linkname: 'symlink1'}
        ])
      ]
    })
    const link1 = fs.lstatSync(box.path('symlink1'))
    const link2 = fs.lstatSync(box.path('symlink2'))
    expect(link2.isSymbolicLink()).toBe(true)
    expect(link2.ino).toBe(link1.ino)
    expect(fs.statSync(box.path('regfile')).nlink).toBe(1)
  })

  it.each([
    [
      'before its target',
      [
        {name: 'early', type: 'hardlink' as const, linkname: 'later'},
        {name: 'later', content: 'x'}
      ]
    ],
    [
      'to a missing path',
      [{name: 'dangling', type: 'hardlink' as const, linkname: 'nowhere/file'}]
    ],
    [
      'to a directory',
      [
        {name: 'd/', type: 'dir' as const},
        {name: 'l', type: 'hardlink' as const, linkname: 'd'}
      ]
    ]
  ])('refuses a hardlink %s (EX-10)', async (_case, entries) => {
    await expect(applyLayers({root: box.dest, layers: [layer(entries)]})).rejects.toBeInstanceOf(
      UnsafeLayerEntryError
    )
    expect(box.violations()).toEqual([])
  })

  it('writes absolute and escaping symlink targets verbatim (EX-11)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'etc/alternatives/x', type: 'symlink', linkname: '/etc/alternatives/x.real'},
          {name: 'usr/bin/x', type: 'symlink', linkname: '../../../../usr/lib/x'}
        ])
      ]
    })
    expect(fs.readlinkSync(box.path('etc/alternatives/x'))).toBe('/etc/alternatives/x.real')
    expect(fs.readlinkSync(box.path('usr/bin/x'))).toBe('../../../../usr/lib/x')
  })

  it('lands lib/libfoo.so in usr/lib when a lower layer made lib a symlink (EX-12)', async () => {
    const result = await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'usr/lib/', type: 'dir'},
          {name: 'lib', type: 'symlink', linkname: 'usr/lib'}
        ]),
        layer([{name: 'lib/libfoo.so', content: 'ELF'}])
      )
    })
    expect(fs.readFileSync(box.path('usr/lib/libfoo.so'), 'utf8')).toBe('ELF')
    expect(fs.lstatSync(box.path('lib')).isSymbolicLink()).toBe(true)
    expect(result.layers[1]?.written).toEqual(['/usr/lib/libfoo.so'])
  })

  it('writes etc/shadow to <root>/shadow when etc -> / and never to the host (EX-13)', async () => {
    const hostShadow = hostFile('/etc/shadow')
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([{name: 'etc', type: 'symlink', linkname: '/'}]),
        layer([{name: 'etc/shadow', content: 'root:*:1::::::\n'}])
      )
    })
    expect(fs.readFileSync(box.path('shadow'), 'utf8')).toBe('root:*:1::::::\n')
    expect(fs.readlinkSync(box.path('etc'))).toBe('/')
    expect(hostFile('/etc/shadow')).toBe(hostShadow)
    expect(box.violations()).toEqual([])
  })

  it.each(['.', './', '/'])(
    'refuses the root entry %s as a symlink (EX-14, CVE-2021-29136)',
    async name => {
      const layers = [
        layer([
          {name, type: 'symlink', linkname: box.victim},
          {name: 'file', content: 'x'}
        ])
      ]
      await expect(applyLayers({root: box.dest, layers})).rejects.toThrow(
        /root entry must be a directory/
      )
      expect(fs.lstatSync(box.dest).isDirectory()).toBe(true)
      expect(box.violations()).toEqual([])
    }
  )

  it('keeps the root 0700 when a root directory entry says 0755', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: './', type: 'dir', mode: 0o755},
          {name: 'f', content: ''}
        ])
      ]
    })
    expect(fs.statSync(box.dest).mode & 0o7777).toBe(0o700)
  })

  it('replaces a directory by a symlink in the same layer and resolves later writes in-root (EX-15)', async () => {
    const result = await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'x/', type: 'dir'},
          {name: 'x/a', content: 'cached parent'},
          {name: 'x', type: 'symlink', linkname: box.victim},
          {name: 'x/file', content: 'through the symlink'}
        ])
      ]
    })
    expect(fs.readlinkSync(box.path('x'))).toBe(box.victim)
    expect(fs.readFileSync(box.path(box.victim, 'file'), 'utf8')).toBe('through the symlink')
    expect(result.layers[0]?.written).toContain(`${box.victim}/file`)
    expect(box.violations()).toEqual([])
  })

  it('lets the last of duplicate entries win (EX-16)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'dup', content: 'first'},
          {name: 'dup', type: 'symlink', linkname: box.victim + '/hello'},
          {name: 'dup', content: 'last'}
        ])
      ]
    })
    expect(fs.lstatSync(box.path('dup')).isFile()).toBe(true)
    expect(fs.readFileSync(box.path('dup'), 'utf8')).toBe('last')
    expect(box.violations()).toEqual([])
  })

  it('keeps Unicode variants, invalid UTF-8 and backslashes as distinct names (EX-17)', async () => {
    const names = [
      Buffer.from('caf\u00e9', 'utf8'),
      Buffer.from('cafe\u0301', 'utf8'),
      Buffer.from('\u00df', 'utf8'),
      Buffer.from('ss'),
      Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe]),
      Buffer.from([0x62, 0x61, 0x64, 0xef, 0xbf, 0xbd]),
      Buffer.from('a\\b'),
      Buffer.from('C:..\\x')
    ]
    await applyLayers({
      root: box.dest,
      layers: [layer(names.map((name, i) => ({name, content: String(i)})))]
    })
    const listed = fs.readdirSync(box.dest, {encoding: 'buffer'})
    expect(listed).toHaveLength(names.length)
    for (const [i, name] of names.entries()) {
      expect(fs.readFileSync(Buffer.concat([Buffer.from(`${box.dest}/`), name]), 'utf8')).toBe(
        String(i)
      )
    }
    expect(box.violations()).toEqual([])
  })

  it('invalidates cached parents when a directory becomes a symlink (CVE-2021-32803)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'd/', type: 'dir'},
          {name: 'd/sub/', type: 'dir'},
          {name: 'd/sub/one', content: '1'},
          {name: 'd', type: 'symlink', linkname: '../victim'},
          {name: 'd/sub/two', content: '2'}
        ])
      ]
    })
    expect(fs.readFileSync(box.path('victim/sub/two'), 'utf8')).toBe('2')
    expect(fs.existsSync(box.path('d/sub/one'))).toBe(false)
    expect(box.violations()).toEqual([])
  })
})

describe('the breakout oracle', () => {
  it('reports a changed victim, a new sibling and a shared inode', () => {
    fs.writeFileSync(`${box.victim}/hello`, 'changed')
    fs.writeFileSync(`${box.tmp}/pwned`, 'x')
    fs.linkSync(`${box.evil}/secret`, box.path('grabbed'))
    const problems = box.violations()
    expect(problems).toContainEqual(expect.stringContaining('victim/hello changed'))
    expect(problems).toContainEqual(expect.stringContaining('tmp now holds'))
    expect(problems).toContainEqual(expect.stringContaining('grabbed shares an inode'))
  })
})
