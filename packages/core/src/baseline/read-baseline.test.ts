import {execFileSync} from 'node:child_process'
import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {serializeResults} from '../results/results-json.js'
import {serializeBaseline} from './baseline-file.js'
import {parseBaseline, readBaseline} from './read-baseline.js'

const results = sampleResults([
  sampleRule({shortId: 'b_rule', result: 'pass'}),
  sampleRule({shortId: 'a_rule', result: 'fail'}),
  sampleRule({shortId: 'multi', result: 'pass', index: 0}),
  sampleRule({shortId: 'multi', result: 'error', index: 1})
])
const id = (short: string): string => `xccdf_org.ssgproject.content_rule_${short}`

describe('baseline files', () => {
  it('writes one sorted line per rule, with the worst result of a multi-check rule, and no timestamps', () => {
    const text = serializeBaseline(results)
    expect(text).toBe(`{
  "schema": "https://scapgate.dev/schemas/baseline/v1",
  "configDigest": "sha256:${'a'.repeat(64)}",
  "benchmark": {
    "id": "xccdf_org.ssgproject.content_benchmark_DEBIAN-11",
    "version": "0.1.65"
  },
  "profile": "xccdf_org.ssgproject.content_profile_standard",
  "score": 75,
  "rules": {
    "${id('a_rule')}": "fail",
    "${id('b_rule')}": "pass",
    "${id('multi')}": "error"
  }
}
`)
    expect(
      serializeBaseline(sampleResults([...results.rules].reverse(), {startTime: 'later'}))
    ).toBe(text)
  })

  it('reads back what it wrote', () => {
    const data = parseBaseline(serializeBaseline(results), 'b.json')
    expect(data.score).toBe(75)
    expect([...data.rules]).toEqual([
      [id('a_rule'), 'fail'],
      [id('b_rule'), 'pass'],
      [id('multi'), 'error']
    ])
  })

  it('reads a results.json', () => {
    const data = parseBaseline(
      serializeResults(results, evaluateGate(results, {failOn: 'medium'})),
      'results.json'
    )
    expect(data.rules.get(id('multi'))).toBe('error')
    expect(data.profileId).toBe('xccdf_org.ssgproject.content_profile_standard')
  })

  it('reads an ARF', async () => {
    const arf = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'arf',
      'multi-check-duplicate-rule-results.arf.xml'
    )
    const data = await readBaseline(arf, 'multi.arf.xml')
    expect(data.rules.size).toBeGreaterThan(0)
    expect(data.source).toBe('multi.arf.xml')
    expect(data.score).toBeTypeOf('number')
  })

  it('rejects a JSON document of another kind, naming the file', () => {
    expect(() => parseBaseline('{"schema": "x"}', 'other.json')).toThrow(
      'Expected `--baseline` other.json to be a scapgate baseline, a results.json or an ARF, found a JSON document with schema `x`'
    )
    expect(() =>
      parseBaseline(
        '{"schema": "https://scapgate.dev/schemas/baseline/v1", "score": 1, "rules": {"r": "passed"}}',
        'b.json'
      )
    ).toThrow('found rule `r` with result `passed`')
  })

  it('names a missing file', async () => {
    await expect(readBaseline('/nonexistent/b.json', 'b.json')).rejects.toThrow(
      'Expected the baseline `b.json` (--baseline) to be a regular file, found nothing there'
    )
  })

  describe('never echoes the file', () => {
    const canary = 'ghp_CANARY0123456789abcdef'
    const cases: [string, string, string][] = [
      ['an env file', `MY_SECRET_TOKEN=${canary}\n`, 'found a file that is neither JSON nor XML'],
      ['/etc/shadow', `root:*:20228:0:99999:7:::\n${canary}:x:1\n`, 'neither JSON nor XML'],
      ['broken JSON', `{"token": "${canary}"`, 'found JSON that does not parse'],
      ['another schema', `{"schema": "https://${canary}/x"}`, 'with schema of another kind'],
      [
        'a baseline with a hostile rule id',
        `{"schema": "https://scapgate.dev/schemas/baseline/v1", "rules": {"a b ${canary}": "x ${canary}"}}`,
        'found rule with an unusual id with result that is not a result'
      ],
      ['XML that is not an ARF', `<token>${canary}</token>`, 'XML that is not an ARF'],
      ['broken XML', `<a><b ${canary}="1"></a>`, 'XML that is not an ARF']
    ]
    for (const [name, text, expected] of cases) {
      it(name, () => {
        let message = ''
        try {
          parseBaseline(text, 'b.json')
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigurationError)
          message = (error as Error).message
        }
        expect(message).toContain(expected)
        expect(message).not.toContain('CANARY')
      })
    }
  })

  it('refuses a FIFO at once', {timeout: 5000}, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scapgate-baseline-fifo-'))
    try {
      execFileSync('mkfifo', [join(dir, 'b.json')])
      await expect(readBaseline(join(dir, 'b.json'), 'b.json')).rejects.toThrow(
        'found a named pipe (FIFO)'
      )
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
