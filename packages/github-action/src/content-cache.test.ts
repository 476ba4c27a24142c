import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {nullLogger, type ContentEntry, type FetchedContent} from '@scapgate/core'
import {describe, expect, it} from 'vitest'
import {
  actionContentSources,
  contentCacheKey,
  ensureContent,
  type ContentCacheDeps
} from './content-cache.js'

function deps(
  hit: string | undefined,
  origin: FetchedContent['origin'],
  failing: string[] = []
): ContentCacheDeps & {calls: string[]} {
  const calls: string[] = []
  return {
    calls,
    restore: async (_paths, key) => {
      calls.push(`restore ${key}`)
      return hit
    },
    save: async (_paths, key) => {
      calls.push(`save ${key}`)
      return 1
    },
    fetch: async options => {
      calls.push(`fetch ${options.source}`)
      if (failing.includes(options.source)) throw new Error('mirror unreachable')
      const entry = {ssgVersion: '0.1.82', dataStreams: [{product: 'debian12'}]} as ContentEntry
      return {entry, origin}
    }
  }
}

describe('ensureContent', () => {
  const store = mkdtempSync(join(tmpdir(), 'scapgate-content-store-'))
  const key = contentCacheKey()

  it('keys the cache on the pinned digests, so new pins make a new entry', () => {
    expect(key).toMatch(/^scapgate-content-v1-[0-9a-f]{24}$/)
    expect(contentCacheKey(actionContentSources.slice(1))).not.toBe(key)
  })

  it('fetches every pinned package on a miss and saves the store', async () => {
    const d = deps(undefined, 'download')
    expect(await ensureContent(store, nullLogger, true, d)).toBe(actionContentSources.length)
    expect(d.calls).toEqual([
      `restore ${key}`,
      ...actionContentSources.map(s => `fetch ${s}`),
      `save ${key}`
    ])
  })

  it('does not save again after a hit (the store answered every fetch)', async () => {
    const d = deps(key, 'cache')
    await ensureContent(store, nullLogger, true, d)
    expect(d.calls.filter(c => c.startsWith('save'))).toEqual([])
  })

  it('warns and saves nothing when a package cannot be fetched; without the cache it never restores', async () => {
    const d = deps(undefined, 'download', ['debian:ssg-nondebian=0.1.82-1'])
    const warnings: string[] = []
    const logger = {...nullLogger, warning: (m: string | Error) => warnings.push(String(m))}
    expect(await ensureContent(store, logger, false, d)).toBe(actionContentSources.length - 1)
    expect(d.calls.some(c => c.startsWith('restore') || c.startsWith('save'))).toBe(false)
    expect(warnings.join()).toMatch(
      /ssg-nondebian=0\.1\.82-1 could not be fetched: mirror unreachable/
    )
  })
})
