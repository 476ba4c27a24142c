/**
 * OpenSCAP and the SCAP Security Guide on the runner. GitHub's Ubuntu images have neither, so
 * when `oscap` is not on PATH they are installed with apt (the action runs as root by then, see
 * `privileges.ts`). With `cache: true` the downloaded `.deb` files are kept with @actions/cache,
 * keyed by runner image and architecture, so later runs install without downloading.
 * Commands are spawned without a shell, with fixed arguments.
 */
import {execFile} from 'node:child_process'
import {access, constants, mkdir, readdir} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {promisify} from 'node:util'
import * as cache from '@actions/cache'
import {EnvironmentError, type Logger} from '@scapgate/core'
import type {Env} from './inputs.js'

const run = promisify(execFile)

export const openscapPackages = ['openscap-scanner', 'ssg-debderived', 'ssg-debian', 'ssg-base']
export const debCacheDir = join(tmpdir(), 'scapgate-apt-archives')

export async function findOnPath(
  name: string,
  path: string | undefined
): Promise<string | undefined> {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

export function openscapCacheKey(env: Env): string {
  return `scapgate-openscap-v1-${env.ImageOS ?? 'unknown'}-${env.ImageVersion ?? 'unknown'}-${process.arch}`
}

export interface InstallDeps {
  exec: (file: string, args: string[]) => Promise<void>
  restore: (paths: string[], key: string) => Promise<string | undefined>
  save: (paths: string[], key: string) => Promise<number>
}

const defaultDeps: InstallDeps = {
  exec: async (file, args) => {
    await run(file, args, {
      env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
      maxBuffer: 64 * 1024 * 1024
    })
  },
  restore: (paths, key) => cache.restoreCache(paths, key),
  save: (paths, key) => cache.saveCache(paths, key)
}

/**
 * Makes sure `oscap` can run. Returns what happened; throws an EnvironmentError with the fix
 * when it cannot be installed (no apt: a self-hosted runner must provide OpenSCAP itself).
 */
export async function ensureOpenScap(
  env: Env,
  logger: Logger,
  useCache: boolean,
  deps: InstallDeps = defaultDeps
): Promise<'present' | 'installed'> {
  if (env.SCAPGATE_OSCAP !== undefined && env.SCAPGATE_OSCAP !== '') return 'present'
  if ((await findOnPath('oscap', env.PATH)) !== undefined) return 'present'
  const aptGet = await findOnPath('apt-get', env.PATH)
  if (aptGet === undefined)
    throw new EnvironmentError(
      'OpenSCAP (`oscap`) is not installed and this runner has no apt-get; install OpenSCAP and the SCAP Security Guide before this step, or set SCAPGATE_OSCAP'
    )
  logger.startGroup('Installing OpenSCAP and the SCAP Security Guide')
  try {
    await mkdir(debCacheDir, {recursive: true})
    const key = openscapCacheKey(env)
    let hit: string | undefined
    if (useCache) {
      hit = await deps.restore([debCacheDir], key).catch(error => {
        logger.warning(`the OpenSCAP package cache could not be read: ${(error as Error).message}`)
        return undefined
      })
    }
    const install = [
      '-y',
      '--no-install-recommends',
      '-o',
      `Dir::Cache::Archives=${debCacheDir}`,
      'install',
      ...openscapPackages
    ]
    try {
      await deps.exec(aptGet, install)
    } catch {
      await deps.exec(aptGet, ['update'])
      await deps.exec(aptGet, install)
    }
    if (useCache && hit === undefined) {
      const debs = (await readdir(debCacheDir)).filter(f => f.endsWith('.deb'))
      if (debs.length > 0)
        await deps.save([debCacheDir], key).catch(error => {
          logger.warning(`the OpenSCAP packages could not be cached: ${(error as Error).message}`)
          return -1
        })
    }
    logger.info(
      `installed ${openscapPackages.join(', ')}${hit === undefined ? '' : ' from the cached packages'}`
    )
    return 'installed'
  } finally {
    logger.endGroup()
  }
}
