/**
 * Debian version comparison, ported from dpkg's `lib/dpkg/version.c` (`dpkg_version_compare`,
 * `verrevcmp`, `order`) and `parseversion.c`. Matches `dpkg --compare-versions` for valid versions,
 * which is how OVAL's `debian_evr_string` datatype orders them.
 */

export interface DpkgVersion {
  epoch: number
  upstream: string
  /** `''` when the version has no `-`. */
  revision: string
}

/**
 * Splits `[epoch:]upstream[-revision]`: the epoch is everything before the first `:`, the
 * revision everything after the last `-`. Does not validate characters (dpkg only warns); an epoch
 * that is not a number counts as 0, as dpkg's lenient parse does not, so callers should pass
 * versions read from dpkg or a feed.
 */
export function parseDpkgVersion(text: string): DpkgVersion {
  const trimmed = text.trim()
  const colon = trimmed.indexOf(':')
  let epoch = 0
  let rest = trimmed
  if (colon >= 0) {
    const parsed = Number(trimmed.slice(0, colon))
    epoch = Number.isSafeInteger(parsed) ? parsed : 0
    rest = trimmed.slice(colon + 1)
  }
  const hyphen = rest.lastIndexOf('-')
  return hyphen >= 0
    ? {epoch, upstream: rest.slice(0, hyphen), revision: rest.slice(hyphen + 1)}
    : {epoch, upstream: rest, revision: ''}
}

/** Negative, zero or positive as `a` sorts before, equal to or after `b` (dpkg's order). */
export function compareDpkgVersions(a: string, b: string): number {
  const va = parseDpkgVersion(a)
  const vb = parseDpkgVersion(b)
  if (va.epoch !== vb.epoch) return va.epoch > vb.epoch ? 1 : -1
  return sign(verrevcmp(va.upstream, vb.upstream)) || sign(verrevcmp(va.revision, vb.revision))
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/** dpkg's `order()`: digits 0, letters their code, `~` -1, end 0, anything else code + 256. */
function order(c: number): number {
  if (isDigit(c)) return 0
  if (isAlpha(c)) return c
  if (c === 0x7e) return -1
  if (c !== 0) return c + 256
  return 0
}

/** dpkg's `verrevcmp` over bytes; bytes ≥ 0x80 are read as C's signed `char`, as on x86. */
function verrevcmp(a: string, b: string): number {
  const sa = Buffer.from(a, 'utf8')
  const sb = Buffer.from(b, 'utf8')
  const at = (s: Buffer, i: number): number => {
    const byte = s[i]
    if (byte === undefined) return 0
    return byte >= 0x80 ? byte - 256 : byte
  }
  let i = 0
  let j = 0
  while (at(sa, i) !== 0 || at(sb, j) !== 0) {
    let firstDiff = 0
    while ((at(sa, i) !== 0 && !isDigit(at(sa, i))) || (at(sb, j) !== 0 && !isDigit(at(sb, j)))) {
      const ac = order(at(sa, i))
      const bc = order(at(sb, j))
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (at(sa, i) === 0x30) i++
    while (at(sb, j) === 0x30) j++
    while (isDigit(at(sa, i)) && isDigit(at(sb, j))) {
      if (firstDiff === 0) firstDiff = at(sa, i) - at(sb, j)
      i++
      j++
    }
    if (isDigit(at(sa, i))) return 1
    if (isDigit(at(sb, j))) return -1
    if (firstDiff !== 0) return firstDiff
  }
  return 0
}

function sign(n: number): number {
  return n > 0 ? 1 : n < 0 ? -1 : 0
}
