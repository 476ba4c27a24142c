import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import type {CliIo} from '../command.js'
import {UsageError} from '../exit-codes.js'
import {parsePlan, runPlan} from './plan.js'

function capture(cwd: string): {io: CliIo; out: () => string; err: () => string} {
  let out = ''
  let err = ''
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
      stderr: sink(s => (err += s)),
      env: {},
      cwd,
      signal: new AbortController().signal
    },
    out: () => out,
    err: () => err
  }
}

describe('scapgate plan', () => {
  it('parses its flags and refuses bad ones', () => {
    expect(parsePlan(['a', '--shards', '2', '--format', 'gitlab', '--dir', 'x'])).toMatchObject({
      images: ['a'],
      shards: 2,
      format: 'gitlab',
      dirs: ['x']
    })
    expect(() => parsePlan(['--shards', '0'])).toThrow(UsageError)
    expect(() => parsePlan(['--format', 'circleci'])).toThrow(/github\|gitlab\|jenkins\|json/)
  })

  it('plans a directory of archives by size, and the policy images when nothing else is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-plan-cli-'))
    mkdirSync(join(dir, 'images'))
    for (const [name, size] of [
      ['big', 900],
      ['mid', 500],
      ['small1', 300],
      ['small2', 300]
    ] as const)
      writeFileSync(join(dir, 'images', `${name}.tar`), Buffer.alloc(size))
    const run = capture(dir)
    expect(await runPlan(parsePlan(['--dir', 'images', '--shards', '2']), run.io)).toBe(0)
    const matrix = JSON.parse(run.out()) as {include: {shard: string; images: string}[]}
    expect(matrix.include).toEqual([
      {shard: '1', images: 'docker-archive:./images/big.tar'},
      {
        shard: '2',
        images:
          'docker-archive:./images/mid.tar\ndocker-archive:./images/small1.tar\ndocker-archive:./images/small2.tar'
      }
    ])
    expect(run.err()).toContain('4 images in 2 shards')

    // SCAPGATE_SHARDS (the option table's variable) stands in for --shards, which wins over it.
    const fromEnv = capture(dir)
    fromEnv.io.env = {SCAPGATE_SHARDS: '3'}
    expect(await runPlan(parsePlan(['--dir', 'images']), fromEnv.io)).toBe(0)
    expect(fromEnv.err()).toContain('4 images in 3 shards')
    const flagWins = capture(dir)
    flagWins.io.env = {SCAPGATE_SHARDS: '3'}
    expect(await runPlan(parsePlan(['--dir', 'images', '--shards', '1']), flagWins.io)).toBe(0)
    expect(flagWins.err()).toContain('4 images in 1 shard\n')
    const badEnv = capture(dir)
    badEnv.io.env = {SCAPGATE_SHARDS: '300'}
    expect(await runPlan(parsePlan(['--dir', 'images']), badEnv.io)).toBe(2)
    expect(badEnv.err()).toContain('Expected `SCAPGATE_SHARDS` to be a whole number from 1 to 256')

    writeFileSync(
      join(dir, 'scapgate.yml'),
      'images:\n  - match: docker-archive:./images/big.tar\n  - match: ["registry.example/*", worker]\n'
    )
    const fromPolicy = capture(dir)
    expect(await runPlan(parsePlan(['--format', 'jenkins']), fromPolicy.io)).toBe(0)
    expect(fromPolicy.out()).toBe('docker-archive:./images/big.tar\nworker\n')

    const none = capture(mkdtempSync(join(tmpdir(), 'scapgate-plan-empty-')))
    expect(await runPlan(parsePlan([]), none.io)).toBe(2)
    expect(none.err()).toMatch(/at least one image/)
  })
})
