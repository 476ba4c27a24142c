/** The fields of os-release(5) that content selection uses. Missing fields are `undefined`. */
export interface OsRelease {
  /** Lower-case, e.g. `debian`, `ubuntu`, `rhel`. */
  id?: string
  /** Space-separated `ID_LIKE`, lower-cased, e.g. `['rhel', 'fedora']`. */
  idLike: string[]
  versionId?: string
  versionCodename?: string
  prettyName?: string
}

/** Paths tried in order, as os-release(5) prescribes. */
export const OS_RELEASE_PATHS = ['/etc/os-release', '/usr/lib/os-release'] as const

const MAX_OS_RELEASE_BYTES = 64 * 1024

/**
 * Parses os-release(5) text: `KEY=value` lines, values optionally in single or double quotes with
 * backslash escapes inside double quotes. Unknown keys, comments and malformed lines are ignored;
 * the text comes from the image and is untrusted, so it is capped and never evaluated.
 */
export function parseOsRelease(text: string | Buffer): OsRelease {
  const source = (typeof text === 'string' ? text : text.toString('utf8')).slice(
    0,
    MAX_OS_RELEASE_BYTES
  )
  const values = new Map<string, string>()
  for (const raw of source.split('\n')) {
    const match = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw)
    if (!match) continue
    values.set(match[1] as string, unquote((match[2] as string).trim()))
  }
  const lower = (key: string): string | undefined => values.get(key)?.toLowerCase() || undefined
  const plain = (key: string): string | undefined => values.get(key) || undefined
  const result: OsRelease = {idLike: (lower('ID_LIKE') ?? '').split(/\s+/).filter(Boolean)}
  const id = lower('ID')
  const versionId = plain('VERSION_ID')
  const versionCodename = lower('VERSION_CODENAME')
  const prettyName = plain('PRETTY_NAME')
  if (id !== undefined) result.id = id
  if (versionId !== undefined) result.versionId = versionId
  if (versionCodename !== undefined) result.versionCodename = versionCodename
  if (prettyName !== undefined) result.prettyName = prettyName
  return result
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\`$])/g, '$1')
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1)
  return value
}

/**
 * Reads os-release from an image root through `readFile`, which resolves paths inside the root
 * (symlinks included) and returns `undefined` for a missing file. Returns `undefined` when neither
 * `/etc/os-release` nor `/usr/lib/os-release` exists.
 */
export async function readOsRelease(
  readFile: (inRootPath: string) => Promise<Buffer | undefined>
): Promise<OsRelease | undefined> {
  for (const path of OS_RELEASE_PATHS) {
    const bytes = await readFile(path)
    if (bytes !== undefined) return parseOsRelease(bytes)
  }
  return undefined
}

/** `Debian GNU/Linux 12 (bookworm)`, or the best description available, sanitised by the caller. */
export function describeOs(os: OsRelease): string {
  return (
    os.prettyName ??
    ([os.id ?? 'unknown OS', os.versionId].filter(Boolean).join(' ') || 'unknown OS')
  )
}
