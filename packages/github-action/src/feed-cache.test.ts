import {mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Logger} from '@scapgate/core'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

const restoreCache =
  vi.fn<(paths: string[], key: string, restoreKeys: string[]) => Promise<string | undefined>>()
const saveCache = vi.fn<(paths: string[], key: string) => Promise<number>>()
vi.mock('@actions/cache', () => ({restoreCache, saveCache}))

const {feedCacheKeyPrefix, isoWeek, restoreFeedCache, saveFeedCache} =
  await import('./feed-cache.js')

const messages: string[] = []
const logger: Logger = {
  debug: m => messages.push(`debug: ${m}`),
  info: m => messages.push(`info: ${m}`),
  warning: m => messages.push(`warning: ${String(m)}`),
  error: m => messages.push(`error: ${String(m)}`),
  startGroup: () => {},
  endGroup: () => {}
}

let temp: string
beforeEach(async () => {
  temp = await mkdtemp(join(tmpdir(), 'scapgate-feed-cache-'))
  messages.length = 0
  restoreCache.mockReset()
  saveCache.mockReset()
})
afterEach(() => rm(temp, {recursive: true, force: true}))

const now = new Date('2026-11-29T12:00:00Z')

describe('isoWeek', () => {
  it.each([
    ['2026-11-29', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01']
  ])('puts %s in %s', (date, week) => {
    expect(isoWeek(new Date(`${date}T23:59:59Z`))).toBe(week)
  })
})

describe('the feed cache', () => {
  it('restores by this week key, falling back to any week of the same runner OS', async () => {
    restoreCache.mockResolvedValue('scapgate-feeds-v1-Linux-2026-W47')
    const plan = await restoreFeedCache(temp, 'Linux', now, logger)
    expect(restoreCache).toHaveBeenCalledWith(
      [join(temp, 'scapgate-feed-cache')],
      'scapgate-feeds-v1-Linux-2026-W48',
      ['scapgate-feeds-v1-Linux-']
    )
    expect(plan).toMatchObject({key: 'scapgate-feeds-v1-Linux-2026-W48', exactHit: false})
  })

  it('saves a directory holding a downloaded feed under this week key', async () => {
    restoreCache.mockResolvedValue(undefined)
    saveCache.mockResolvedValue(42)
    const plan = await restoreFeedCache(temp, 'Linux', now, logger)
    await writeFile(join(plan.dir, 'index.json'), '{}')
    expect(await saveFeedCache(plan, logger)).toBe(true)
    expect(saveCache).toHaveBeenCalledWith([plan.dir], 'scapgate-feeds-v1-Linux-2026-W48')
  })

  it('does not save an exact hit again, nor an empty directory', async () => {
    restoreCache.mockResolvedValue('scapgate-feeds-v1-Linux-2026-W48')
    const hit = await restoreFeedCache(temp, 'Linux', now, logger)
    expect(await saveFeedCache(hit, logger)).toBe(false)
    restoreCache.mockResolvedValue(undefined)
    const empty = await restoreFeedCache(temp, 'Linux', now, logger)
    expect(await readdir(empty.dir)).toEqual([])
    expect(await saveFeedCache(empty, logger)).toBe(false)
    expect(saveCache).not.toHaveBeenCalled()
  })

  it('turns failures of the cache service into warnings', async () => {
    restoreCache.mockRejectedValue(new Error('cache service 503'))
    saveCache.mockRejectedValue(new Error('cache service 503'))
    const plan = await restoreFeedCache(temp, 'Linux', now, logger)
    await writeFile(join(plan.dir, 'index.json'), '{}')
    expect(await saveFeedCache(plan, logger)).toBe(false)
    expect(messages.filter(m => m.startsWith('warning: '))).toEqual([
      'warning: CVE feed cache: could not be read (cache service 503); the feed is downloaded',
      'warning: CVE feed cache: could not be saved (cache service 503)'
    ])
  })

  it('keeps odd runner OS names out of the key', () => {
    expect(feedCacheKeyPrefix('mac OS/arm')).toBe('scapgate-feeds-v1-mac-OS-arm-')
  })
})
