import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {parseScan} from './commands/scan.js'
import {UsageError} from './exit-codes.js'
import {run, type CliIo} from './main.js'

function capture(): {io: CliIo; out: () => string; err: () => string} {
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
      cwd: '/',
      signal: new AbortController().signal
    },
    out: () => out,
    err: () => err
  }
}

describe('parseScan', () => {
  it('keeps only what was given: the defaults come from the option table when the scan runs', () => {
    expect(parseScan(['docker-archive:a.tar'])).toEqual({
      images: ['docker-archive:a.tar'],
      flags: {values: {}, from: {}},
      verbose: false,
      quiet: false,
      passwordStdin: false
    })
  })

  it('takes the image from SCAPGATE_IMAGE when no IMAGE argument is given', () => {
    expect(parseScan([], {SCAPGATE_IMAGE: 'docker-archive:a.tar'}).images).toEqual([])
    expect(() => parseScan([], {SCAPGATE_IMAGE: ' '})).toThrow('Expected an IMAGE argument')
  })

  it('names the flag, the choices and the value when --fail-on is wrong', () => {
    expect(() => parseScan(['x', '--fail-on', 'hgh'])).toThrow(
      new UsageError('Expected `--fail-on` to be one of low|medium|high|never, got `hgh`')
    )
  })

  it('rejects an empty value, which usually means an unset CI variable', () => {
    expect(() => parseScan(['x', '--profile', ''])).toThrow(
      'Expected `--profile` to have a value, got an empty string'
    )
  })

  it('wants at least one image, and takes several', () => {
    expect(() => parseScan([])).toThrow('Expected an IMAGE argument after `scan`, got nothing')
    expect(parseScan(['a', 'b']).images).toEqual(['a', 'b'])
    expect(parseScan(['--images', 'list.txt']).flags.values.imagesFile).toBe('list.txt')
  })

  it('rejects a timeout that is not a positive whole number', () => {
    expect(() => parseScan(['x', '--timeout', '1.5'])).toThrow('`--timeout`')
    expect(() => parseScan(['x', '--timeout', '0'])).toThrow('`--timeout`')
  })

  it('refuses a single-valued flag given twice with different values, naming both', () => {
    expect(() =>
      parseScan(['docker-archive:a.tar', '--fail-on', 'high', '--fail-on', 'never'])
    ).toThrow(
      new UsageError(
        'Expected `--fail-on` once, got it twice with different values: `high` and `never`'
      )
    )
    expect(() => parseScan(['docker-archive:a.tar', '--out=a', '--out', 'b'])).toThrow(
      'Expected `--out` once, got it twice with different values: `a` and `b`'
    )
    expect(() =>
      parseScan(['docker-archive:a.tar', '--policy', 'a.yml', '--policy', 'b.yml'])
    ).toThrow(UsageError)
  })

  it('accepts the same value twice and repeatable flags many times', () => {
    expect(
      parseScan(['docker-archive:a.tar', '--fail-on', 'high', '--fail-on', 'high']).flags.values
        .failOn
    ).toBe('high')
    expect(
      parseScan([
        'docker-archive:a.tar',
        '--insecure-registry',
        'a:5000',
        '--insecure-registry',
        'b:5000',
        '--verbose',
        '--verbose'
      ]).flags.values.insecureRegistries
    ).toEqual(['a:5000', 'b:5000'])
  })

  it('rejects unknown flags', () => {
    expect(() => parseScan(['x', '--fial-on', 'low'])).toThrow(UsageError)
  })
})

describe('run', () => {
  it('exits 2 with the command list for an unknown command', async () => {
    const {io, err} = capture()
    expect(await run(['scna'], io)).toBe(2)
    expect(err()).toContain('Expected a command (scan')
  })

  it('exits 2 and prints the scan usage for a bad scan flag', async () => {
    const {io, err} = capture()
    expect(await run(['scan', 'x', '--bogus'], io)).toBe(2)
    expect(err()).toContain('Usage: scapgate scan IMAGE')
  })

  it('exits 2 for a repeated --fail-on with different values', async () => {
    const {io, err} = capture()
    expect(
      await run(['scan', 'docker-archive:a.tar', '--fail-on', 'high', '--fail-on', 'never'], io)
    ).toBe(2)
    expect(err()).toContain(
      '`--fail-on` once, got it twice with different values: `high` and `never`'
    )
  })

  it('prints help on stdout and exits 0', async () => {
    const {io, out} = capture()
    expect(await run(['scan', '--help'], io)).toBe(0)
    expect(out()).toContain('--fail-on low|medium|high|never')
  })
})
