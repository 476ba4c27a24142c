/** One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1). */
export interface Challenge {
  /** Lower-cased: `bearer`, `basic`. */
  scheme: string
  /** Parameter names lower-cased; values unquoted. */
  params: Record<string, string>
}

const tokenChars = /[!#$%&'*+.^_`|~0-9A-Za-z-]/

/**
 * Parses `Bearer realm="https://auth/token",service="reg",scope="repository:a:pull",
 * Basic realm="x"` into challenges. Tolerant of spacing; a malformed tail is dropped rather than
 * guessed at. It does not validate the realm (see `checkRealm`).
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let i = 0
  const skipSpace = (): void => {
    while (i < header.length && (header[i] === ' ' || header[i] === '\t')) i++
  }
  const readToken = (): string => {
    const start = i
    while (i < header.length && tokenChars.test(header[i] ?? '')) i++
    return header.slice(start, i)
  }
  let current: Challenge | undefined
  while (i < header.length) {
    skipSpace()
    if (header[i] === ',') {
      i++
      continue
    }
    const start = i
    const word = readToken()
    if (word === '') break
    skipSpace()
    if (header[i] === '=' && current !== undefined) {
      i++
      skipSpace()
      let value = ''
      if (header[i] === '"') {
        i++
        while (i < header.length && header[i] !== '"') {
          if (header[i] === '\\') i++
          value += header[i] ?? ''
          i++
        }
        i++
      } else {
        // Unquoted values should be tokens; some servers send bare URLs, so read to `,`/space.
        const begin = i
        while (i < header.length && !/[\s,]/.test(header[i] ?? '')) i++
        value = header.slice(begin, i)
      }
      current.params[word.toLowerCase()] = value
    } else {
      // A new challenge: `scheme` followed by its parameters (token68 forms are ignored).
      i = start + word.length
      current = {scheme: word.toLowerCase(), params: Object.create(null) as Record<string, string>}
      challenges.push(current)
    }
  }
  return challenges
}
