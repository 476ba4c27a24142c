import * as fs from 'node:fs'

interface DirMetadata {
  mode: number
  mtime?: number
}

const dirFlags = fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW

/**
 * Directory modes and mtimes, applied once after the last layer: a 0555 directory must not block
 * later writes, and later entries would bump the mtimes again. Owners are applied at once (chown
 * does not get in the way). Entries under a removed directory are forgotten, so that metadata
 * never lands on whatever replaces them.
 */
export class PendingDirectories {
  private readonly byPath = new Map<string, DirMetadata>()

  /** Metadata from a directory entry; the last entry for a path wins. */
  set(relative: string, mode: number, mtime: number): void {
    this.byPath.set(relative, {mode, mtime})
  }

  /** A directory this applier created implicitly: 0755 unless an entry says otherwise. */
  implicit(relative: string): void {
    this.byPath.set(relative, {mode: 0o755})
  }

  forget(relative: string): void {
    this.byPath.delete(relative)
    const prefix = `${relative}/`
    for (const key of this.byPath.keys()) if (key.startsWith(prefix)) this.byPath.delete(key)
  }

  /**
   * Applies modes (after the owners, so setgid survives) and mtimes through an
   * `O_DIRECTORY|O_NOFOLLOW` descriptor, and only where no component of the path has become a
   * symlink (defence in depth against CVE-2021-32760-style redirects): `realpath` shows it for a
   * path whose parent was not checked yet; below a checked parent the `O_NOFOLLOW` open checks the
   * last component, which spares a `readlink` per component per directory.
   */
  apply(root: Buffer): void {
    const checked = new Set<string>()
    for (const [relative, metadata] of this.byPath) {
      const absolute = Buffer.concat([root, Buffer.from(`/${relative}`, 'latin1')])
      const slash = relative.lastIndexOf('/')
      const parent = slash < 0 ? '' : relative.slice(0, slash)
      if (parent !== '' && !checked.has(parent)) {
        let real: Buffer
        try {
          real = fs.realpathSync.native(absolute, {encoding: 'buffer'})
        } catch {
          continue
        }
        if (!real.equals(absolute)) continue
      }
      let fd: number
      try {
        fd = fs.openSync(absolute, dirFlags)
      } catch (error) {
        // Gone, or no longer a directory (a symlink or file now): nothing of it to apply.
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR') continue
        throw error
      }
      checked.add(relative)
      try {
        fs.fchmodSync(fd, metadata.mode)
        if (metadata.mtime !== undefined) fs.futimesSync(fd, metadata.mtime, metadata.mtime)
      } finally {
        fs.closeSync(fd)
      }
    }
  }
}
