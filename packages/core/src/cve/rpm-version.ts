/**
 * RPM version comparison, ported from rpm 4.18's `rpmio/rpmvercmp.c` (`rpmvercmp`, with `~` and
 * `^`) and `lib/rpmver.c` (`rpmverParse`, `rpmverCmp`). This is the order of OVAL's `evr_string`
 * datatype for rpminfo.
 */

export interface RpmEvr {
  /** `undefined` when the string has no `epoch:`; compared as `0`. */
  epoch: string | undefined
  version: string
  /** `undefined` when the string has no `-`; compared as `''`, so it sorts before any release. */
  release: string | undefined
}

/**
 * `[epoch:]version[-release]` as rpmverParse splits it: the epoch is a run of leading digits
 * followed by `:` (`:` alone means epoch 0), the release is what follows the last `-`.
 */
export function parseRpmEvr(text: string): RpmEvr {
  let s = 0
  while (s < text.length && isDigit(text.charCodeAt(s))) s++
  let epoch: string | undefined
  let rest = text
  if (text[s] === ':') {
    epoch = text.slice(0, s) || '0'
    rest = text.slice(s + 1)
  }
  const hyphen = rest.lastIndexOf('-')
  if (hyphen < 0) return {epoch, version: rest, release: undefined}
  return {epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1)}
}

/**
 * rpmverCmp as rpm 4.18 behaves (checked against `rpm.ver` in the tests): epochs (missing = 0),
 * then versions, then releases with a missing release compared as `''`.
 */
export function compareRpmEvr(a: string, b: string): number {
  const va = parseRpmEvr(a)
  const vb = parseRpmEvr(b)
  return (
    rpmvercmp(va.epoch ?? '0', vb.epoch ?? '0') ||
    rpmvercmp(va.version, vb.version) ||
    rpmvercmp(va.release ?? '', vb.release ?? '')
  )
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39
const isAlpha = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c)
const TILDE = 0x7e
const CARET = 0x5e

/** rpmvercmp on one segment string: -1, 0 or 1. Works on UTF-8 bytes like the C code. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0
  const one = Buffer.from(a, 'utf8')
  const two = Buffer.from(b, 'utf8')
  const at = (s: Buffer, i: number): number => s[i] ?? 0
  let i = 0
  let j = 0
  while (at(one, i) !== 0 || at(two, j) !== 0) {
    while (at(one, i) !== 0 && !isAlnum(at(one, i)) && at(one, i) !== TILDE && at(one, i) !== CARET)
      i++
    while (at(two, j) !== 0 && !isAlnum(at(two, j)) && at(two, j) !== TILDE && at(two, j) !== CARET)
      j++
    // `~` sorts before everything, even the end of the string.
    if (at(one, i) === TILDE || at(two, j) === TILDE) {
      if (at(one, i) !== TILDE) return 1
      if (at(two, j) !== TILDE) return -1
      i++
      j++
      continue
    }
    // `^` sorts after the end of the string but before anything else.
    if (at(one, i) === CARET || at(two, j) === CARET) {
      if (at(one, i) === 0) return -1
      if (at(two, j) === 0) return 1
      if (at(one, i) !== CARET) return 1
      if (at(two, j) !== CARET) return -1
      i++
      j++
      continue
    }
    if (at(one, i) === 0 || at(two, j) === 0) break
    let end1 = i
    let end2 = j
    const isNum = isDigit(at(one, i))
    const inSegment = isNum ? isDigit : isAlpha
    while (at(one, end1) !== 0 && inSegment(at(one, end1))) end1++
    while (at(two, end2) !== 0 && inSegment(at(two, end2))) end2++
    if (end1 === i) return -1
    // Numeric segments are newer than alpha ones.
    if (end2 === j) return isNum ? 1 : -1
    let s1: Buffer = one.subarray(i, end1)
    let s2: Buffer = two.subarray(j, end2)
    if (isNum) {
      s1 = stripZeros(s1)
      s2 = stripZeros(s2)
      if (s1.length !== s2.length) return s1.length > s2.length ? 1 : -1
    }
    const rc = Buffer.compare(s1, s2)
    if (rc !== 0) return rc < 0 ? -1 : 1
    i = end1
    j = end2
  }
  if (at(one, i) === 0 && at(two, j) === 0) return 0
  return at(one, i) === 0 ? -1 : 1
}

function stripZeros(s: Buffer): Buffer {
  let k = 0
  while (s[k] === 0x30) k++
  return s.subarray(k)
}
