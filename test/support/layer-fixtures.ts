/**
 * Test support for the layer applier (imported by tests only): verified layers built from
 * crafted tars, the breakout oracle (moby `testBreakout`) and a root manifest for comparisons.
 */
import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {gzipSync} from 'node:zlib'
import {writeTar, type TarEntry} from './tar-writer.js'
import type {VerifiedLayer} from '../../packages/core/src/image/types.js'

export function sha256(data: Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

export interface LayerOptions {
  index?: number
  gzip?: boolean
  /** Overrides the computed diff_id (mismatch cases). */
  diffId?: string
  /** Bytes appended to the stored blob (after compression). */
  trailer?: Buffer
  /** Delivers the blob in chunks of this size (exercises reads across chunk boundaries). */
  chunkSize?: number
}

/** A VerifiedLayer over raw tar bytes; the diff_id is computed from the uncompressed tar. */
export function layerFromTar(tar: Buffer, options: LayerOptions = {}): VerifiedLayer {
  const compressed = options.gzip === true ? gzipSync(tar) : tar
  const blob =
    options.trailer === undefined ? compressed : Buffer.concat([compressed, options.trailer])
  const chunkSize = options.chunkSize ?? 64 * 1024
  return {
    index: options.index ?? 0,
    digest: sha256(blob),
    diffId: options.diffId ?? sha256(tar),
    mediaType:
      options.gzip === true
        ? 'application/vnd.oci.image.layer.v1.tar+gzip'
        : 'application/vnd.oci.image.layer.v1.tar',
    size: blob.length,
    compression: options.gzip === true ? 'gzip' : 'none',
    open: () => {
      const pieces: Buffer[] = []
      for (let at = 0; at < blob.length; at += chunkSize)
        pieces.push(blob.subarray(at, at + chunkSize))
      return Readable.from(pieces)
    }
  }
}

export function layer(entries: readonly TarEntry[], options: LayerOptions = {}): VerifiedLayer {
  return layerFromTar(writeTar(entries), options)
}

/** Numbers layers 0..n-1 (their index is part of progress reports). */
export function stack(...layers: VerifiedLayer[]): VerifiedLayer[] {
  return layers.map((item, index) => ({...item, index}))
}

interface NodeInfo {
  ino: number
  dev: number
  mtimeMs: number
  nlink: number
  mode: number
  content?: string
}

function info(path: string | Buffer): NodeInfo {
  const stat = fs.lstatSync(path)
  return {
    ino: stat.ino,
    dev: stat.dev,
    mtimeMs: stat.mtimeMs,
    nlink: stat.nlink,
    mode: stat.mode,
    content: stat.isFile() ? fs.readFileSync(path, 'latin1') : undefined
  }
}

/** Walks with Buffer paths so that names which are not UTF-8 stay reachable. */
function walk(path: string, visit: (path: string, stat: fs.Stats) => void): void {
  const visitBuffer = (absolute: Buffer): void => {
    const stat = fs.lstatSync(absolute)
    visit(absolute.toString('latin1'), stat)
    if (!stat.isDirectory()) return
    for (const child of fs.readdirSync(absolute, {encoding: 'buffer'})) {
      visitBuffer(Buffer.concat([absolute, Buffer.from('/'), child]))
    }
  }
  visitBuffer(Buffer.from(path))
}

/**
 * `tmp/{dest, victim/hello, dest-evil/secret}`; `dest` is the 0700 root to apply into.
 * `expectContained()` returns a list of violations (empty when nothing outside `dest` changed).
 */
export class Sandbox {
  readonly tmp = fs.mkdtempSync(join(tmpdir(), 'scapgate-layers-'))
  readonly dest = join(this.tmp, 'dest')
  readonly victim = join(this.tmp, 'victim')
  readonly evil = join(this.tmp, 'dest-evil')
  private readonly before: Map<string, NodeInfo>

  constructor() {
    fs.mkdirSync(this.dest, {mode: 0o700})
    fs.mkdirSync(this.victim)
    fs.writeFileSync(join(this.victim, 'hello'), 'hello victim')
    fs.mkdirSync(this.evil)
    fs.writeFileSync(join(this.evil, 'secret'), 'canary-7f3a')
    this.before = this.outside()
  }

  private outside(): Map<string, NodeInfo> {
    const nodes = new Map<string, NodeInfo>()
    nodes.set(Buffer.from(this.tmp).toString('latin1'), info(this.tmp))
    for (const name of fs.readdirSync(this.tmp)) {
      if (name === 'dest') continue
      walk(join(this.tmp, name), path => nodes.set(path, info(Buffer.from(path, 'latin1'))))
    }
    return nodes
  }

  /** Violations of the breakout oracle; `[]` means contained. */
  violations(): string[] {
    const problems: string[] = []
    const after = this.outside()
    const topLevel = fs.readdirSync(this.tmp).sort()
    if (topLevel.join(',') !== 'dest,dest-evil,victim')
      problems.push(`tmp now holds ${topLevel.join(',')}`)
    for (const [path, old] of this.before) {
      const now = after.get(path)
      if (now === undefined) problems.push(`${path} disappeared`)
      else if (
        path !== Buffer.from(this.tmp).toString('latin1') &&
        JSON.stringify(now) !== JSON.stringify(old)
      )
        problems.push(`${path} changed`)
    }
    for (const path of after.keys()) if (!this.before.has(path)) problems.push(`${path} appeared`)
    const outsideInodes = new Set([...after.values()].map(node => `${node.dev}:${node.ino}`))
    if (fs.existsSync(this.dest)) {
      walk(this.dest, (path, stat) => {
        if (outsideInodes.has(`${stat.dev}:${stat.ino}`))
          problems.push(`${path} shares an inode with a path outside the root`)
      })
    }
    return problems
  }

  path(...parts: string[]): string {
    return join(this.dest, ...parts)
  }

  cleanup(): void {
    fs.rmSync(this.tmp, {recursive: true, force: true})
  }
}

export interface ManifestEntry {
  path: string
  type: 'file' | 'dir' | 'symlink' | 'other'
  mode: number
  uid: number
  gid: number
  size: number
  sha256?: string
  link?: string
  /** Other paths in the tree with the same inode (hardlinks). */
  inode: number
}

/** path, type, mode, uid, gid, size, sha256, link target of every node under `root` (root excluded). */
export function manifest(root: string): ManifestEntry[] {
  const entries: ManifestEntry[] = []
  const rootBuf = Buffer.from(root)
  const visit = (absolute: Buffer): void => {
    for (const child of fs.readdirSync(absolute, {encoding: 'buffer'})) {
      const path = Buffer.concat([absolute, Buffer.from('/'), child])
      const stat = fs.lstatSync(path)
      const type = stat.isFile()
        ? 'file'
        : stat.isDirectory()
          ? 'dir'
          : stat.isSymbolicLink()
            ? 'symlink'
            : 'other'
      entries.push({
        path: path.subarray(rootBuf.length).toString('latin1'),
        type,
        mode: stat.mode & 0o7777,
        uid: stat.uid,
        gid: stat.gid,
        size: type === 'file' ? stat.size : 0,
        sha256: type === 'file' ? sha256(fs.readFileSync(path)) : undefined,
        link:
          type === 'symlink'
            ? fs.readlinkSync(path, {encoding: 'buffer'}).toString('latin1')
            : undefined,
        inode: stat.ino
      })
      if (type === 'dir') visit(path)
    }
  }
  visit(rootBuf)
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Manifest without inode numbers, hardlinks expressed as groups of paths sharing an inode. */
export function comparableManifest(root: string): {
  entries: Omit<ManifestEntry, 'inode'>[]
  linkGroups: string[][]
} {
  const entries = manifest(root)
  const groups = new Map<number, string[]>()
  for (const entry of entries) {
    if (entry.type !== 'file') continue
    groups.set(entry.inode, [...(groups.get(entry.inode) ?? []), entry.path])
  }
  return {
    entries: entries.map(({inode: _inode, ...rest}) => rest),
    linkGroups: [...groups.values()].filter(group => group.length > 1)
  }
}
