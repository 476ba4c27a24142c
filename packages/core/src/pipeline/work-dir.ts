import {mkdtemp, rm, chmod} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * A private (0700) temporary directory for one scan: staged blobs, the extracted root, oscap's
 * scratch files. `dispose()` removes it without following symlinks (fs.rm uses lstat) and is safe
 * to call twice; the CLI calls it on errors and on SIGINT/SIGTERM too.
 */
export interface WorkDir {
  path: string
  dispose: () => Promise<void>
}

export async function createWorkDir(parent: string = tmpdir()): Promise<WorkDir> {
  const path = await mkdtemp(join(parent, 'scapgate-'))
  await chmod(path, 0o700)
  let disposed: Promise<void> | undefined
  return {
    path,
    dispose: () => {
      disposed ??= rm(path, {recursive: true, force: true, maxRetries: 3})
      return disposed
    }
  }
}
