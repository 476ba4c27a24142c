import {execFile} from 'node:child_process'
import {mkdtemp, rm, chmod} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

/**
 * A private (0700) temporary directory for one scan: staged blobs, the extracted root, oscap's
 * scratch files. `dispose()` removes it without following symlinks and is safe to call twice; the
 * CLI calls it on errors and on SIGINT/SIGTERM too.
 */
export interface WorkDir {
  path: string
  dispose: () => Promise<void>
}

/**
 * GNU `rm -rf --one-file-system` removes an extracted root (tens of thousands of entries) several
 * times faster than Node's `fs.rm`; neither follows symlinks. `fs.rm` remains the fallback.
 */
export function removeTree(path: string): Promise<void> {
  return new Promise(resolve => {
    execFile(
      'rm',
      ['-rf', '--one-file-system', '--', path],
      {env: {PATH: '/usr/bin:/bin'}},
      error => {
        if (error === null) return resolve()
        resolve(rm(path, {recursive: true, force: true, maxRetries: 3}))
      }
    )
  })
}

export async function createWorkDir(parent: string = tmpdir()): Promise<WorkDir> {
  const path = await mkdtemp(join(parent, 'scapgate-'))
  await chmod(path, 0o700)
  let disposed: Promise<void> | undefined
  return {
    path,
    dispose: () => {
      disposed ??= removeTree(path)
      return disposed
    }
  }
}
