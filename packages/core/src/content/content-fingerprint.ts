import {listContentEntries} from './content-store.js'
import {defaultContentDirs, listDataStreams, type ContentPin} from './select-content.js'

/**
 * What automatic content selection can see, for the result cache key: every content directory,
 * the data streams lying in it, each store entry's address, and the policy's pin. Fetching or
 * removing content changes it, so a cached scan is never served from other content.
 */
export async function contentFingerprint(
  environment: {contentDir?: string; contentStoreDir?: string},
  pin: ContentPin | undefined
): Promise<{directory: string; streams: string[]}> {
  const dirs = defaultContentDirs(environment)
  const streams: string[] = []
  for (const dir of dirs) {
    for (const name of await listDataStreams(dir).catch(() => [])) streams.push(`${dir}/${name}`)
    for (const entry of await listContentEntries(dir))
      streams.push(`${dir}/entries/${entry.sha256}`)
  }
  if (pin !== undefined) streams.push(`pin:${pin.version ?? ''}:${pin.sha256 ?? ''}`)
  return {directory: dirs.join(':'), streams}
}
