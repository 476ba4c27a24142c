import {createHash} from 'node:crypto'
import * as fs from 'node:fs'
import {LimitExceededError, UnsafeLayerEntryError, sanitizeForDisplay} from '../errors.js'
import type {PendingDirectories} from './dir-metadata.js'
import {entryRole, joinRelative, splitEntryName, type Fail} from './entry-name.js'
import {walkInRoot, type WalkResult} from './in-root.js'
import {isDpkgDatabase, maxRecordedDpkgBytes, type LayerFacts} from './layer-record.js'
import type {TarHeader, TarReader} from './tar-stream-reader.js'
import type {ApplyLimits, NonMaterialised} from './types.js'
import {UpperPaths, pruneLower, removeTree} from './whiteouts.js'

const {O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW} = fs.constants
const createFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW
const slash = Buffer.from('/')

/** State shared by all layers of one image. */
export interface ImageState {
  root: Buffer
  limits: ApplyLimits
  directories: PendingDirectories
  nonMaterialised: NonMaterialised[]
  /**
   * The owner every new inode gets (the effective uid/gid), when that is certain: no directory in
   * the root is setgid while layers are applied (directory modes are set at the end), so only a
   * setgid root would change it. An entry with this owner skips its chown. Undefined: always chown.
   */
  creator?: {uid: number; gid: number}
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

function writeAll(fd: number, piece: Buffer): void {
  let offset = 0
  while (offset < piece.length) offset += fs.writeSync(fd, piece, offset, piece.length - offset)
}

/**
 * Applies the entries of one layer (see docs/reference/security.md 1.4). Every path is resolved in-root, the
 * final component is never followed, and every fs call gets an absolute path whose directory
 * components were verified (or created) by {@link walkInRoot}. Parent resolutions are cached per
 * layer; the cache is dropped whenever an existing directory or symlink is removed or replaced,
 * the only events that can make a cached resolution stale (node-tar CVE-2021-32803).
 */
export class LayerWriter {
  readonly written: string[] = []
  readonly removed: string[] = []
  private readonly upper = new UpperPaths()
  private readonly parents = new Map<string, WalkResult>()

  constructor(
    private readonly image: ImageState,
    private readonly layer: string,
    /** Where the entries' provenance, compared contents and dpkg database go (layer-record.ts). */
    private readonly facts: LayerFacts
  ) {}

  /** Whether a new inode needs a chown to carry the entry's owner. */
  private needsChown(header: TarHeader): boolean {
    const creator = this.image.creator
    return creator === undefined || creator.uid !== header.uid || creator.gid !== header.gid
  }

  async apply(header: TarHeader, tar: TarReader): Promise<void> {
    const display = sanitizeForDisplay(header.name)
    const fail: Fail = message => {
      throw new UnsafeLayerEntryError(
        `Layer ${this.layer} entry "${display}": ${message}`,
        this.layer,
        display
      )
    }
    const components = splitEntryName(header.name, this.image.limits, this.layer, fail)
    const name = components[components.length - 1]
    if (name === undefined) {
      // The root entry: only a directory (umoci CVE-2021-29136). Its metadata is ignored so the
      // root keeps the caller's 0700, root-owned mode (setuid binaries stay unreachable).
      if (header.type !== 'dir') fail(`the root entry must be a directory, found a ${header.type}`)
      return
    }
    const parentComponents = components.slice(0, -1)
    const role = entryRole(components, fail)
    if (role.role === 'opaque') return this.opaque(parentComponents, fail)
    if (role.role === 'whiteout') return this.whiteout(parentComponents, role.target, fail)

    const parent = this.resolveParent(parentComponents, fail)
    const target = Buffer.concat([parent.absolute, slash, name])
    const relative = joinRelative(parent.relative, name)
    let digest: string | undefined
    switch (header.type) {
      case 'file':
        digest = await this.writeFile(header, tar, target, relative)
        break
      case 'dir':
        this.writeDirectory(header, target, relative)
        // A directory just created or kept is a valid resolution for its own children.
        this.parents.set(components.map(part => part.toString('latin1')).join('/'), {
          absolute: target,
          relative,
          found: true,
          directory: true,
          components: [...parent.components, name]
        })
        break
      case 'symlink':
        this.writeSymlink(header, target, relative, fail)
        digest = `link:${header.linkname.toString('latin1')}`
        break
      case 'hardlink':
        this.writeHardlink(header, target, fail)
        digest = `link:${header.linkname.toString('latin1')}`
        break
      default:
        this.writePlaceholder(header, target, relative)
    }
    this.upper.add(relative)
    const path = `/${relative}`
    this.written.push(path)
    this.facts.add(path, header, digest)
  }

  /** Resolves (and creates) a parent directory, reusing the cached resolution of its own parent. */
  private resolveParent(components: Buffer[], fail: Fail): WalkResult {
    const key = components.map(part => part.toString('latin1')).join('/')
    const cached = this.parents.get(key)
    if (cached !== undefined) return cached
    const onCreated = (relative: string): void => {
      this.image.directories.implicit(relative)
      this.upper.add(relative)
      this.written.push(`/${relative}`)
    }
    const hooks = {created: onCreated, replaced: onCreated}
    const last = components.length - 1
    const resolved =
      last < 0
        ? walkInRoot(this.image.root, [], 'create', fail)
        : walkInRoot(
            this.image.root,
            components.slice(last),
            'create',
            fail,
            hooks,
            this.resolveParent(components.slice(0, last), fail)
          )
    this.parents.set(key, resolved)
    return resolved
  }

  /** Removes whatever is at `target` unless both are directories; returns true if a directory stays. */
  private clear(target: Buffer, relative: string, keepDirectory: boolean): boolean {
    const stat = fs.lstatSync(target, {throwIfNoEntry: false})
    if (stat === undefined) return false
    if (stat.isDirectory()) {
      if (keepDirectory) return true
      removeTree(target)
      this.image.directories.forget(relative)
      this.parents.clear()
    } else {
      fs.unlinkSync(target)
      if (stat.isSymbolicLink()) this.parents.clear()
    }
    return false
  }

  /**
   * Creates `target` as a new file; something already there is removed first, and `replacing`
   * (when given) runs just before that removal. Returns the fd and whether something was replaced.
   */
  private openNew(
    target: Buffer,
    relative: string,
    replacing?: () => void
  ): {fd: number; replaced: boolean} {
    try {
      return {fd: fs.openSync(target, createFlags, 0o600), replaced: false}
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error
    }
    replacing?.()
    this.clear(target, relative, false)
    return {fd: fs.openSync(target, createFlags, 0o600), replaced: true}
  }

  /**
   * Writes a regular file. When it replaces something, its content is hashed on the way (and a
   * lower layer's regular file there is hashed before it goes): blame compares the two versions'
   * contents (layer-record.ts). Returns the new content's digest when it was hashed.
   */
  private async writeFile(
    header: TarHeader,
    tar: TarReader,
    target: Buffer,
    relative: string
  ): Promise<string | undefined> {
    const path = `/${relative}`
    const {fd, replaced} = this.openNew(target, relative, () => this.hashReplaced(target, path))
    const hash = replaced ? createHash('sha256') : undefined
    const dpkg = isDpkgDatabase(path)
    const dpkgParts: Buffer[] | undefined =
      dpkg && header.size <= maxRecordedDpkgBytes ? [] : undefined
    try {
      await tar.data(piece => {
        writeAll(fd, piece)
        hash?.update(piece)
        dpkgParts?.push(Buffer.from(piece))
      })
      // chown before chmod: chown clears setuid/setgid bits.
      if (this.needsChown(header)) fs.fchownSync(fd, header.uid, header.gid)
      fs.fchmodSync(fd, header.mode)
      fs.futimesSync(fd, header.mtime, header.mtime)
    } finally {
      fs.closeSync(fd)
    }
    if (dpkg)
      this.facts.dpkg.set(path, dpkgParts === undefined ? 'over-limit' : Buffer.concat(dpkgParts))
    return hash?.digest('hex')
  }

  /**
   * Hashes the regular file a lower layer left at `path`, before this layer replaces it. Only
   * the first replacement in a layer counts (later ones replace this layer's own entries), and
   * nothing but a regular file is read (never through a link).
   */
  private hashReplaced(target: Buffer, path: string): void {
    if (this.facts.replaced.has(path) || this.upper.wrote(path.slice(1))) return
    const stat = fs.lstatSync(target, {throwIfNoEntry: false})
    if (stat?.isFile() !== true) return
    const fd = fs.openSync(target, fs.constants.O_RDONLY | O_NOFOLLOW)
    try {
      const hash = createHash('sha256')
      const buffer = Buffer.allocUnsafe(Math.min(Math.max(stat.size, 1), 1024 * 1024))
      for (;;) {
        const read = fs.readSync(fd, buffer, 0, buffer.length, null)
        if (read === 0) break
        hash.update(buffer.subarray(0, read))
      }
      this.facts.replaced.set(path, hash.digest('hex'))
    } finally {
      fs.closeSync(fd)
    }
  }

  private writeDirectory(header: TarHeader, target: Buffer, relative: string): void {
    let created = true
    try {
      fs.mkdirSync(target, 0o700)
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error
      if (this.clear(target, relative, true)) created = false
      else fs.mkdirSync(target, 0o700)
    }
    if (!created || this.needsChown(header)) fs.lchownSync(target, header.uid, header.gid)
    this.image.directories.set(relative, header.mode, header.mtime)
  }

  private writeSymlink(header: TarHeader, target: Buffer, relative: string, fail: Fail): void {
    if (header.linkname.length === 0) fail('symlink with an empty target')
    if (header.linkname.length > this.image.limits.maxPathBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a symlink target of ${header.linkname.length} bytes exceeds the limit \`maxPathBytes\` (${this.image.limits.maxPathBytes})`,
        'maxPathBytes'
      )
    }
    // The target is written verbatim: absolute targets stay absolute (they are resolved
    // in-root by everything that reads the root), escaping relative ones stay as they are.
    try {
      fs.symlinkSync(header.linkname, target)
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error
      this.clear(target, relative, false)
      fs.symlinkSync(header.linkname, target)
    }
    if (this.needsChown(header)) fs.lchownSync(target, header.uid, header.gid)
    fs.lutimesSync(target, header.mtime, header.mtime)
  }

  private writeHardlink(header: TarHeader, target: Buffer, fail: Fail): void {
    const linkFail: Fail = message =>
      fail(`hardlink target "${sanitizeForDisplay(header.linkname)}": ${message}`)
    const components = splitEntryName(header.linkname, this.image.limits, this.layer, linkFail)
    const last = components[components.length - 1]
    if (last === undefined) linkFail('a hardlink to the root is not allowed')
    const parent = walkInRoot(this.image.root, components.slice(0, -1), 'lookup', linkFail)
    const source = Buffer.concat([parent.absolute, slash, last])
    const stat = parent.directory ? fs.lstatSync(source, {throwIfNoEntry: false}) : undefined
    if (stat === undefined)
      linkFail('does not exist (it must come from this or a lower layer, before the link)')
    if (stat.isDirectory()) linkFail('is a directory')
    if (source.equals(target)) return
    const relative = target.subarray(this.image.root.length + 1).toString('latin1')
    this.clear(target, relative, false)
    try {
      // Absolute, resolved paths only: a relative oldpath would resolve against the process cwd.
      fs.linkSync(source, target)
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') linkFail('disappeared when the link name was replaced')
      throw error
    }
  }

  /** Devices and FIFOs are never created: an empty 0000 file stands in, and the entry is recorded. */
  private writePlaceholder(header: TarHeader, target: Buffer, relative: string): void {
    const {fd} = this.openNew(target, relative)
    try {
      if (this.needsChown(header)) fs.fchownSync(fd, header.uid, header.gid)
      fs.fchmodSync(fd, 0)
      fs.futimesSync(fd, header.mtime, header.mtime)
    } finally {
      fs.closeSync(fd)
    }
    this.image.nonMaterialised.push({
      path: `/${relative}`,
      type:
        header.type === 'fifo'
          ? 'fifo'
          : header.type === 'char-device'
            ? 'char-device'
            : 'block-device',
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      layer: this.layer
    })
  }

  private opaque(parentComponents: Buffer[], fail: Fail): void {
    const parent = walkInRoot(this.image.root, parentComponents, 'lookup', fail)
    if (!parent.directory) return
    this.parents.clear()
    pruneLower(parent.absolute, parent.relative, this.upper, (relative, wasDirectory) =>
      this.noteRemoved(relative, wasDirectory)
    )
  }

  private whiteout(parentComponents: Buffer[], name: Buffer, fail: Fail): void {
    const parent = walkInRoot(this.image.root, parentComponents, 'lookup', fail)
    if (!parent.directory) return
    const target = Buffer.concat([parent.absolute, slash, name])
    const relative = joinRelative(parent.relative, name)
    const stat = fs.lstatSync(target, {throwIfNoEntry: false})
    if (stat === undefined) return
    this.parents.clear()
    if (this.upper.wrote(relative) || this.upper.wroteBelow(relative)) {
      // This layer's own entries are never hidden by its own whiteouts; a directory it wrote
      // or wrote into still loses what lower layers had in it.
      if (!stat.isDirectory()) return
      pruneLower(target, relative, this.upper, (removed, wasDirectory) =>
        this.noteRemoved(removed, wasDirectory)
      )
      return
    }
    removeTree(target)
    this.noteRemoved(relative, stat.isDirectory())
  }

  private noteRemoved(relative: string, wasDirectory: boolean): void {
    if (wasDirectory) this.image.directories.forget(relative)
    this.removed.push(`/${relative}`)
  }
}
