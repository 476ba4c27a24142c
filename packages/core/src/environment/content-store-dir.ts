import {join} from 'node:path'

/** The content store of a root user (and of `make setup`, which runs as root). */
export const SYSTEM_CONTENT_STORE = '/var/cache/scapgate/content'

/**
 * Where `scapgate content fetch` keeps content and where scans look for it by default: as root
 * {@link SYSTEM_CONTENT_STORE}; otherwise beside the other caches, `$SCAPGATE_CACHE_DIR/content`,
 * `$XDG_CACHE_HOME/scapgate/content` or `~/.cache/scapgate/content` (as `defaultCacheDir`).
 * Undefined when none of those is set.
 */
export function defaultContentStoreDir(
  env: Record<string, string | undefined> = process.env,
  uid: number | undefined = process.getuid?.()
): string | undefined {
  if (uid === 0) return SYSTEM_CONTENT_STORE
  const cache = env['SCAPGATE_CACHE_DIR']?.trim()
  if (cache) return join(cache, 'content')
  const xdg = env['XDG_CACHE_HOME']?.trim()
  if (xdg) return join(xdg, 'scapgate', 'content')
  const home = env['HOME']?.trim()
  if (home) return join(home, '.cache', 'scapgate', 'content')
  return undefined
}
