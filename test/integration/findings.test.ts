/**
 * Issue 4 end to end: a podman-built image whose Containerfile has one RUN per violation (a
 * package, a file mode, a config line) on top of a base image that brings its own findings.
 * Runs the bundled CLI (`scan`, then `report` from the ARF) and checks where every finding lands,
 * the SARIF against the multitool and the schema, the golden SARIF, JUnit, Code Quality and fixes.
 */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import type {Log, Result} from 'sarif'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  ensureFindingsImage,
  findingsContainerfile,
  findingsProfile,
  findingsTailoring,
  type FindingsImage
} from '../fixtures/images/findings-app/build.js'
import {repoRoot, runCli, type CliRun} from '../support/run-cli.js'
import {runMultitool, validateSarifSchema} from './findings-sarif-validation.js'

const containerfileUri = relative(repoRoot, findingsContainerfile)
const env = {PATH: process.env['PATH'] ?? '/usr/bin:/bin'}
// Line numbers in test/fixtures/images/findings-app/Containerfile.
const fromLine = 6
const expectedLines: Record<string, {line: number; text: RegExp}> = {
  package_ntpdate_removed: {
    line: 9,
    text: /^ntpdate 1:4\.2\.8p15\+dfsg-1 is installed \(added by the RUN on lines 9–14\)\./
  },
  file_permissions_etc_group: {
    line: 17,
    text: /^\/etc\/group has mode 0666 \(changed by the RUN on line 17\)\./
  },
  accounts_umask_etc_profile: {
    line: 20,
    text: /^\/etc\/profile \(changed by the RUN on line 20\)\./
  },
  // From the base image (debian11-app and its debootstrap root).
  package_telnetd_removed: {
    line: fromLine,
    text: /^telnetd 0\.17-42 is installed \(inherited from the base image\)\./
  },
  file_permissions_etc_shadow: {
    line: fromLine,
    text: /^\/etc\/shadow has mode 0644 \(inherited from the base image\)\./
  },
  file_owner_etc_passwd: {
    line: fromLine,
    text: /^\/etc\/passwd is owned by uid 1000 \(inherited from the base image\)\./
  },
  accounts_maximum_age_login_defs: {
    line: fromLine,
    text: /^\/etc\/login\.defs \(inherited from the base image\)\./
  },
  // No file at all: nothing to attribute, said as much.
  file_permissions_systemmap: {
    line: fromLine,
    text: /\(not attributable to a Dockerfile instruction: no evidence in the image to attribute\)/
  }
}

let image: FindingsImage
let work: string
let scan: CliRun
let outDir: string
let sarif: Log

const shortId = (result: Result): string => (result.ruleId ?? '').replace(/^xccdf_[^_]+_rule_/, '')
const lineOf = (result: Result): number | undefined =>
  result.locations?.[0]?.physicalLocation?.region?.startLine

beforeAll(async () => {
  image = await ensureFindingsImage()
  work = await mkdtemp(join(tmpdir(), 'scapgate-findings-'))
  outDir = join(work, 'out')
  scan = await runCli(
    [
      'scan',
      `docker-archive:${image.dockerArchive}`,
      // The tailoring and the golden SARIF are made for SSG 0.1.65 (Debian 12's ssg-debian); the
      // newest stored content would be chosen otherwise.
      '--content',
      '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml',
      '--tailoring',
      findingsTailoring,
      '--profile',
      findingsProfile,
      '--dockerfile',
      containerfileUri,
      '--out',
      outDir,
      '--fail-on',
      'never',
      '--no-cache',
      '--quiet'
    ],
    {env}
  )
  sarif = JSON.parse(await readFile(join(outDir, 'results.sarif'), 'utf8')) as Log
})

afterAll(async () => {
  if (work !== undefined) await rm(work, {recursive: true, force: true})
})

describe('scapgate scan on a Dockerfile with one violation per RUN', () => {
  it('completes and reports exactly the expected findings', () => {
    expect(scan.code, scan.stderr).toBe(0)
    expect(sarif.runs[0]?.results?.map(shortId).sort()).toEqual(Object.keys(expectedLines).sort())
  })

  it('puts every finding a RUN introduced on that RUN, each on its own line', () => {
    const results = sarif.runs[0]?.results ?? []
    const introduced = results.filter(r => (expectedLines[shortId(r)]?.line ?? 0) !== fromLine)
    expect(introduced).toHaveLength(3)
    for (const result of results) {
      const expected = expectedLines[shortId(result)]
      expect(result.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe(containerfileUri)
      expect({rule: shortId(result), line: lineOf(result)}).toEqual({
        rule: shortId(result),
        line: expected?.line
      })
      expect(result.message.text).toMatch(expected?.text ?? /^$/)
    }
    expect(new Set(introduced.map(lineOf)).size).toBe(3)
  })

  it('passes the SARIF Multitool (GitHub and SARIF rules) with no errors, and the SARIF 2.1.0 schema', async () => {
    const report = await runMultitool(join(outDir, 'results.sarif'))
    expect(report.errors, report.output).toEqual([])
    expect(validateSarifSchema(sarif)).toEqual([])
  })

  it('matches the golden SARIF with volatile fields normalised', async () => {
    await expect(`${JSON.stringify(normaliseSarif(sarif), null, 2)}\n`).toMatchFileSnapshot(
      '../golden/findings-app.sarif.json'
    )
  })

  it('writes JUnit with one test case per selected rule and Code Quality on the same lines', async () => {
    const junit = await readFile(join(outDir, 'junit.xml'), 'utf8')
    expect(XMLValidator.validate(junit)).toBe(true)
    const suite = new XMLParser({ignoreAttributes: false, attributeNamePrefix: ''}).parse(junit)
      .testsuites.testsuite
    const results = JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8')) as {
      rules: unknown[]
      counts: Record<string, number>
    }
    expect(Number(suite.tests)).toBe(results.rules.length)
    expect(Number(suite.failures)).toBe(results.counts['fail'])
    const quality = JSON.parse(await readFile(join(outDir, 'codequality.json'), 'utf8')) as {
      check_name: string
      location: {path: string; lines: {begin: number}}
    }[]
    expect(Object.fromEntries(quality.map(q => [q.check_name, q.location.lines.begin]))).toEqual(
      Object.fromEntries(Object.entries(expectedLines).map(([k, v]) => [k, v.line]))
    )
  })

  it('writes the content fixes and a RUN snippet per fixable rule', async () => {
    const script = await readFile(join(outDir, 'fixes', 'remediation.sh'), 'utf8')
    expect(script).toContain('# BEGIN fix (1 / ')
    await expect(readFile(join(outDir, 'fixes', 'playbook.yml'), 'utf8')).resolves.toContain(
      'hosts:'
    )
    const snippet = await readFile(
      join(outDir, 'fixes', 'run', 'file_permissions_etc_group.Dockerfile'),
      'utf8'
    )
    expect(snippet).toMatch(
      /^RUN <<'SCAPGATE_FIX'\nset -e\n[\s\S]*chmod [\s\S]*\/etc\/group\nSCAPGATE_FIX\n$/m
    )
    const summary = await readFile(join(outDir, 'summary.md'), 'utf8')
    expect(summary).toContain('### How to fix')
    expect(summary).toContain(`\`${containerfileUri}:17\``)
  })
})

describe('scapgate report on the scan ARF', () => {
  it('puts findings on the same lines as the scan when given the image', async () => {
    const out = join(work, 'report-with-image')
    const run = await runCli(
      [
        'report',
        join(outDir, 'arf.xml'),
        '--image',
        `docker-archive:${image.dockerArchive}`,
        '--dockerfile',
        containerfileUri,
        '--out',
        out,
        '--fail-on',
        'never',
        '--no-oscap',
        '--quiet'
      ],
      {env}
    )
    expect(run.code, run.stderr).toBe(0)
    const log = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as Log
    const where = (l: Log) =>
      Object.fromEntries((l.runs[0]?.results ?? []).map(r => [shortId(r), lineOf(r)]))
    expect(where(log)).toEqual(where(sarif))
    const fingerprints = (l: Log) => (l.runs[0]?.results ?? []).map(r => r.partialFingerprints)
    expect(fingerprints(log)).toEqual(fingerprints(sarif))
  })

  it('falls back to the FROM line without the image, and says why', async () => {
    const out = join(work, 'report-without-image')
    const run = await runCli(
      [
        'report',
        join(outDir, 'arf.xml'),
        '--dockerfile',
        containerfileUri,
        '--out',
        out,
        '--no-oscap',
        '--quiet'
      ],
      {env}
    )
    expect(run.code, run.stderr).toBe(1)
    const log = JSON.parse(await readFile(join(out, 'results.sarif'), 'utf8')) as Log
    for (const result of log.runs[0]?.results ?? []) {
      expect(lineOf(result)).toBe(fromLine)
      expect(result.message.text).toMatch(
        /not attributable to a Dockerfile instruction: (no layer bookkeeping|no evidence)/
      )
    }
  })
})

/** Drops what changes between machines and builds: versions, digests, paths of the image archive. */
function normaliseSarif(log: Log): Log {
  const copy = JSON.parse(JSON.stringify(log)) as Log
  for (const run of copy.runs) {
    run.tool.driver.version = '<scapgate version>'
    for (const extension of run.tool.extensions ?? []) extension.version = '<oscap version>'
    if (run.properties !== undefined) {
      run.properties['image'] = '<image reference>'
      run.properties['imageConfigDigest'] = '<config digest>'
    }
  }
  return copy
}
