import * as fs from 'node:fs'
import {InvalidImageError, LimitExceededError} from '../errors.js'

/** Symlink hops allowed while resolving one path (Linux uses 40, moby 255). */
export const maxSymlinkHops = 255

const slashBuf = Buffer.from('/')

export type WalkMode = 'lookup' | 'create'

export interface WalkHooks {
  /** Create mode: a missing directory was created at this relative path. */
  created?: (relative: string) => void
  /** Create mode: a non-directory at this relative path was replaced by a directory. */
  replaced?: (relative: string) => void
}

export interface WalkResult {
  /** Absolute host path of the resolved location. */
  absolute: Buffer
  /** The resolved path relative to the root, components joined by `/`, one char per byte. */
  relative: string
  /** False when a component was missing, or a non-final one not a directory (lookup mode only). */
  found: boolean
  /** The resolved location is a directory (always true in create mode). */
  directory: boolean
  /** The resolved components (what `relative` joins). */
  components: Buffer[]
}

function split(target: Buffer): Buffer[] {
  const parts: Buffer[] = []
  let start = 0
  for (let i = 0; i <= target.length; i++) {
    if (i < target.length && target[i] !== 0x2f) continue
    if (i > start) parts.push(target.subarray(start, i))
    start = i + 1
  }
  return parts
}

function absoluteOf(root: Buffer, stack: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [root]
  for (const part of stack) parts.push(slashBuf, part)
  return Buffer.concat(parts)
}

function relativeOf(stack: readonly Buffer[]): string {
  return stack.map(part => part.toString('latin1')).join('/')
}

/**
 * Resolves `components` under `root` with chroot semantics (filepath-securejoin): every
 * component is `lstat`ed; symlinks are read and their targets resolved inside the root
 * (absolute targets restart at the root, `..` clamps at the root); more than
 * {@link maxSymlinkHops} hops fail through `fail`. All components are followed, so callers pass
 * parent components only when the final one must not be followed.
 *
 * In `create` mode missing components become directories (0755) and non-directories are
 * replaced by directories (the OCI "changeset over existing files" rule, as umoci does). In
 * `lookup` mode the walk stops at the first missing or non-directory component and the rest is
 * joined lexically. The result's components are all real directories at the time of the walk;
 * this is safe only because nothing but the applier writes into the root (see docs/reference/security.md 1.4).
 * `from` continues a walk from an earlier result (a directory that is still valid).
 */
export function walkInRoot(
  root: Buffer,
  components: readonly Buffer[],
  mode: WalkMode,
  fail: (message: string) => never,
  hooks: WalkHooks = {},
  from?: WalkResult
): WalkResult {
  const pending = components.slice().reverse()
  const stack: Buffer[] = from === undefined ? [] : from.components.slice()
  let current = from === undefined ? root : from.absolute
  let hops = 0
  let found = true
  let directory = true
  while (pending.length > 0) {
    const part = pending.pop() as Buffer
    if (part.length === 0 || (part.length === 1 && part[0] === 0x2e)) continue
    if (part.length === 2 && part[0] === 0x2e && part[1] === 0x2e) {
      stack.pop()
      current = absoluteOf(root, stack)
      directory = true
      continue
    }
    const candidate = Buffer.concat([current, slashBuf, part])
    if (!found) {
      stack.push(part)
      current = candidate
      continue
    }
    const stat = fs.lstatSync(candidate, {throwIfNoEntry: false})
    if (stat?.isSymbolicLink() === true) {
      if (++hops > maxSymlinkHops)
        fail(`too many levels of symbolic links (more than ${maxSymlinkHops})`)
      const target = fs.readlinkSync(candidate, {encoding: 'buffer'})
      if (target[0] === 0x2f) {
        stack.length = 0
        current = root
      }
      const parts = split(target)
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i] as Buffer)
      continue
    }
    directory = stat?.isDirectory() === true
    if (!directory) {
      if (mode === 'lookup') {
        // A final non-directory is a result; anything below it does not exist.
        if (stat === undefined || pending.length > 0) found = false
      } else if (stat === undefined) {
        fs.mkdirSync(candidate, 0o755)
        hooks.created?.(relativeOf([...stack, part]))
      } else {
        fs.unlinkSync(candidate)
        fs.mkdirSync(candidate, 0o755)
        hooks.replaced?.(relativeOf([...stack, part]))
      }
      if (mode === 'create') directory = true
    }
    stack.push(part)
    current = candidate
  }
  return {
    absolute: current,
    relative: relativeOf(stack),
    found,
    directory: found && directory,
    components: stack
  }
}

function rootBuffer(root: string): Buffer {
  return Buffer.from(fs.realpathSync(root), 'utf8')
}

function inRootComponents(inRootPath: string): Buffer[] {
  return split(Buffer.from(inRootPath, 'utf8'))
}

function lookup(root: string, inRootPath: string): WalkResult {
  return walkInRoot(rootBuffer(root), inRootComponents(inRootPath), 'lookup', message => {
    throw new InvalidImageError(
      `Cannot resolve ${inRootPath} inside the image root: ${message}`,
      inRootPath
    )
  })
}

/**
 * Resolves `inRootPath` (e.g. `/etc/os-release`) inside `root` as a chroot would, following every
 * symlink in-root, and returns the host path. Missing components are joined lexically, so the
 * result may not exist. Never returns a path outside `root`. Fails if the resolved path is not
 * valid UTF-8 (a lossy string could name a different file).
 */
export async function resolveInRoot(root: string, inRootPath: string): Promise<string> {
  const {absolute} = lookup(root, inRootPath)
  const text = absolute.toString('utf8')
  if (!Buffer.from(text, 'utf8').equals(absolute)) {
    throw new InvalidImageError(
      `${inRootPath} resolves to a path that is not valid UTF-8 inside the image root`,
      inRootPath
    )
  }
  return text
}

/**
 * Reads a regular file inside the root, following symlinks in-root only. Returns `undefined` if
 * the path (or a parent) is missing or dangling. Fails for non-regular files and for files over
 * `maxBytes`. Does not block on FIFOs (opened non-blocking, then rejected).
 */
export async function readFileInRoot(
  root: string,
  inRootPath: string,
  maxBytes: number
): Promise<Buffer | undefined> {
  const {absolute, found} = lookup(root, inRootPath)
  if (!found) return undefined
  const flags = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK
  let handle: fs.promises.FileHandle
  try {
    handle = await fs.promises.open(absolute, flags)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) {
      throw new InvalidImageError(
        `Expected ${inRootPath} in the image to be a regular file, found another type`,
        inRootPath
      )
    }
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1)
    let length = 0
    while (length < buffer.length) {
      const {bytesRead} = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) {
      throw new LimitExceededError(
        `${inRootPath} in the image is larger than ${maxBytes} bytes`,
        'maxBytes'
      )
    }
    return buffer.subarray(0, length)
  } finally {
    await handle.close()
  }
}
