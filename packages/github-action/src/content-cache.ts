/**
 * Current SCAP content on GitHub's runners. Ubuntu's own package (SSG 0.1.71 on ubuntu-24.04)
 * has no Debian 12/13 or Ubuntu 24.04 content, so the action fetches the Debian `ssg-*` packages
 * pinned in scapgate's release (`pinned-content.json`; architecture-independent data, unpacked
 * with `dpkg-deb`, never installed) into the core's content store, verified by sha256, and keeps
 * the store with @actions/cache. The content is immutable, so the key is the set of pins: a new
 * scapgate release with new pins starts a new entry, and a hit needs no network at all.
 *
 * Best effort, like the other caches: a failure is a warning, and scans then choose among the
 * content that is installed (and say so when none fits the image).
 */
import {createHash} from 'node:crypto'
import * as cache from '@actions/cache'
import {fetchContent, findPin, getErrorMessage, type Logger} from '@scapgate/core'

/** The packages fetched: trixie's 0.1.76 (no SCE checks) and sid's 0.1.82 (the newest). */
export const actionContentSources = [
  'debian:ssg-debian=0.1.76-1',
  'debian:ssg-debian=0.1.82-1',
  'debian:ssg-debderived=0.1.82-1',
  'debian:ssg-nondebian=0.1.82-1'
] as const

/** `scapgate-content-v1-<digest of the pinned sha256s>`. */
export function contentCacheKey(sources: readonly string[] = actionContentSources): string {
  const pins = sources.map(source => {
    const [pkg, version] = source.replace(/^debian:/, '').split('=')
    return findPin(pkg as string, version).sha256
  })
  return `scapgate-content-v1-${createHash('sha256').update(pins.join('\n')).digest('hex').slice(0, 24)}`
}

export interface ContentCacheDeps {
  restore: (paths: string[], key: string) => Promise<string | undefined>
  save: (paths: string[], key: string) => Promise<number>
  fetch: typeof fetchContent
}

const defaultDeps: ContentCacheDeps = {
  restore: (paths, key) => cache.restoreCache(paths, key),
  save: (paths, key) => cache.saveCache(paths, key),
  fetch: fetchContent
}

/**
 * Fills `storeDir` with the pinned content: restored from the Actions cache when `useCache`, else
 * (or for what the entry lacks) downloaded from the Debian mirror and verified. Returns how many
 * sources ended up in the store.
 */
export async function ensureContent(
  storeDir: string,
  logger: Logger,
  useCache: boolean,
  deps: ContentCacheDeps = defaultDeps
): Promise<number> {
  logger.startGroup('SCAP content')
  try {
    const key = contentCacheKey()
    let hit: string | undefined
    if (useCache) {
      hit = await deps.restore([storeDir], key).catch(error => {
        logger.warning(`the SCAP content cache could not be read: ${getErrorMessage(error)}`)
        return undefined
      })
    }
    let stored = 0
    let downloaded = 0
    for (const source of actionContentSources) {
      try {
        const {entry, origin} = await deps.fetch({source, storeDir, logger})
        stored += 1
        if (origin === 'download') downloaded += 1
        logger.info(
          `${source}: ${origin === 'cache' ? 'cached' : origin}, SSG ${entry.ssgVersion ?? '?'} (${entry.dataStreams.map(d => d.product).join(', ')})`
        )
      } catch (error) {
        logger.warning(`SCAP content ${source} could not be fetched: ${getErrorMessage(error)}`)
      }
    }
    if (useCache && hit === undefined && downloaded > 0 && stored === actionContentSources.length) {
      await deps.save([storeDir], key).catch(error => {
        logger.warning(`the SCAP content could not be cached: ${getErrorMessage(error)}`)
        return -1
      })
    }
    return stored
  } finally {
    logger.endGroup()
  }
}
