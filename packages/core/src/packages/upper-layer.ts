/**
 * Files scapgate adds to what oscap sees of an image, without touching the image: they are written
 * into a private staging directory that the scan sandbox copies (`cp -a`) into its overlay's
 * tmpfs upper layer (`scan/sandbox-script.ts`). The extracted root stays untouched.
 *
 * Overlayfs shows a directory present in both layers with the upper directory's mode and owner,
 * so every staged directory that also exists in the root copies the root's mode, owner and group:
 * adding `/var/lib/dpkg/status` must not change what file rules see of `/var` or `/var/lib`. A
 * directory the image has as a symlink or another non-directory would be shadowed by the upper
 * directory, so staging refuses such a file (unless it is scapgate's own, see `own`).
 */
import type {Stats} from 'node:fs'
import {chmod, chown, lstat, mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

export interface UpperFile {
  /** Absolute path inside the image, e.g. `/var/lib/dpkg/status`; plain components only. */
  path: string
  content: string | Buffer
  /** Default 0644, owned by root. */
  mode?: number
  /**
   * scapgate's own namespace (`/.scapgate/…`): whatever the image has there is replaced, never
   * mirrored or merged, so an image cannot plant or redirect these files.
   */
  own?: boolean
}

export interface StagedUpperLayer {
  /** The staging directory, or undefined when no file could be staged. */
  dir?: string
  /** Paths that were not staged because the image has a non-directory on the way (see above). */
  refused: string[]
}

/**
 * Writes `files` under `stagingDir` (created here, it must not exist), mirroring the root's
 * directory attributes as described above. A file whose parent directory is not a plain directory
 * in the root, or that exists there as something other than a regular file, is not staged.
 */
export async function stageUpperLayer(
  root: string,
  stagingDir: string,
  files: readonly UpperFile[]
): Promise<StagedUpperLayer> {
  const refused: string[] = []
  const accepted: UpperFile[] = []
  for (const file of files) {
    if (file.own === true || (await fitsRoot(root, plainComponents(file.path)))) accepted.push(file)
    else refused.push(file.path)
  }
  if (accepted.length === 0) return {refused}
  await mkdir(stagingDir, {mode: 0o755})
  await mirror(root, stagingDir)
  for (const file of accepted) {
    const components = plainComponents(file.path)
    let rootDir = root
    let stagedDir = stagingDir
    for (const component of components.slice(0, -1)) {
      rootDir = join(rootDir, component)
      stagedDir = join(stagedDir, component)
      const made = await mkdir(stagedDir, {mode: 0o755}).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false
          throw error
        }
      )
      if (made && file.own !== true) await mirror(rootDir, stagedDir)
    }
    const target = join(stagedDir, components.at(-1) as string)
    await writeFile(target, file.content, {mode: file.mode ?? 0o644, flag: 'wx'})
    await chmod(target, file.mode ?? 0o644)
  }
  return {dir: stagingDir, refused}
}

async function fitsRoot(root: string, components: readonly string[]): Promise<boolean> {
  let current = root
  for (const component of components.slice(0, -1)) {
    current = join(current, component)
    const info = await lstatOrUndefined(current)
    if (info !== undefined && !info.isDirectory()) return false
  }
  const existing = await lstatOrUndefined(join(root, ...components))
  return existing === undefined || existing.isFile()
}

/** Gives `staged` the mode, owner and group of `original` when that is a directory in the root. */
async function mirror(original: string, staged: string): Promise<void> {
  const info = await lstatOrUndefined(original)
  if (info?.isDirectory() !== true) return
  await chown(staged, info.uid, info.gid)
  await chmod(staged, info.mode & 0o7777)
}

function plainComponents(path: string): string[] {
  const components = path.split('/').filter(c => c !== '')
  if (
    !path.startsWith('/') ||
    components.length === 0 ||
    components.some(c => c === '.' || c === '..')
  ) {
    throw new Error(`Expected an absolute path of plain components, found \`${path}\``)
  }
  return components
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  return lstat(path).catch(() => undefined)
}
