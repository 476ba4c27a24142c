import {constants, createReadStream} from 'node:fs'
import {lstat, open, realpath} from 'node:fs/promises'
import {isAbsolute, join, relative} from 'node:path'
import {Readable} from 'node:stream'
import {InvalidImageError, LimitExceededError, sanitizeForDisplay} from '../errors.js'

/** A byte range of a regular file holding one blob or member. */
export interface BlobLocation {
  file: string
  start: number
  size: number
  /** Open with O_NOFOLLOW (files of an `oci:` directory, checked not to be symlinks). */
  noFollow: boolean
}

/** Where image documents and blobs come from: a tar index or an OCI layout directory. */
export interface BlobSource {
  /** The reference as the user wrote it, for messages. */
  readonly label: string
  /** Finds a member by its checked in-archive path; undefined when absent. */
  locate: (member: string) => Promise<BlobLocation | undefined>
}

const readFlags = constants.O_RDONLY
const noFollowFlags = constants.O_RDONLY | constants.O_NOFOLLOW

/** Opens a fresh stream over exactly the location's bytes. */
export function openLocation(location: BlobLocation): Readable {
  if (location.size === 0) return Readable.from([])
  return createReadStream(location.file, {
    start: location.start,
    end: location.start + location.size - 1,
    // fs.open takes numeric flags; @types/node only declares strings for createReadStream.
    flags: (location.noFollow ? noFollowFlags : readFlags) as unknown as string
  })
}

/**
 * Reads a small document (manifest, config, index) into memory.
 * @throws LimitExceededError naming `what` when it is larger than `cap` bytes (CVE-2020-1702).
 */
export async function readLocation(
  location: BlobLocation,
  cap: number,
  what: string
): Promise<Buffer> {
  if (location.size > cap) {
    throw new LimitExceededError(
      `${what} is ${location.size} bytes; the limit is ${cap} bytes`,
      what
    )
  }
  const handle = await open(location.file, location.noFollow ? noFollowFlags : readFlags)
  try {
    const data = Buffer.alloc(location.size)
    const {bytesRead} = await handle.read(data, 0, location.size, location.start)
    if (bytesRead !== location.size) throw new InvalidImageError(`${what} is truncated`, what)
    return data
  } finally {
    await handle.close()
  }
}

/** Reads `member` or throws an InvalidImageError naming it and the source. */
export async function requireLocation(
  source: BlobSource,
  member: string,
  what: string
): Promise<BlobLocation> {
  const location = await source.locate(member)
  if (!location) {
    throw new InvalidImageError(
      `${source.label}: ${what} \`${sanitizeForDisplay(member)}\` is missing`,
      member
    )
  }
  return location
}

/**
 * The files of an `oci:` layout directory. A member that is a symlink, is not a regular file, or
 * resolves outside the layout is refused (ggcr 7f937fe5: a blob linked to `~/.docker/config.json`).
 */
export class DirectorySource implements BlobSource {
  private constructor(
    readonly root: string,
    readonly label: string
  ) {}

  static async open(dir: string, label: string): Promise<DirectorySource> {
    let root: string
    try {
      root = await realpath(dir)
    } catch (error) {
      throw new InvalidImageError(
        `${label}: cannot open the layout directory: ${(error as Error).message}`,
        dir,
        {cause: error}
      )
    }
    const info = await lstat(root)
    if (!info.isDirectory())
      throw new InvalidImageError(`${label}: \`${dir}\` is not a directory`, dir)
    return new DirectorySource(root, label)
  }

  async locate(member: string): Promise<BlobLocation | undefined> {
    const file = join(this.root, ...member.split('/'))
    const info = await lstat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined
      throw error
    })
    if (!info) return undefined
    const shown = sanitizeForDisplay(member)
    if (info.isSymbolicLink()) {
      throw new InvalidImageError(
        `${this.label}: \`${shown}\` is a symlink; layout files must be regular files inside the layout`,
        member
      )
    }
    if (!info.isFile())
      throw new InvalidImageError(`${this.label}: \`${shown}\` is not a regular file`, member)
    const real = await realpath(file)
    const inside = relative(this.root, real)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
      throw new InvalidImageError(
        `${this.label}: \`${shown}\` resolves outside the layout directory`,
        member
      )
    }
    return {file: real, start: 0, size: info.size, noFollow: true}
  }
}
