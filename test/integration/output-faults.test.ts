/**
 * Fault injection against the output-set contract (docs/output-sets.md), on the built CLI:
 * interrupts at every pipeline boundary, a full disk at several output files (a test hook and a
 * real small tmpfs), a failed scan over a passing one, another image over a set with fixes/, and
 * two runs into one --out at once. After each: the exit code, no passing verdict, no file of the
 * previous set, no staging or temporary files, an empty TMPDIR and no mounts left.
 */
import {spawn} from 'node:child_process'
import {execFileSync} from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {cliBundle, repoRoot, type CliRun} from '../support/run-cli.js'
import {debian11Base, scanDirs, writeImage} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-faults')
const sample = join(repoRoot, 'test', 'fixtures', 'images', 'sample-app', 'sample-app.docker.tar')
const tmp = join(dirs.dir, 'tmp')
const home = join(dirs.dir, 'home')
const seed = dirs.out('seed')
afterAll(() => dirs.cleanup())

interface Run extends CliRun {
  paused: boolean
}

/** Runs the CLI; with `pauseAt`, waits for the boundary's marker and then sends `signal`. */
function scan(
  args: readonly string[],
  options: {pauseAt?: string; signal?: NodeJS.Signals; env?: Record<string, string>} = {}
): Promise<Run> {
  const marker = join(dirs.dir, `marker-${Math.random().toString(16).slice(2)}`)
  const child = spawn(process.execPath, [cliBundle, 'scan', ...args, '--no-cache'], {
    cwd: dirs.dir,
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      TMPDIR: tmp,
      HOME: home,
      ...(options.pauseAt === undefined
        ? {}
        : {SCAPGATE_TEST_PAUSE_AT: options.pauseAt, SCAPGATE_TEST_PAUSE_MARKER: marker}),
      ...options.env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  let paused = false
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const poll =
    options.pauseAt === undefined
      ? undefined
      : setInterval(() => {
          if (!paused && existsSync(marker)) {
            paused = true
            child.kill(options.signal ?? 'SIGINT')
          }
        }, 25)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (poll !== undefined) clearInterval(poll)
      resolve({code, signal, stdout, stderr, paused})
    })
  })
}

/** Every path under `dir` (relative), directories included. */
function listTree(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true}).map(entry =>
    join(entry.parentPath, entry.name).slice(dir.length + 1)
  )
}

/** Marks every file of a seeded (previous) set; no file of a later set may hold it. */
const STALE = 'STALE-CANARY-7d1c'

/** `out` as a copy of the passing seed set, plus a stale fix and GitLab report, each marked. */
function seedPassingSet(out: string): void {
  rmSync(out, {recursive: true, force: true})
  cpSync(seed, out, {recursive: true})
  mkdirSync(join(out, 'fixes', 'run'), {recursive: true})
  writeFileSync(join(out, 'fixes', 'run', 'stale_rule.Dockerfile'), 'RUN true\n')
  writeFileSync(join(out, 'gl-container-scanning-report.json'), '{}\n')
  for (const name of listTree(out)) {
    const path = join(out, name)
    if (!statSync(path).isFile()) continue
    if (name === 'results.json') {
      const results = JSON.parse(readFileSync(path, 'utf8')) as {gate: {status: string}}
      expect(results.gate.status).toBe('pass')
      writeFileSync(path, JSON.stringify({...results, canary: STALE}))
    } else writeFileSync(path, `${readFileSync(path, 'latin1')}\n${STALE}\n`, 'latin1')
  }
}

function expectNothingStale(out: string): void {
  for (const name of listTree(out)) {
    const path = join(out, name)
    if (statSync(path).isFile()) expect(readFileSync(path, 'latin1'), name).not.toContain(STALE)
  }
}

interface Incomplete {
  status: string
  reason: {kind: string; message: string}
  evidence: string[]
  gate: {status: string}
}

/** The contract for a scan that did not complete. */
function expectIncomplete(out: string, kind: string): Incomplete {
  const names = listTree(out).sort()
  const allowed = ['arf.xml', 'report.html', 'results.json', 'summary.md']
  expect(names.filter(name => !allowed.includes(name))).toEqual([])
  expectNothingStale(out)
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Incomplete
  expect(results.status).toBe('incomplete')
  expect(results.gate.status).toBe('incomplete')
  expect(results.reason.kind).toBe(kind)
  expect(results.evidence.sort()).toEqual(names.filter(n => n === 'arf.xml' || n === 'report.html'))
  const summary = readFileSync(join(out, 'summary.md'), 'utf8')
  expect(summary).toMatch(/^# scapgate: scan did not complete\n/)
  expect(summary).not.toMatch(/passed/i)
  expectNoLeftovers()
  return results
}

function expectNoLeftovers(): void {
  expect(readdirSync(tmp)).toEqual([])
  expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(tmp)
}

function expectCompleteSet(out: string): {reference: string; status: string} {
  const names = listTree(out)
  expect(names.filter(n => /(^|\/)\.|\.tmp-/.test(n))).toEqual([])
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    status?: string
    image: {reference: string}
    gate: {status: string}
    rules: {shortId: string; result: string}[]
  }
  expect(results.status).toBeUndefined()
  // fixes/run holds exactly this scan's failing rules that have a fix, nothing older.
  const failing = new Set(results.rules.filter(r => r.result === 'fail').map(r => r.shortId))
  const runFixes = names
    .filter(n => n.startsWith('fixes/run/'))
    .map(n => n.slice('fixes/run/'.length).replace(/\.Dockerfile$/, ''))
  expect(runFixes.filter(id => !failing.has(id))).toEqual([])
  return {reference: results.image.reference, status: results.gate.status}
}

beforeAll(async () => {
  mkdirSync(tmp)
  mkdirSync(home)
  const run = await scan([`docker-archive:${sample}`, '--out', seed, '--fail-on', 'never'])
  expect(run.stderr).not.toMatch(/could not complete/)
  expect(run.code).toBe(0)
  expect(readdirSync(join(seed, 'fixes', 'run')).length).toBeGreaterThan(0)
}, 300_000)

describe('interrupted at each pipeline boundary', () => {
  // Each boundary once; SIGINT and SIGTERM alternate, and both meet the last two boundaries.
  const cases: [string, NodeJS.Signals][] = [
    ['opened', 'SIGINT'],
    ['prepared', 'SIGTERM'],
    ['baseline', 'SIGINT'],
    ['scanned', 'SIGTERM'],
    ['evidence', 'SIGINT'],
    ['reported', 'SIGTERM'],
    ['reported', 'SIGINT'],
    ['publish', 'SIGINT'],
    ['publish', 'SIGTERM']
  ]
  it.each(cases)(
    'at %s (%s): exit 130, evidence only, an incomplete results.json, nothing older',
    async (boundary, signal) => {
      const out = dirs.out(`interrupt-${boundary}-${signal}`)
      seedPassingSet(out)
      const run = await scan([`docker-archive:${sample}`, '--out', out, '--fail-on', 'never'], {
        pauseAt: boundary,
        signal
      })
      expect(run.paused).toBe(true)
      expect(run.code).toBe(130)
      expect(run.stdout).not.toContain('gate passed')
      const results = expectIncomplete(out, 'interrupted')
      // Evidence first: once oscap finished, the ARF is kept.
      const afterOscap = ['scanned', 'evidence', 'reported', 'publish'].includes(boundary)
      expect(results.evidence.includes('arf.xml')).toBe(afterOscap)
    },
    120_000
  )
})

describe('interrupted after the CVE step', () => {
  it('exits 130 and publishes no verdict, compliance or CVE', async () => {
    const out = dirs.out('interrupt-cves')
    seedPassingSet(out)
    const feed = join(repoRoot, 'test', 'fixtures', 'feeds', 'debian-bullseye-excerpt.xml')
    const run = await scan(
      [`docker-archive:${sample}`, '--out', out, '--fail-on', 'never', '--cves', '--feed', feed],
      {pauseAt: 'cves', signal: 'SIGTERM'}
    )
    expect(run.paused).toBe(true)
    expect(run.code).toBe(130)
    expect(expectIncomplete(out, 'interrupted').evidence).toContain('arf.xml')
  }, 120_000)
})

describe('a full disk', () => {
  it.each(['arf.xml', 'remediation.sh', 'results.json', 'junit.xml', 'summary.md'])(
    'writing %s fails: exit 3 naming the file and directory, no partial file, nothing older',
    async name => {
      const out = dirs.out(`enospc-${name}`)
      seedPassingSet(out)
      const run = await scan([`docker-archive:${sample}`, '--out', out, '--fail-on', 'never'], {
        env: {SCAPGATE_TEST_FAIL_WRITE: name}
      })
      expect(run.code).toBe(3)
      expect(run.stderr).toMatch(
        new RegExp(`Could not write ${name.replace('.', '\\.')} in ${out}(/\\S+)?: no space left`)
      )
      expectIncomplete(out, 'error')
    },
    120_000
  )

  it('on a real small tmpfs: too small for the ARF, then too small for the HTML report', async () => {
    const arfBytes = statSync(join(seed, 'arf.xml')).size
    for (const [size, evidence] of [
      [Math.floor(arfBytes / 2), []],
      [arfBytes + 128 * 1024, ['arf.xml']]
    ] as const) {
      const out = dirs.out(`tmpfs-${size}`)
      mkdirSync(out)
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'scapgate-faults', out])
      try {
        const run = await scan([`docker-archive:${sample}`, '--out', out, '--fail-on', 'never'])
        expect(run.code).toBe(3)
        if (evidence.length === 0)
          expect(run.stderr).toMatch(/Could not write arf\.xml in \S+: no space left/)
        const results = expectIncomplete(out, 'error')
        expect(results.evidence).toEqual(evidence)
      } finally {
        execFileSync('umount', [out])
      }
    }
  }, 240_000)
})

describe('one set per --out', () => {
  it('a failed scan over a passing one leaves only the incomplete results.json and summary.md', async () => {
    const out = dirs.out('truncated')
    seedPassingSet(out)
    const truncated = join(dirs.dir, 'truncated.tar')
    const bytes = readFileSync(sample)
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const run = await scan([`docker-archive:${truncated}`, '--out', out])
    expect(run.code).toBe(3)
    expectIncomplete(out, 'error')
    expect(readdirSync(out).sort()).toEqual(['results.json', 'summary.md'])
  }, 120_000)

  it('a CVE step that fails leaves the evidence and no compliance-only verdict', async () => {
    const out = dirs.out('cve-step-fails')
    seedPassingSet(out)
    const feed = join(dirs.dir, 'truncated-feed.xml')
    writeFileSync(
      feed,
      '<?xml version="1.0"?>\n<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"><definitions>'
    )
    const run = await scan([
      `docker-archive:${sample}`,
      '--out',
      out,
      '--fail-on',
      'never',
      '--cves',
      '--feed',
      feed
    ])
    expect(run.code).toBe(2)
    expect(expectIncomplete(out, 'configuration').evidence).toContain('arf.xml')
  }, 120_000)

  it('a scan of another image leaves no stale fixes/', async () => {
    const out = dirs.out('other-image')
    seedPassingSet(out)
    const other = writeImage(dirs.dir, 'other', [debian11Base])
    const run = await scan([`docker-archive:${other}`, '--out', out, '--fail-on', 'never'])
    expect(run.code).toBe(0)
    expect(expectCompleteSet(out).reference).toBe(`docker-archive:${other}`)
    expectNothingStale(out)
    expect(existsSync(join(out, 'fixes', 'run', 'stale_rule.Dockerfile'))).toBe(false)
    expectNoLeftovers()
  }, 120_000)

  it('two runs into one --out at once: the second waits, the result is one complete set', async () => {
    const out = dirs.out('concurrent')
    const other = writeImage(dirs.dir, 'concurrent-other', [debian11Base])
    const [first, second] = await Promise.all([
      scan([`docker-archive:${sample}`, '--out', out, '--fail-on', 'never']),
      scan([`docker-archive:${other}`, '--out', out, '--fail-on', 'never'])
    ])
    expect([first.code, second.code]).toEqual([0, 0])
    expect(`${first.stderr}${second.stderr}`).toContain('waiting for another scapgate run')
    const set = expectCompleteSet(out)
    expect([`docker-archive:${sample}`, `docker-archive:${other}`]).toContain(set.reference)
    // Every file of the set comes from the run that finished last.
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    const sarif = readFileSync(join(out, 'results.sarif'), 'utf8')
    const failing = (
      JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
        rules: {shortId: string; result: string}[]
      }
    ).rules.filter(r => r.result === 'fail')
    for (const rule of failing) {
      expect(summary).toContain(rule.shortId)
      expect(sarif).toContain(rule.shortId)
    }
    expectNoLeftovers()
  }, 240_000)
})
