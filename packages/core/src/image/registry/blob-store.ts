import {randomBytes} from 'node:crypto'
import {lstat, mkdir, rename, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {blobPath} from '../digest.js'
import {hashLocation} from '../verify.js'

/**
 * A content-addressed blob directory laid out like an OCI layout (`blobs/sha256/<hex>`), so that
 * `DirectorySource` (symlink- and containment-checked) reads it. Used both as the persistent
 * `--cache-dir` and as a per-scan staging area.
 *
 * A blob only appears under its digest after it was verified: writers fill a private temporary
 * file and rename it into place (atomic on one filesystem), so concurrent scans sharing a cache
 * never see a partial blob. Entries are verified again on every use ({@link has}).
 */
export class BlobStore {
  private constructor(readonly root: string) {}

  static async open(root: string): Promise<BlobStore> {
    await mkdir(join(root, 'blobs', 'sha256'), {recursive: true, mode: 0o700})
    await mkdir(join(root, 'tmp'), {recursive: true, mode: 0o700})
    return new BlobStore(root)
  }

  path(digest: string): string {
    return join(this.root, ...blobPath(digest).split('/'))
  }

  /**
   * Whether a verified copy of the blob is present. A corrupt, truncated or non-regular entry is
   * removed (and reported through `onCorrupt`) so that it is downloaded again.
   */
  async has(
    expected: {digest: string; size: number},
    signal?: AbortSignal,
    onCorrupt?: (why: string) => void
  ): Promise<boolean> {
    const file = this.path(expected.digest)
    const info = await lstat(file).catch(() => undefined)
    if (!info) return false
    let why: string | undefined
    if (!info.isFile()) why = 'not a regular file'
    else if (info.size !== expected.size) why = `${info.size} bytes, expected ${expected.size}`
    else {
      const facts = await hashLocation({file, start: 0, size: info.size, noFollow: true}, signal)
      if (facts.digest !== expected.digest) why = `its content hashes to ${facts.digest}`
    }
    if (why === undefined) return true
    onCorrupt?.(why)
    await rm(file, {force: true, recursive: true})
    return false
  }

  /** A fresh private temporary path inside the store (same filesystem as the blobs). */
  temporary(): string {
    return join(this.root, 'tmp', `${randomBytes(8).toString('hex')}.partial`)
  }

  /** Moves a verified temporary file into place. */
  async commit(temporary: string, digest: string): Promise<void> {
    await rename(temporary, this.path(digest))
  }
}
