import {execFile} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runInSandbox, SANDBOX_PATHS} from '../../packages/core/src/scan/sandbox.js'
import {sceProfile, sceRule, writeSceContent} from '../support/sce-content.js'
import {scanDirs} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-sce-engine')

/** The `<rule-result>` element of `id`, by a text search (independent of scapgate's ARF parser). */
function ruleResultOf(arf: string, id: string): string {
  const start = arf.indexOf(`<rule-result idref="${id}"`)
  expect(start).toBeGreaterThan(-1)
  return arf.slice(start, arf.indexOf('</rule-result>', start))
}
afterAll(() => dirs.cleanup())

/**
 * Belt and braces behind `strip-sce.ts`: even given content that still holds SCE checks, oscap in
 * the scan sandbox has no Script Check Engine. The plugin file is covered by an empty file and
 * `OSCAP_CHECK_ENGINE_PLUGIN_DIR` points at an empty directory; each is tested on its own, next to
 * a positive control showing that the host's oscap does load the engine.
 */
describe('the scan sandbox hides the SCE engine', () => {
  let content: string
  beforeAll(async () => {
    const contentDir = join(dirs.dir, 'content')
    mkdirSync(contentDir)
    content = await writeSceContent(contentDir, 'never', dirs.dir)
  })

  const sandboxed = async (command: string[], inputFile?: string): Promise<string> => {
    const work = join(dirs.dir, `work-${Math.random().toString(36).slice(2)}`)
    const out = join(work, 'out')
    mkdirSync(out, {recursive: true})
    const result = await runInSandbox({
      command,
      workDir: work,
      outDir: out,
      ...(inputFile === undefined ? {} : {inputFile}),
      timeoutMs: 120_000
    })
    expect(result.signal).toBeNull()
    return result.stdout + result.stderr
  }

  it('positive control: the host oscap loads the SCE plugin and registers the engine', async () => {
    const {stdout} = await promisify(execFile)('oscap', ['--version'])
    expect(stdout).toMatch(/SCE Version: .* \(from libopenscap_sce\.so/)
    // Our own script only (it touches files in the test directory); exit 0 or 2 both fine.
    const arfPath = join(dirs.dir, 'host-arf.xml')
    await promisify(execFile)('oscap', [
      'xccdf',
      'eval',
      '--profile',
      sceProfile,
      '--results-arf',
      arfPath,
      content
    ]).catch((error: {code?: number}) => {
      if (error.code !== 2) throw error
    })
    const sceOnly = ruleResultOf(readFileSync(arfPath, 'utf8'), sceRule('sce_only'))
    expect(sceOnly).not.toContain('No candidate or applicable check found.')
  })

  it('covers every SCE plugin file with an empty one', async () => {
    const text = await sandboxed([
      '/bin/sh',
      '-c',
      'for f in /usr/lib/libopenscap_sce.so* /usr/lib/*/libopenscap_sce.so*; do [ -e "$f" ] && printf "%s %s\\n" "$f" "$(wc -c < "$f")"; done; true'
    ])
    const lines = text.trim().split('\n')
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).toMatch(/libopenscap_sce\.so\S* 0$/)
  })

  it('loads no plugin even with the plugin-dir override removed', async () => {
    const text = await sandboxed([
      '/usr/bin/env',
      '-u',
      'OSCAP_CHECK_ENGINE_PLUGIN_DIR',
      '/usr/bin/oscap',
      '--version'
    ])
    expect(text).toContain('No plugins have been auto-loaded')
    expect(text).not.toContain('SCE Version')
  })

  it('evaluates unstripped SCE content with no SCE engine registered', async () => {
    const work = join(dirs.dir, 'eval')
    const out = join(work, 'out')
    mkdirSync(out, {recursive: true})
    const root = join(work, 'root')
    mkdirSync(join(root, 'etc'), {recursive: true})
    writeFileSync(join(root, 'etc/os-release'), 'ID=debian\nVERSION_ID="12"\n')
    const result = await runInSandbox({
      root,
      target: 'sce-test',
      command: [
        '/usr/bin/oscap',
        'xccdf',
        'eval',
        '--profile',
        sceProfile,
        '--results-arf',
        `${SANDBOX_PATHS.out}/arf.xml`,
        SANDBOX_PATHS.content
      ],
      workDir: work,
      outDir: out,
      inputFile: content,
      timeoutMs: 120_000
    })
    // 0 or 2 (oscap 1.3.7 also logs "Bad test results" for the complex check's SCE operand).
    expect([0, 2]).toContain(result.exitCode)
    const ruleResult = ruleResultOf(readFileSync(join(out, 'arf.xml'), 'utf8'), sceRule('sce_only'))
    expect(ruleResult).toContain('<result>notchecked</result>')
    // "No candidate or applicable check": no engine for SCE. With the engine registered, oscap 1.3.7
    // says "None of the check-content-ref elements was resolvable" instead (or runs the script).
    expect(ruleResult).toContain('No candidate or applicable check found.')
  })
})
