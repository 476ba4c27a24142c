import {createHash, randomBytes} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/run-cli.js'
import {sceProfile, sceRule, writeSceContent} from '../support/sce-content.js'
import {debian11Base, scanDirs, writeImage} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-sce')
afterAll(() => dirs.cleanup())

const REASON = 'script check, not run on untrusted images'

interface Results {
  rules: {id: string; result: string; reason?: string; checks: {system: string}[]}[]
  scanner: {content: {sha256: string; sceChecksRemoved?: number}}
}
const readResults = (out: string): Results =>
  JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results

/**
 * Issue 11 §2: content with Script Check Engine checks is accepted, and no script from it runs.
 * The content's script would touch a marker in /tmp, in a host directory and in the image root;
 * none may exist after the scan. The rule with an OVAL alternative is evaluated by OVAL; the
 * rules whose only evaluable check was SCE come out notchecked with the reason everywhere.
 */
describe('content with SCE checks', () => {
  const marker = `scapgate-sce-marker-${randomBytes(6).toString('hex')}`
  const hostDir = join(dirs.dir, 'host')
  const out = dirs.out('sce')
  let content: string
  let run: Awaited<ReturnType<typeof runCli>>

  beforeAll(async () => {
    mkdirSync(hostDir)
    const contentDir = join(dirs.dir, 'content')
    mkdirSync(contentDir)
    content = await writeSceContent(contentDir, marker, hostDir)
    const image = writeImage(dirs.dir, 'sce', [debian11Base])
    run = await runCli([
      'scan',
      `docker-archive:${image}`,
      '--content',
      content,
      '--profile',
      sceProfile,
      '--out',
      out
    ])
  })

  it('is accepted and scanned (exit 0: notchecked does not fail the gate by default)', () => {
    expect(run.stderr).not.toMatch(/refuses|internal error|could not complete/)
    expect(run.code).toBe(0)
  })

  it('runs no script: no marker in /tmp, in the host directory or in the image root', () => {
    expect(existsSync(join('/tmp', marker))).toBe(false)
    expect(existsSync(join(hostDir, marker))).toBe(false)
    // The image root is extracted into a temporary directory and removed; the marker would also
    // have made the script-decided rules pass, which the results below rule out.
    const results = readResults(out)
    expect(JSON.stringify(results)).not.toContain('script ran')
  })

  it('evaluates the rule with an OVAL alternative by OVAL', () => {
    const results = readResults(out)
    const rule = results.rules.find(r => r.id === sceRule('sce_oval'))
    expect(rule?.result).toBe('pass')
    expect(rule?.checks.map(c => c.system)).toEqual([
      'http://oval.mitre.org/XMLSchema/oval-definitions-5'
    ])
    expect(results.rules.find(r => r.id === sceRule('oval'))?.result).toBe('pass')
  })

  it('reports the rules whose only evaluable check was SCE as notchecked with the reason', () => {
    const results = readResults(out)
    for (const name of ['sce_only', 'sce_ocil', 'complex']) {
      const rule = results.rules.find(r => r.id === sceRule(name))
      expect({name, result: rule?.result, reason: rule?.reason}).toEqual({
        name,
        result: 'notchecked',
        reason: REASON
      })
    }
    expect(results.rules.find(r => r.id === sceRule('sce_oval'))?.reason).toBeUndefined()
    expect(results.scanner.content.sceChecksRemoved).toBe(4)
    // The sha256 is the content as given, not the private copy oscap evaluated.
    expect(results.scanner.content.sha256).toBe(
      createHash('sha256').update(readFileSync(content)).digest('hex')
    )
  })

  it('says so in summary.md and SARIF', () => {
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary).toContain(`3 notchecked: ${REASON}`)
    expect(summary).toMatch(/`sce_only`.*`sce_ocil`|`sce_ocil`.*`sce_only`/)
    const sarif = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as {
      runs: {properties: {notEvaluated?: {ruleId: string; reason: string}[]}}[]
    }
    expect(sarif.runs[0]?.properties.notEvaluated?.map(r => [r.ruleId, r.reason]).sort()).toEqual(
      ['complex', 'sce_ocil', 'sce_only'].map(name => [sceRule(name), REASON])
    )
  })

  it('keeps the evidence honest: the ARF holds the stripped content oscap evaluated, without SCE', () => {
    const arf = readFileSync(join(out, 'arf.xml'), 'utf8')
    expect(arf).not.toContain('http://open-scap.org/page/SCE"')
    expect(arf).not.toContain(marker)
    expect(arf).not.toContain('XCCDF_RESULT_PASS')
    expect(arf).toContain('urn:scapgate:check:script-not-run')
  })
})
