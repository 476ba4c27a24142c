import * as fs from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {InvalidImageError, LimitExceededError} from '../errors.js'
import {readFileInRoot, resolveInRoot} from './in-root.js'
import {Sandbox} from '../../../../test/support/layer-fixtures.js'

let box: Sandbox
let root: string
beforeEach(() => {
  box = new Sandbox()
  root = fs.realpathSync(box.dest)
  fs.mkdirSync(join(root, 'etc'))
  fs.mkdirSync(join(root, 'usr/lib'), {recursive: true})
  fs.writeFileSync(join(root, 'usr/lib/os-release'), 'ID=debian\n')
})
afterEach(() => {
  box.cleanup()
})

describe('resolveInRoot', () => {
  it('resolves absolute symlinks relative to the root', async () => {
    fs.symlinkSync('/usr/lib/os-release', join(root, 'etc/os-release'))
    expect(await resolveInRoot(root, '/etc/os-release')).toBe(join(root, 'usr/lib/os-release'))
  })

  it('clamps .. at the root, in the path and in link targets', async () => {
    fs.symlinkSync('../../../../../usr/lib/os-release', join(root, 'etc/os-release'))
    expect(await resolveInRoot(root, '/etc/os-release')).toBe(join(root, 'usr/lib/os-release'))
    expect(await resolveInRoot(root, '/../../etc/../usr/lib')).toBe(join(root, 'usr/lib'))
  })

  it('keeps a link to the host victim inside the root', async () => {
    fs.symlinkSync(box.victim, join(root, 'etc/escape'))
    expect(await resolveInRoot(root, '/etc/escape/hello')).toBe(join(root, box.victim, 'hello'))
  })

  it('joins missing components lexically', async () => {
    expect(await resolveInRoot(root, '/nope/a/../b')).toBe(join(root, 'nope/b'))
  })

  it('fails on a symlink loop', async () => {
    fs.symlinkSync('loop-b', join(root, 'etc/loop-a'))
    fs.symlinkSync('loop-a', join(root, 'etc/loop-b'))
    await expect(resolveInRoot(root, '/etc/loop-a')).rejects.toThrow(
      /too many levels of symbolic links/
    )
  })
})

describe('readFileInRoot', () => {
  it('reads through in-root symlinks', async () => {
    fs.symlinkSync('../usr/lib/os-release', join(root, 'etc/os-release'))
    expect((await readFileInRoot(root, '/etc/os-release', 1024))?.toString()).toBe('ID=debian\n')
  })

  it('never reads the host file an absolute link names', async () => {
    fs.symlinkSync(`${box.evil}/secret`, join(root, 'etc/os-release'))
    expect(await readFileInRoot(root, '/etc/os-release', 1024)).toBeUndefined()
  })

  it('returns undefined for missing files, dangling links and non-directory parents', async () => {
    fs.symlinkSync('/nowhere', join(root, 'etc/dangling'))
    fs.writeFileSync(join(root, 'etc/file'), 'x')
    expect(await readFileInRoot(root, '/etc/missing', 10)).toBeUndefined()
    expect(await readFileInRoot(root, '/etc/dangling', 10)).toBeUndefined()
    expect(await readFileInRoot(root, '/etc/file/child', 10)).toBeUndefined()
  })

  it('refuses directories and files over the size cap', async () => {
    await expect(readFileInRoot(root, '/usr/lib', 10)).rejects.toBeInstanceOf(InvalidImageError)
    await expect(readFileInRoot(root, '/usr/lib/os-release', 4)).rejects.toBeInstanceOf(
      LimitExceededError
    )
  })

  it('does not block on a FIFO', async () => {
    const {execFileSync} = await import('node:child_process')
    execFileSync('mkfifo', [join(root, 'etc/fifo')])
    await expect(readFileInRoot(root, '/etc/fifo', 10)).rejects.toThrow(/to be a regular file/)
  })
})
