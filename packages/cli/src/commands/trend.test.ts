import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {ConfigurationError, historySchemaUri} from '@scapgate/core'
import type {CliIo} from '../command.js'
import {UsageError} from '../exit-codes.js'
import {parseTrend, runTrend} from './trend.js'

function capture(cwd: string): {io: CliIo; out: () => string} {
  let out = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk))
        done()
      }
    })
  return {
    io: {
      stdout: sink(s => (out += s)),
      stderr: sink(() => undefined),
      env: {},
      cwd,
      signal: new AbortController().signal
    },
    out: () => out
  }
}

const history = {
  schema: historySchemaUri,
  image: 'app:1 \u001b[31mred',
  profile: 'xccdf_org.ssgproject.content_profile_standard',
  entries: [70, 72.5, 75].map((score, i) => ({
    at: `2026-12-0${i + 1}T06:00:00.000Z`,
    score,
    maximum: 100,
    status: 'fail',
    counts: {failing: 3, new: 0, stillFailing: 3, fixed: 0, waived: 0, expired: 0}
  }))
}

describe('scapgate trend', () => {
  it('takes one HISTORY and an optional --svg', () => {
    expect(parseTrend(['h.json', '--svg', 't.svg'])).toEqual({history: 'h.json', svg: 't.svg'})
    expect(() => parseTrend([])).toThrow(UsageError)
    expect(() => parseTrend(['a', 'b'])).toThrow(UsageError)
  })

  it('prints the chart as text and writes the SVG, terminal controls made visible', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-trend-'))
    writeFileSync(join(dir, 'history.json'), JSON.stringify(history))
    const {io, out} = capture(dir)
    expect(await runTrend({history: 'history.json', svg: 'trend.svg'}, io)).toBe(0)
    expect(out()).toContain('Compliance score: app:1 \\x1b[31mred · standard')
    expect(out()).toContain('Score trend (last 3 runs): ▁▅█ 70.00 → 75.00 (▲ 5.00 since 12-01)')
    const svg = readFileSync(join(dir, 'trend.svg'), 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).not.toContain('\u001b')
    expect(svg.match(/<circle /g)).toHaveLength(3)
  })

  it('refuses a file that is not a history, as a configuration error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-trend-'))
    writeFileSync(join(dir, 'results.json'), JSON.stringify({schema: 'other'}))
    await expect(runTrend({history: 'results.json'}, capture(dir).io)).rejects.toThrow(
      ConfigurationError
    )
  })
})
