import {execFileSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {compareDpkgVersions} from './dpkg-version.js'
import {compareRpmEvr, rpmvercmp} from './rpm-version.js'

// Differential tests against the real tools: dpkg --compare-versions, and rpm 4.18's Lua
// `rpm.vercmp` (rpmvercmp) and `rpm.ver` objects (rpmverCmp). A missing tool fails the test.

const dir = mkdtempSync(join(tmpdir(), 'scapgate-vercmp-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** Deterministic PRNG so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function pick(next: () => number, alphabet: string, min: number, max: number): string {
  const length = min + Math.floor(next() * (max - min + 1))
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
  return out
}

/** Pairs that share prefixes often, so the interesting branches are reached. */
function pairs(
  make: () => string,
  mutate: (v: string) => string,
  count: number
): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i < count; i++) {
    const a = make()
    out.push([a, i % 3 === 0 ? make() : mutate(a)])
  }
  return out
}

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0)

describe('dpkg version order', () => {
  const next = random(7)
  const upstream = (): string =>
    pick(next, '0123456789', 1, 2) + pick(next, '0123456789.~+abAZ0', 0, 6)
  const make = (): string => {
    const epoch = next() < 0.2 ? `${Math.floor(next() * 3)}:` : ''
    const revision = next() < 0.6 ? `-${pick(next, '0123456789.~+deb', 1, 6)}` : ''
    return `${epoch}${upstream()}${revision}`
  }
  const mutate = (v: string): string => {
    const at = Math.floor(next() * (v.length + 1))
    const insert = pick(next, '0~.a1+', 1, 2)
    const candidate = v.slice(0, at) + insert + v.slice(at)
    return /^(\d+:)?\d[^:]*$/.test(candidate) ? candidate : `${v}~1`
  }
  const cases: [string, string][] = [
    ['1.0~rc1', '1.0'],
    ['1.0', '1.0-0'],
    ['1:1.0', '2.0'],
    ['1.0a', '1.0+'],
    ['1.0~~', '1.0~'],
    ['1.2.3-1+deb11u1', '1.2.3-1+deb11u2'],
    ['1:4.8.1-1', '1:4.8.1-1'],
    ['2.36-9+deb12u4', '2.36-9+deb12u10'],
    ['1.9.5p2-3+deb11u1', '1.9.5p2-3+deb11u2'],
    ['0.9', '0.10'],
    ['1.0-1', '1.0-1~bpo1'],
    ...pairs(make, mutate, 1500)
  ]

  it('orders 1,500 generated pairs and the classic cases exactly as dpkg --compare-versions does', () => {
    const input = join(dir, 'dpkg-pairs.txt')
    writeFileSync(input, cases.map(([a, b]) => `${a} ${b}`).join('\n') + '\n')
    const script = `while read -r a b; do
      dpkg --compare-versions "$a" lt "$b" 2>/dev/null; lt=$?
      dpkg --compare-versions "$a" eq "$b" 2>/dev/null; eq=$?
      if [ $lt -gt 1 ] || [ $eq -gt 1 ]; then echo invalid
      elif [ $lt -eq 0 ]; then echo -1
      elif [ $eq -eq 0 ]; then echo 0
      else echo 1; fi
    done < "$1"`
    const expected = execFileSync('bash', ['-c', script, 'oracle', input], {encoding: 'utf8'})
      .trim()
      .split('\n')
    expect(expected).toHaveLength(cases.length)
    // dpkg refuses invalid versions (exit 2); the generator makes few, and they prove nothing.
    const valid = cases
      .map(([a, b], i) => ({a, b, ours: sign(compareDpkgVersions(a, b)), dpkg: expected[i]}))
      .filter(row => row.dpkg !== 'invalid')
    expect(valid.length).toBeGreaterThan(1400)
    const mismatches = valid.filter(row => String(row.ours) !== row.dpkg)
    expect(mismatches).toEqual([])
    // The generator must exercise all three outcomes, or the test proves little.
    expect(new Set(valid.map(row => row.dpkg))).toEqual(new Set(['-1', '0', '1']))
    // 3,000 dpkg processes: well under a minute on a quiet machine, several on a loaded one.
  }, 300_000)
})

describe('rpm version order', () => {
  const next = random(11)
  const segment = (): string => pick(next, '0123456789abzAZ.~^_+', 1, 8)
  const mutate = (v: string): string => {
    const at = Math.floor(next() * (v.length + 1))
    return v.slice(0, at) + pick(next, '0~^.a1', 1, 2) + v.slice(at)
  }
  const rawCases: [string, string][] = [
    ['1.0~rc1', '1.0'],
    ['1.0^git1', '1.0'],
    ['1.0^git1', '1.0.1'],
    ['1.0^', '1.0'],
    ['1.0', '1.0.0'],
    ['1a', '1.a'],
    ['2.0.1a', '2.0.1'],
    ['001', '1'],
    ['1.0~rc1^git1', '1.0~rc1'],
    ...pairs(segment, mutate, 1500)
  ]
  const evr = (): string => {
    const epoch = next() < 0.3 ? `${Math.floor(next() * 3)}:` : ''
    const release = next() < 0.8 ? `-${pick(next, '0123456789.el~^', 1, 6)}` : ''
    return `${epoch}${pick(next, '0123456789.~^a', 1, 6)}${release}`
  }
  const evrCases: [string, string][] = [
    ['0:1.0-1.el9', '1.0-1.el9'],
    ['1:1.0-1', '2.0-1'],
    ['1.0', '1.0-5'],
    ['0:3.0.7-24.el9', '0:3.0.7-25.el9_3'],
    ...pairs(evr, mutate, 1000).filter(([a, b]) => !a.includes(':-') && !b.includes(':-'))
  ]

  function lua(cases: [string, string][], expression: string): number[] {
    const input = join(dir, `rpm-${cases.length}-${expression.length}.txt`)
    writeFileSync(input, cases.map(([a, b]) => `${a}\t${b}`).join('\n') + '\n')
    const program = `%{lua: for line in io.lines("${input}") do local a, b = line:match("^([^\\t]*)\\t(.*)$"); io.write(tostring(${expression}) .. "\\n") end}`
    return execFileSync('rpm', ['--eval', program], {encoding: 'utf8'})
      .trim()
      .split('\n')
      .map(Number)
  }

  it('orders 1,500 generated version strings exactly as rpm 4.18 rpmvercmp does (~ and ^ included)', () => {
    const expected = lua(rawCases, 'rpm.vercmp(a, b)')
    expect(expected).toHaveLength(rawCases.length)
    const mismatches = rawCases
      .map(([a, b], i) => ({a, b, ours: rpmvercmp(a, b), rpm: expected[i]}))
      .filter(row => row.ours !== row.rpm)
    expect(mismatches).toEqual([])
    expect(new Set(expected)).toEqual(new Set([-1, 0, 1]))
  })

  it('orders generated epoch:version-release strings exactly as rpm 4.18 rpmverCmp does', () => {
    const expected = lua(
      evrCases,
      '(rpm.ver(a) < rpm.ver(b)) and -1 or ((rpm.ver(a) == rpm.ver(b)) and 0 or 1)'
    )
    expect(expected).toHaveLength(evrCases.length)
    const mismatches = evrCases
      .map(([a, b], i) => ({a, b, ours: sign(compareRpmEvr(a, b)), rpm: expected[i]}))
      .filter(row => row.ours !== row.rpm)
    expect(mismatches).toEqual([])
    expect(new Set(expected)).toEqual(new Set([-1, 0, 1]))
  })
})
