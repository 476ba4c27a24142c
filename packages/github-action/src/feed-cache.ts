/**
 * The CVE feed cache (`cves: true`): the core's `feedCache` directory (feeds by sha256 plus their
 * ETag/Last-Modified index) kept across runs with @actions/cache. The key holds the runner's OS
 * and the ISO week, so that each week starts a new entry: a cache entry is immutable, and the
 * core revalidates the cached copy anyway, so the weekly entry only bounds how stale the
 * starting point is. A restore falls back by prefix to the newest entry of any week.
 *
 * Best effort, like the baseline cache: every failure of the cache service is a warning; the
 * scan then downloads the feed.
 */
import {mkdir, readdir, rm} from 'node:fs/promises'
import {join} from 'node:path'
import * as cache from '@actions/cache'
import type {Logger} from '@scapgate/core'

/** The directory passed as `feedCache`; fixed per runner (the path is part of the cache version). */
export function feedCacheDir(runnerTemp: string): string {
  return join(runnerTemp, 'scapgate-feed-cache')
}

/** `2026-W48`: the ISO 8601 week of `now` (UTC), whose year is the year of that week's Thursday. */
export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay()
  day.setUTCDate(day.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Key prefix per runner OS (`RUNNER_OS`). Bump `v1` when the core's cache layout changes. */
export function feedCacheKeyPrefix(runnerOs: string): string {
  return `scapgate-feeds-v1-${runnerOs.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40)}-`
}

export interface FeedCachePlan {
  dir: string
  key: string
  prefix: string
  /** The entry restored under exactly `key`: saving it again would be refused. */
  exactHit: boolean
}

/** Empties the directory and restores the newest entry into it; the plan says what to save later. */
export async function restoreFeedCache(
  runnerTemp: string,
  runnerOs: string,
  now: Date,
  logger: Logger
): Promise<FeedCachePlan> {
  const dir = feedCacheDir(runnerTemp)
  const prefix = feedCacheKeyPrefix(runnerOs)
  const key = `${prefix}${isoWeek(now)}`
  await rm(dir, {recursive: true, force: true})
  await mkdir(dir, {recursive: true, mode: 0o700})
  try {
    const hit = await cache.restoreCache([dir], key, [prefix])
    if (hit === undefined) logger.info('CVE feed cache: nothing cached yet; the feed is downloaded')
    else logger.info(`CVE feed cache: restored ${hit} (revalidated against the feed's server)`)
    return {dir, key, prefix, exactHit: hit === key}
  } catch (error) {
    logger.warning(
      `CVE feed cache: could not be read (${(error as Error).message}); the feed is downloaded`
    )
    return {dir, key, prefix, exactHit: false}
  }
}

/**
 * Saves the directory under this week's key, unless it was restored under that key already or
 * holds nothing (a feed FILE is read in place and never lands in the cache). Returns whether an
 * entry was stored.
 */
export async function saveFeedCache(plan: FeedCachePlan, logger: Logger): Promise<boolean> {
  if (plan.exactHit) {
    logger.info(`CVE feed cache: ${plan.key} exists already; not saved again`)
    return false
  }
  const entries = await readdir(plan.dir).catch(() => [])
  if (entries.length === 0) {
    logger.info('CVE feed cache: no feed was downloaded; nothing to save')
    return false
  }
  try {
    const id = await cache.saveCache([plan.dir], plan.key)
    if (id === -1) {
      logger.warning(`CVE feed cache: the cache service did not store ${plan.key}`)
      return false
    }
    logger.info(`CVE feed cache: saved as ${plan.key}`)
    return true
  } catch (error) {
    logger.warning(`CVE feed cache: could not be saved (${(error as Error).message})`)
    return false
  }
}
