import {spawnSync} from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CancelledError} from '../errors.js'
import {nullLogger} from '../logging.js'
import {OutputWriteError, writeOutputFile} from '../output/output-file.js'
import {openOutputSet} from './output-set.js'
import {LOCK_FILE, lockOutputDir} from './output-set-lock.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scapgate-output-set-'))
  // A previous, passing set, a stale fix and a file that is not scapgate's.
  writeFileSync(join(dir, 'results.json'), '{"gate":{"status":"pass"}}')
  for (const name of ['results.sarif', 'junit.xml', 'codequality.json', 'arf.xml', 'summary.md'])
    writeFileSync(join(dir, name), 'old')
  mkdirSync(join(dir, 'fixes', 'run'), {recursive: true})
  writeFileSync(join(dir, 'fixes', 'run', 'old_rule.Dockerfile'), 'RUN true')
  writeFileSync(join(dir, 'notes.txt'), 'the user keeps this')
})
afterEach(() => rmSync(dir, {recursive: true, force: true}))

const names = (): string[] => readdirSync(dir).sort()

describe('openOutputSet', () => {
  it('retires the previous set at once: an incomplete results.json, nothing older, other files kept', async () => {
    const set = await openOutputSet(dir, 'docker-archive:app.tar', nullLogger)
    expect(names().filter(n => !n.startsWith('.scapgate-staging-'))).toEqual([
      'notes.txt',
      'results.json',
      'summary.md'
    ])
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
      status: string
      gate: {status: string}
    }
    expect(results.status).toBe('incomplete')
    expect(results.gate.status).toBe('incomplete')
    await set.dispose()
  })

  it('commits the staged set with results.json last and removes staging', async () => {
    const set = await openOutputSet(dir, 'img', nullLogger)
    writeFileSync(join(set.staging, 'arf.xml'), 'new arf')
    await set.publishEvidence(['arf.xml'])
    mkdirSync(join(set.staging, 'fixes', 'run'), {recursive: true})
    writeFileSync(join(set.staging, 'fixes', 'run', 'new_rule.Dockerfile'), 'RUN x')
    writeFileSync(join(set.staging, 'results.json'), '{"gate":{"status":"pass"}}')
    writeFileSync(join(set.staging, 'summary.md'), 'passed')
    mkdirSync(join(set.staging, '.scapgate-oscap-scratch'))
    await set.commit()
    expect(names()).toEqual(['arf.xml', 'fixes', 'notes.txt', 'results.json', 'summary.md'])
    expect(readdirSync(join(dir, 'fixes', 'run'))).toEqual(['new_rule.Dockerfile'])
    expect(readFileSync(join(dir, 'arf.xml'), 'utf8')).toBe('new arf')
  })

  it('abandons: evidence kept, an incomplete results.json with the reason, staging removed', async () => {
    const set = await openOutputSet(dir, 'img', nullLogger)
    writeFileSync(join(set.staging, 'arf.xml'), 'arf')
    writeFileSync(join(set.staging, 'report.html'), 'html')
    writeFileSync(join(set.staging, 'results.json'), '{"gate":{"status":"pass"}}')
    writeFileSync(join(set.staging, 'junit.xml'), 'junit')
    await set.abandon(new CancelledError())
    expect(names()).toEqual(['arf.xml', 'notes.txt', 'report.html', 'results.json', 'summary.md'])
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as {
      reason: {kind: string}
      evidence: string[]
    }
    expect(results.reason.kind).toBe('interrupted')
    expect(results.evidence).toEqual(['arf.xml', 'report.html'])
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/did not complete/)
  })

  it('removes staging directories and temporary files of killed runs', async () => {
    mkdirSync(join(dir, '.scapgate-staging-abcdef'))
    writeFileSync(join(dir, '.junit.xml.tmp-0123456789ab'), 'partial')
    const set = await openOutputSet(dir, 'img', nullLogger)
    expect(names().filter(n => n.startsWith('.'))).toEqual([set.staging.slice(dir.length + 1)])
    await set.dispose()
  })
})

describe('openOutputSet on a full disk', () => {
  it('frees the old set to make room for the incomplete marker', async () => {
    const full = join(dir, 'full')
    mkdirSync(full)
    expect(
      spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'scapgate-unit', full]).status
    ).toBe(0)
    try {
      writeFileSync(join(full, 'results.json'), '{"gate":{"status":"pass"}}'.padEnd(40 * 1024))
      writeFileSync(join(full, 'arf.xml'), 'x'.repeat(216 * 1024))
      let filler = 0
      // Fill what is left, so that not even the marker fits without removing the old set.
      for (;;) {
        try {
          writeFileSync(join(full, 'junit.xml'), 'x'.repeat((filler += 4096)))
        } catch {
          break
        }
      }
      const set = await openOutputSet(full, 'img', nullLogger)
      const results = JSON.parse(readFileSync(join(full, 'results.json'), 'utf8')) as {
        status: string
      }
      expect(results.status).toBe('incomplete')
      expect(
        readdirSync(full)
          .filter(n => !n.startsWith('.'))
          .sort()
      ).toEqual(['results.json', 'summary.md'])
      await set.dispose()
    } finally {
      spawnSync('umount', [full])
    }
  })
})

describe('writeOutputFile', () => {
  it('leaves no partial file and names the file and directory on a storage error', async () => {
    const full = join(dir, 'full')
    mkdirSync(full)
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'scapgate-unit', full])
    expect(mounted.status).toBe(0)
    try {
      const error = await writeOutputFile(join(full, 'results.json'), 'x'.repeat(256 * 1024)).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(OutputWriteError)
      expect((error as Error).message).toBe(
        `Could not write results.json in ${full}: no space left on the device (ENOSPC)`
      )
      expect(readdirSync(full)).toEqual([])
    } finally {
      spawnSync('umount', [full])
    }
  })
})

describe('lockOutputDir', () => {
  it('makes a second taker wait until the first releases, and stops waiting when cancelled', async () => {
    const first = await lockOutputDir(dir, {logger: nullLogger})
    const controller = new AbortController()
    const waiting = lockOutputDir(dir, {logger: nullLogger, signal: controller.signal})
    let taken = false
    void waiting.then(() => (taken = true))
    await new Promise(resolve => setTimeout(resolve, 500))
    expect(taken).toBe(false)
    await first.release()
    const second = await waiting
    expect(taken).toBe(true)
    const third = lockOutputDir(dir, {logger: nullLogger, signal: controller.signal})
    controller.abort()
    await expect(third).rejects.toBeInstanceOf(CancelledError)
    await second.release()
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
  })

  it('breaks a lock from another host that has not been renewed for a minute', async () => {
    const path = join(dir, LOCK_FILE)
    writeFileSync(path, JSON.stringify({pid: 1, host: 'elsewhere', nonce: 'old', started: 'then'}))
    const old = new Date(Date.now() - 5 * 60_000)
    utimesSync(path, old, old)
    const lock = await lockOutputDir(dir, {logger: nullLogger})
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({pid: process.pid})
    await lock.release()
  })

  it('breaks the lock of a process that has ended', async () => {
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
      encoding: 'utf8'
    })
    const pid = Number(ended.stdout.trim())
    const {hostname} = await import('node:os')
    const host = `${hostname()} ${readlinkSync('/proc/self/ns/pid')}`
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({pid, host, nonce: 'dead', started: 'then'}))
    const lock = await lockOutputDir(dir, {logger: nullLogger})
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({pid: process.pid})
    await lock.release()
  })
})
