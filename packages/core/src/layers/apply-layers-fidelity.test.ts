import {execFileSync} from 'node:child_process'
import * as fs from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {EnvironmentError} from '../errors.js'
import {applyLayers} from './apply-layers.js'
import {
  Sandbox,
  comparableManifest,
  layer,
  layerFromTar,
  stack
} from '../../../../test/support/layer-fixtures.js'

let box: Sandbox
beforeEach(() => {
  box = new Sandbox()
})
afterEach(() => {
  box.cleanup()
  vi.restoreAllMocks()
})

describe('applyLayers fidelity', () => {
  it('keeps owners and modes exactly as the tar says, setuid included (EX-27)', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'usr/bin/su', content: 'ELF', mode: 0o4755, uid: 0, gid: 0},
          {name: 'usr/bin/wall', content: 'ELF', mode: 0o2755, uid: 0, gid: 5},
          {name: 'etc/shadow', content: 'root:*:1::::::\n', mode: 0o644, uid: 0, gid: 0},
          {
            name: 'etc/passwd',
            content: 'user:x:1000:1000::/home/user:/bin/sh\n',
            mode: 0o600,
            uid: 1000,
            gid: 1000
          },
          {name: 'tmp/', type: 'dir', mode: 0o1777},
          {name: 'home/user/', type: 'dir', mode: 0o700, uid: 1000, gid: 1000},
          {name: 'srv/shared/', type: 'dir', mode: 0o2775, uid: 0, gid: 50}
        ])
      ]
    })
    const owner = (path: string): string => {
      const stat = fs.lstatSync(box.path(path))
      return `${(stat.mode & 0o7777).toString(8)} ${stat.uid}:${stat.gid}`
    }
    expect(owner('usr/bin/su')).toBe('4755 0:0')
    expect(owner('usr/bin/wall')).toBe('2755 0:5')
    expect(owner('etc/shadow')).toBe('644 0:0')
    expect(owner('etc/passwd')).toBe('600 1000:1000')
    expect(owner('tmp')).toBe('1777 0:0')
    expect(owner('home/user')).toBe('700 1000:1000')
    expect(owner('srv/shared')).toBe('2775 0:50')
    expect(fs.statSync(box.dest).mode & 0o7777).toBe(0o700)
  })

  it("keeps root:root owners in a setgid root, where new inodes would take the root's group", async () => {
    // Entries owned by the process's own uid/gid skip their chown unless the root is setgid.
    fs.chownSync(box.dest, 0, 4242)
    fs.chmodSync(box.dest, 0o2700)
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'etc/', type: 'dir', uid: 0, gid: 0},
          {name: 'etc/shadow', content: 'root:*:1::::::\n', mode: 0o640, uid: 0, gid: 0},
          {name: 'etc/link', type: 'symlink', linkname: 'shadow', uid: 0, gid: 0},
          {name: 'var/lib/x', content: 'implicit parents', uid: 0, gid: 0}
        ])
      ]
    })
    const owners = ['etc', 'etc/shadow', 'etc/link', 'var/lib/x'].map(path => {
      const stat = fs.lstatSync(box.path(path))
      return `${path} ${stat.uid}:${stat.gid}`
    })
    expect(owners).toEqual(['etc 0:0', 'etc/shadow 0:0', 'etc/link 0:0', 'var/lib/x 0:0'])
  })

  it('applies symlink owners with lchown and keeps file and symlink mtimes', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {name: 'f', content: 'x', mtime: 1_500_000_000},
          {name: 'l', type: 'symlink', linkname: 'f', uid: 7, gid: 8, mtime: 1_400_000_000}
        ])
      ]
    })
    const link = fs.lstatSync(box.path('l'))
    expect(`${link.uid}:${link.gid}`).toBe('7:8')
    expect(link.mtimeMs).toBe(1_400_000_000_000)
    expect(fs.statSync(box.path('f')).mtimeMs).toBe(1_500_000_000_000)
    expect(fs.statSync(box.path('f')).uid).toBe(0)
  })

  it('honours PAX uid, gid and fractional mtime over the ustar fields', async () => {
    await applyLayers({
      root: box.dest,
      layers: [
        layer([
          {
            name: 'f',
            content: 'x',
            uid: 1,
            gid: 1,
            pax: {uid: '3000000', gid: '3000001', mtime: '1600000000.5'}
          }
        ])
      ]
    })
    const stat = fs.statSync(box.path('f'))
    expect(`${stat.uid}:${stat.gid}`).toBe('3000000:3000001')
    expect(stat.mtimeMs).toBe(1_600_000_000_500)
  })

  it('sets directory modes at the end, so a 0555 directory does not block later layers', async () => {
    await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'ro/', type: 'dir', mode: 0o555, mtime: 1_000_000_000},
          {name: 'ro/a', content: 'a'}
        ]),
        layer([{name: 'ro/b', content: 'b'}])
      )
    })
    const stat = fs.statSync(box.path('ro'))
    expect(stat.mode & 0o7777).toBe(0o555)
    expect(stat.mtimeMs).toBe(1_000_000_000_000)
    expect(fs.readdirSync(box.path('ro')).sort()).toEqual(['a', 'b'])
  })

  it('never creates devices or FIFOs: 0000 placeholders, recorded with their metadata (EX-26)', async () => {
    const devices = layer([
      {name: 'dev/sda', type: 'block', devmajor: 8, devminor: 0, mode: 0o660, gid: 6},
      {name: 'dev/null', type: 'char', devmajor: 1, devminor: 3, mode: 0o666},
      {name: 'etc/login.defs', type: 'fifo', mode: 0o644}
    ])
    const result = await applyLayers({root: box.dest, layers: [devices]})
    for (const path of ['dev/sda', 'dev/null', 'etc/login.defs']) {
      const stat = fs.lstatSync(box.path(path))
      expect(stat.isFile()).toBe(true)
      expect(stat.size).toBe(0)
      expect(stat.mode & 0o7777).toBe(0)
    }
    expect(result.nonMaterialised).toEqual([
      {path: '/dev/sda', type: 'block-device', mode: 0o660, uid: 0, gid: 6, layer: devices.digest},
      {path: '/dev/null', type: 'char-device', mode: 0o666, uid: 0, gid: 0, layer: devices.digest},
      {path: '/etc/login.defs', type: 'fifo', mode: 0o644, uid: 0, gid: 0, layer: devices.digest}
    ])
  })

  it('records written paths per layer, with implicit parents', async () => {
    const result = await applyLayers({
      root: box.dest,
      layers: stack(
        layer([
          {name: 'usr/bin/', type: 'dir'},
          {name: 'usr/bin/a', content: 'a'}
        ]),
        layer([{name: 'usr/bin/b', content: 'b'}])
      )
    })
    expect(result.layers.map(item => item.written)).toEqual([
      ['/usr', '/usr/bin', '/usr/bin/a'],
      ['/usr/bin/b']
    ])
    expect(result.entries).toBe(3)
  })

  it('refuses to run without root, because owners could not be kept (EX-28)', async () => {
    vi.spyOn(process, 'getuid').mockReturnValue(1000)
    await expect(
      applyLayers({root: box.dest, layers: [layer([{name: 'f', content: 'x'}])]})
    ).rejects.toThrow(EnvironmentError)
    await expect(applyLayers({root: box.dest, layers: []})).rejects.toThrow(
      /needs root \(uid 0\).*uid 1000/
    )
    expect(fs.readdirSync(box.dest)).toEqual([])
  })
})

describe('applyLayers compared with GNU tar', () => {
  it('builds the same tree as tar -xp from a layer GNU tar wrote', async () => {
    // given a source tree with every type GNU tar writes for a layer
    const src = join(box.tmp, 'src')
    const reference = join(box.tmp, 'reference')
    fs.mkdirSync(reference)
    const files: [string, string | Buffer, number, number, number][] = [
      [
        'etc/passwd',
        'root:x:0:0::/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n',
        0o644,
        0,
        0
      ],
      ['etc/shadow', 'root:*:19000:0:99999:7:::\n', 0o640, 0, 42],
      ['usr/bin/su', Buffer.alloc(70_000, 7), 0o4755, 0, 0],
      ['home/user/.profile', 'export X=1\n', 0o600, 1000, 1000],
      [`usr/share/${'long-directory-name-'.repeat(8)}/file`, 'long', 0o644, 0, 0],
      ['usr/share/caf\u00e9', 'nfc', 0o644, 0, 0],
      ['empty', '', 0o400, 65534, 65534]
    ]
    for (const [path, content, mode, uid, gid] of files) {
      fs.mkdirSync(join(src, path, '..'), {recursive: true})
      fs.writeFileSync(join(src, path), content)
      fs.chownSync(join(src, path), uid, gid)
      fs.chmodSync(join(src, path), mode)
    }
    fs.writeFileSync(Buffer.from(`${src}/bad-\xff-name`, 'latin1'), 'latin1')
    fs.symlinkSync('/usr/bin/su', join(src, 'usr/bin/sudo-abs'))
    fs.symlinkSync('../../../../etc/passwd', join(src, 'usr/bin/escaping-rel'))
    fs.linkSync(join(src, 'usr/bin/su'), join(src, 'usr/bin/su-hardlink'))
    fs.mkdirSync(join(src, 'tmp'), {mode: 0o1777})
    fs.chmodSync(join(src, 'tmp'), 0o1777)
    fs.mkdirSync(join(src, 'var/empty'), {recursive: true})
    fs.chmodSync(join(src, 'var/empty'), 0o555)
    const tarPath = join(box.tmp, 'layer.tar')
    execFileSync('tar', ['--numeric-owner', '--format=posix', '-C', src, '-cf', tarPath, '.'])

    // when both extract the layer
    await applyLayers({
      root: box.dest,
      layers: [layerFromTar(fs.readFileSync(tarPath), {gzip: true})]
    })
    execFileSync('tar', ['--numeric-owner', '-xpf', tarPath, '-C', reference])

    // then the manifests agree
    const ours = comparableManifest(box.dest)
    const theirs = comparableManifest(reference)
    expect(ours.entries.length).toBeGreaterThan(15)
    expect(ours).toEqual(theirs)
    expect(ours.linkGroups).toEqual([['/usr/bin/su', '/usr/bin/su-hardlink']])
  })
})
