import {posix} from 'node:path'
import {InvalidImageError, sanitizeForDisplay} from '../errors.js'

/**
 * Cleans a tar member name the way `path.Clean` does, for indexing: `./a//b/` → `a/b`.
 * Returns undefined for names that cannot be the target of a checked reference (absolute, `..`).
 */
export function cleanMemberName(name: string): string | undefined {
  if (name === '' || name.includes('\0')) return undefined
  const cleaned = posix.normalize(name).replace(/\/+$/, '')
  if (cleaned === '' || cleaned === '.' || cleaned.startsWith('/')) return undefined
  if (cleaned === '..' || cleaned.startsWith('../')) return undefined
  return cleaned
}

/**
 * Checks a member reference taken from a manifest (`Layers[i]`, `Config`) before any lookup: a
 * relative path with no `..` component, no NUL, not absolute (EX-37). It is only ever matched
 * against member names, never joined to a filesystem path.
 * @throws InvalidImageError naming `what` and the reference.
 */
export function checkMemberReference(value: unknown, what: string): string {
  const bad = (problem: string): never => {
    throw new InvalidImageError(`${what}: ${problem}`, what)
  }
  if (typeof value !== 'string' || value === '')
    return bad(
      `expected a relative path in the archive, found ${typeof value === 'string' ? 'an empty string' : typeof value}`
    )
  const shown = sanitizeForDisplay(value, 120)
  if (value.includes('\0')) bad(`path \`${shown}\` contains NUL`)
  if (value.startsWith('/'))
    bad(`path \`${shown}\` is absolute; only paths inside the archive are allowed`)
  if (value.split('/').includes('..'))
    bad(`path \`${shown}\` contains \`..\`; only paths inside the archive are allowed`)
  const cleaned = cleanMemberName(value)
  if (cleaned === undefined) return bad(`path \`${shown}\` does not name an archive member`)
  return cleaned
}
