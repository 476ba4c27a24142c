/**
 * `baseline: auto`. On the default branch each image's `results.json` is saved with
 * @actions/cache as the new baseline, keyed per image and profile; on a pull request the newest
 * baseline of the default branch is restored (PR branches can read the default branch's caches)
 * and the gate runs in ratchet mode.
 *
 * Cache entries are immutable, so each save gets a new key (`…-<run id>-<attempt>`) and a restore
 * matches the newest entry by prefix. The cached path must be the same on save and restore (it
 * is part of the cache version), hence a fixed directory.
 */
import {copyFile, mkdir, rm, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import * as cache from '@actions/cache'
import type {Logger} from '@scapgate/core'

export const baselineDir = join(tmpdir(), 'scapgate-baseline')

/** Key prefix: image slug + profile (`auto` when the content picks it). Bump `v1` on format changes. */
export function baselineKeyPrefix(slug: string, profile: string | undefined): string {
  const clean = (s: string): string => s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 100)
  return `scapgate-baseline-v1-${clean(slug)}-${clean(profile ?? 'auto')}-`
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false
  )

/**
 * The directory for one image: each entry caches one directory holding `<slug>.json` (the
 * baseline) and `<slug>.history.json` (the score history, docs/trend.md).
 */
function entryDir(slug: string): string {
  return join(baselineDir, slug)
}

/** Where a restored entry's history is, if it had one. */
export function restoredHistory(slug: string): string {
  return join(entryDir(slug), `${slug}.history.json`)
}

/**
 * Restores the newest baseline for each slug; returns the file per slug that was found.
 * Failures of the cache service are warnings (a run without a baseline gates absolutely).
 */
export async function restoreBaselines(
  slugs: readonly string[],
  profile: string | undefined,
  logger: Logger
): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const slug of slugs) {
    const dir = entryDir(slug)
    await rm(dir, {recursive: true, force: true})
    await mkdir(dir, {recursive: true})
    const prefix = baselineKeyPrefix(slug, profile)
    try {
      const hit = await cache.restoreCache([dir], `${prefix}latest`, [prefix])
      const file = join(dir, `${slug}.json`)
      if (hit !== undefined && (await exists(file))) {
        logger.info(`baseline for ${slug}: restored from cache entry ${hit}`)
        found.set(slug, file)
      } else logger.info(`baseline for ${slug}: none saved yet on the default branch`)
    } catch (error) {
      logger.warning(
        `baseline for ${slug}: the cache could not be read (${(error as Error).message}); gating without a baseline`
      )
    }
  }
  return found
}

/** Saves each image's results as its new baseline; returns how many were saved. */
export async function saveBaselines(
  entries: readonly {slug: string; resultsFile: string; historyFile?: string}[],
  profile: string | undefined,
  suffix: string,
  logger: Logger
): Promise<number> {
  let saved = 0
  for (const {slug, resultsFile, historyFile} of entries) {
    const dir = entryDir(slug)
    await rm(dir, {recursive: true, force: true})
    await mkdir(dir, {recursive: true})
    await copyFile(resultsFile, join(dir, `${slug}.json`))
    if (historyFile !== undefined && (await exists(historyFile)))
      await copyFile(historyFile, restoredHistory(slug))
    const key = `${baselineKeyPrefix(slug, profile)}${suffix}`
    try {
      const id = await cache.saveCache([dir], key)
      if (id === -1) logger.warning(`baseline for ${slug}: the cache service did not store ${key}`)
      else {
        logger.info(`baseline for ${slug}: saved as ${key}`)
        saved += 1
      }
    } catch (error) {
      logger.warning(`baseline for ${slug}: could not be saved (${(error as Error).message})`)
    }
  }
  return saved
}
