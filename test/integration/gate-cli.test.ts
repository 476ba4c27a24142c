import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/run-cli.js'
import {readResults, scanDirs} from '../support/scan-fixtures.js'

const sampleTar = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'images',
  'sample-app',
  'sample-app.docker.tar'
)
const sample = `docker-archive:${sampleTar}`
const policies = join(import.meta.dirname, '..', 'fixtures', 'policies')
const dirs = scanDirs('scapgate-gate')
const cache = join(dirs.dir, 'cache')
const rule = (short: string): string => `xccdf_org.ssgproject.content_rule_${short}`

interface Gate {
  status: string
  mode: string
  reasons: {kind: string; ruleIds: string[]; message: string}[]
  waivers: {
    applied: {rule: string; ruleIds: string[]}[]
    expired: {rule: string}[]
    stale: {rule: string}[]
  }
  baseline?: {changes: Record<string, string[]>}
  counts: {waived: number}
}
const gateOf = (out: string): Gate => (readResults(out) as unknown as {gate: Gate}).gate

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, {withFileTypes: true})) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.set(relative(dir, path), readFileSync(path, 'latin1'))
    }
  }
  walk(dir)
  return files
}

afterAll(() => dirs.cleanup())

// The cold scan fills the cache; every later test re-applies a policy to the cached results.
let cold: Awaited<ReturnType<typeof runCli>>
let coldMs = 0
beforeAll(async () => {
  const started = Date.now()
  cold = await runCli(['scan', sample, '--out', dirs.out('cold'), '--cache-dir', cache])
  coldMs = Date.now() - started
})

describe('the result cache', () => {
  it('gives byte-identical outputs on a hit, much faster', async () => {
    expect(cold.code).toBe(1)
    const started = Date.now()
    const warm = await runCli(['scan', sample, '--out', dirs.out('warm'), '--cache-dir', cache])
    const warmMs = Date.now() - started
    expect(warm.code).toBe(1)
    expect(warm.stderr).toContain('reusing the cached scan')
    const [a, b] = [filesUnder(dirs.out('cold')), filesUnder(dirs.out('warm'))]
    expect([...b.keys()]).toEqual([...a.keys()])
    expect([...a.keys()]).toEqual(
      expect.arrayContaining([
        'arf.xml',
        'report.html',
        'results.json',
        'results.sarif',
        'summary.md'
      ])
    )
    for (const [file, text] of a) expect(b.get(file), file).toBe(text)
    expect(warmMs).toBeLessThan(coldMs / 3)
  })

  it('is bypassed with --no-cache', async () => {
    const run = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('nocache'),
      '--cache-dir',
      cache,
      '--no-cache',
      '--fail-on',
      'never'
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).not.toContain('reusing the cached scan')
  })
})

describe('scapgate scan --policy', () => {
  it('passes when every failure is waived, keeps the waived rules visible, and reports the stale waiver', async () => {
    const out = dirs.out('waived')
    const run = await runCli([
      'scan',
      sample,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--policy',
      join(policies, 'waive-sample-failures.yml')
    ])
    expect(run.stderr).not.toMatch(/internal error/)
    expect(run.code).toBe(0)
    const gate = gateOf(out)
    expect(gate.status).toBe('pass')
    expect(gate.counts.waived).toBe(2)
    expect(gate.waivers.applied.flatMap(w => w.ruleIds).sort()).toEqual(
      [rule('file_permissions_etc_shadow'), rule('package_telnetd_removed')].sort()
    )
    expect(gate.waivers.stale.map(w => w.rule)).toEqual(['file_owner_etc_passwd'])
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary.indexOf('Compliance gate passed')).toBeLessThan(
      summary.indexOf('Waived failures')
    )
    expect(summary).toContain('Stale waivers')
    expect(summary).toContain('alice@\u2060example\\.com')
  })

  it('fails on an expired waiver and names it', async () => {
    const out = dirs.out('expired')
    const run = await runCli([
      'scan',
      sample,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--policy',
      join(policies, 'expired-waiver.yml')
    ])
    expect(run.code).toBe(1)
    const gate = gateOf(out)
    expect(gate.reasons.map(r => r.kind)).toEqual(['failed-rules', 'expired-waivers'])
    expect(gate.reasons[1]?.message).toMatch(
      /package_telnetd_removed \(2020-01-31, .*expired-waiver\.yml:5\)/
    )
    expect(run.stdout).toContain('waiver expired')
  })

  it('fails on a score below min-score even with fail-on never', async () => {
    const out = dirs.out('min-score')
    const run = await runCli([
      'scan',
      sample,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--policy',
      join(policies, 'min-score.yml')
    ])
    expect(run.code).toBe(1)
    expect(gateOf(out).reasons.map(r => r.kind)).toEqual(['score-below-minimum'])
  })

  it('reads scapgate.yml from the working directory by default', async () => {
    writeFileSync(
      join(dirs.dir, 'scapgate.yml'),
      readFileSync(join(policies, 'waive-sample-failures.yml'))
    )
    const run = await runCli(
      ['scan', sample, '--out', dirs.out('cwd-policy'), '--cache-dir', cache],
      {cwd: dirs.dir}
    )
    expect(run.code).toBe(0)
  })

  it('exits 2 naming the file, the key and the line of a bad date, before scanning', async () => {
    const run = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('bad-date'),
      '--policy',
      join(policies, 'bad-date.yml')
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /bad-date\.yml:8: waivers\[0\]\.expires: expected a date as YYYY-MM-DD, got `2026-02-30` \(no such day\)/
    )
  })

  it('exits 2 with the line of a waiver for a rule the content does not have', async () => {
    const run = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('unknown-rule'),
      '--cache-dir',
      cache,
      '--policy',
      join(policies, 'unknown-rule.yml')
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(
      /unknown-rule\.yml:7: waivers\[1\]\.rule: unknown rule id `package_telnetd_remvoed`/
    )
  })
})

describe('baselines', () => {
  it('ratchet passes on failures already in the baseline and fails on a new one', async () => {
    const baseline = join(dirs.dir, 'baseline.json')
    const written = await runCli([
      'baseline',
      join(dirs.out('cold'), 'results.json'),
      '--output',
      baseline
    ])
    expect(written.code).toBe(0)
    const same = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('ratchet-same'),
      '--cache-dir',
      cache,
      '--baseline',
      baseline,
      '--mode',
      'ratchet'
    ])
    expect(same.code).toBe(0)
    expect(gateOf(dirs.out('ratchet-same')).baseline?.changes['still-failing']).toHaveLength(2)

    // A baseline in which telnetd was not installed yet.
    const older = JSON.parse(readFileSync(baseline, 'utf8')) as {rules: Record<string, string>}
    older.rules[rule('package_telnetd_removed')] = 'pass'
    older.rules[rule('no_longer_in_content')] = 'fail'
    writeFileSync(baseline, JSON.stringify(older))
    const out = dirs.out('ratchet-new')
    const run = await runCli([
      'scan',
      sample,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--baseline',
      baseline,
      '--mode',
      'ratchet'
    ])
    expect(run.code).toBe(1)
    const gate = gateOf(out)
    expect(gate.mode).toBe('ratchet')
    expect(gate.reasons).toEqual([
      expect.objectContaining({kind: 'new-failures', ruleIds: [rule('package_telnetd_removed')]})
    ])
    expect(gate.baseline?.changes['new-failure']).toEqual([rule('package_telnetd_removed')])

    const absolute = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('absolute'),
      '--cache-dir',
      cache,
      '--baseline',
      baseline
    ])
    expect(absolute.code).toBe(1)
    expect(gateOf(dirs.out('absolute')).reasons[0]?.ruleIds).toHaveLength(2)
  })

  it('refuses ratchet without a baseline', async () => {
    const run = await runCli([
      'scan',
      sample,
      '--out',
      dirs.out('ratchet-none'),
      '--cache-dir',
      cache,
      '--mode',
      'ratchet'
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Expected a baseline for `mode: ratchet`')
  })

  it('compare reports the drift between two results and exits 1 on a new failure', async () => {
    const run = await runCli([
      'compare',
      join(dirs.dir, 'baseline.json'),
      join(dirs.out('cold'), 'results.json'),
      '--json'
    ])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {changes: Record<string, string[]>}
    expect(report.changes['new-failure']).toEqual([rule('package_telnetd_removed')])
  })
})

describe('scapgate scan with several images', () => {
  it('scans the others when one cannot be scanned, reports its error and exits 3', async () => {
    const broken = join(dirs.dir, 'broken.tar')
    writeFileSync(broken, 'not a tar archive')
    const list = join(dirs.dir, 'images.txt')
    writeFileSync(list, `# images to scan\n${sample}\n\n`)
    const out = dirs.out('many')
    const run = await runCli([
      'scan',
      `docker-archive:${broken}`,
      '--images',
      list,
      '--out',
      out,
      '--cache-dir',
      cache,
      '--fail-on',
      'never'
    ])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(`docker-archive:${broken}: the scan could not complete`)
    expect(readResults(join(out, 'sample-app')).gate.status).toBe('pass')
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary).toContain('not every image could be scanned')
    expect(summary).toContain('⚠️ not scanned')
    expect(readFileSync(join(out, 'broken', 'summary.md'), 'utf8')).toContain(
      'scan did not complete'
    )
  })

  it('gives one verdict for several images that all scan', async () => {
    const out = dirs.out('two')
    const run = await runCli(['scan', sample, sample, '--out', out, '--cache-dir', cache])
    expect(run.code).toBe(1)
    expect(readResults(join(out, 'sample-app')).gate.status).toBe('fail')
    expect(readResults(join(out, 'sample-app-2')).gate.status).toBe('fail')
    expect(run.stdout).toContain('gate FAILED (2 images)')
  })
})
