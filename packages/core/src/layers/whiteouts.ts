import * as fs from 'node:fs'

const slash = Buffer.from('/')

/**
 * The paths one layer wrote (resolved, root-relative, one char per byte), plus their ancestors.
 * Whiteouts consult it so that they only ever remove what lower layers left (OCI image-spec
 * layer.md: whiteouts never hide entries of their own layer, wherever the marker appears).
 */
export class UpperPaths {
  private readonly written = new Set<string>()
  private readonly ancestors = new Set<string>()

  add(relative: string): void {
    this.written.add(relative)
    let end = relative.lastIndexOf('/')
    while (end > 0) {
      const ancestor = relative.slice(0, end)
      if (this.ancestors.has(ancestor)) break
      this.ancestors.add(ancestor)
      end = ancestor.lastIndexOf('/')
    }
  }

  /** This layer wrote exactly this path. */
  wrote(relative: string): boolean {
    return this.written.has(relative)
  }

  /** This layer wrote something below this path. */
  wroteBelow(relative: string): boolean {
    return this.ancestors.has(relative)
  }
}

/**
 * Deletes a path and everything below it without following symlinks: `lstat`, `readdir` of real
 * directories only, `unlink`/`rmdir`. A symlink to a directory is unlinked, never traversed.
 */
export function removeTree(absolute: Buffer): void {
  const stat = fs.lstatSync(absolute, {throwIfNoEntry: false})
  if (stat === undefined) return
  if (!stat.isDirectory()) {
    fs.unlinkSync(absolute)
    return
  }
  for (const child of fs.readdirSync(absolute, {encoding: 'buffer'})) {
    removeTree(Buffer.concat([absolute, slash, child]))
  }
  fs.rmdirSync(absolute)
}

/**
 * Removes every entry below the directory `absolute` that the current layer did not write,
 * keeping written paths and the directories leading to them (opaque-directory semantics, also
 * used for a whiteout whose target this layer re-populated). `removed` receives each deleted
 * root-relative path and whether it was a directory.
 */
export function pruneLower(
  absolute: Buffer,
  relative: string,
  upper: UpperPaths,
  removed: (relative: string, wasDirectory: boolean) => void
): void {
  for (const child of fs.readdirSync(absolute, {encoding: 'buffer'})) {
    const childAbsolute = Buffer.concat([absolute, slash, child])
    const childRelative =
      relative === '' ? child.toString('latin1') : `${relative}/${child.toString('latin1')}`
    const stat = fs.lstatSync(childAbsolute)
    if (upper.wrote(childRelative) || upper.wroteBelow(childRelative)) {
      if (stat.isDirectory()) pruneLower(childAbsolute, childRelative, upper, removed)
      continue
    }
    removeTree(childAbsolute)
    removed(childRelative, stat.isDirectory())
  }
}
