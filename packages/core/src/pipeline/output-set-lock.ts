/**
 * One scapgate run at a time per output directory: the lock file `<out>/.scapgate.lock`.
 *
 * Taken by creating the file complete in one step (written under a private name, then link(2)ed
 * to the lock name, which fails if it exists), so a reader never sees a half-written lock. It holds
 * the owner's pid, host and a nonce, and the owner touches it every 10 s. A lock is stale (its run
 * was killed with SIGKILL) when its owner is on this host and no longer alive, or, for an owner on
 * another host (another container sharing the volume), when it has not been touched for a
 * minute. A stale lock is moved aside with rename(2), which only one contender wins, and checked
 * to be the one judged stale (else put back). Otherwise a second run waits, saying once whose lock
 * it waits for, until the lock goes or it is cancelled.
 */
import {randomBytes} from 'node:crypto'
import {
  link,
  mkdir,
  readFile,
  readlink,
  rename,
  stat,
  unlink,
  utimes,
  writeFile
} from 'node:fs/promises'
import {hostname} from 'node:os'
import {join} from 'node:path'
import {CancelledError} from '../errors.js'
import type {Logger} from '../logging.js'
import {nameStorageError} from '../output/output-file.js'

export const LOCK_FILE = '.scapgate.lock'

const HEARTBEAT_MS = 10_000
const STALE_AFTER_MS = 60_000

export interface OutputLock {
  path: string
  /** Removes the lock if it is still ours; safe to call twice. */
  release: () => Promise<void>
}

interface Owner {
  pid: number
  /** Host name and PID namespace: pids are comparable only within one. */
  host: string
  nonce: string
  started: string
}

function parseOwner(text: string): Owner | undefined {
  try {
    const value = JSON.parse(text) as Partial<Owner>
    if (
      typeof value.pid === 'number' &&
      typeof value.host === 'string' &&
      typeof value.nonce === 'string'
    )
      return {pid: value.pid, host: value.host, nonce: value.nonce, started: String(value.started)}
  } catch {
    // Not ours, or damaged: treated as held (never removed unseen).
  }
  return undefined
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const pause = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted === true) return reject(new CancelledError())
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new CancelledError())
    }
    signal?.addEventListener('abort', onAbort, {once: true})
  })

async function tryCreate(path: string, owner: Owner): Promise<boolean> {
  const temp = `${path}.${owner.nonce}`
  try {
    await writeFile(temp, `${JSON.stringify(owner)}\n`, {flag: 'wx', mode: 0o644})
    await link(temp, path)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw nameStorageError(error, path)
  } finally {
    await unlink(temp).catch(() => undefined)
  }
}

/** Moves a stale lock aside; puts it back if what was moved is not the lock judged stale. */
async function breakStale(path: string, stale: Owner): Promise<void> {
  const aside = `${path}.stale-${randomBytes(6).toString('hex')}`
  try {
    await rename(path, aside)
  } catch {
    return // someone else broke it first
  }
  const moved = parseOwner(await readFile(aside, 'utf8').catch(() => ''))
  if (moved?.nonce !== stale.nonce) await link(aside, path).catch(() => undefined)
  await unlink(aside).catch(() => undefined)
}

/** Takes the lock of `dir` (created if needed), waiting for a live owner; see the file comment. */
export async function lockOutputDir(
  dir: string,
  options: {logger: Logger; signal?: AbortSignal}
): Promise<OutputLock> {
  await mkdir(dir, {recursive: true}).catch((error: unknown) => {
    throw nameStorageError(error, dir)
  })
  const path = join(dir, LOCK_FILE)
  const owner: Owner = {
    pid: process.pid,
    host: `${hostname()} ${await readlink('/proc/self/ns/pid').catch(() => 'pid:[?]')}`,
    nonce: randomBytes(8).toString('hex'),
    started: new Date().toISOString()
  }
  let told = false
  for (;;) {
    if (options.signal?.aborted === true) throw new CancelledError()
    if (await tryCreate(path, owner)) break
    const held = parseOwner(await readFile(path, 'utf8').catch(() => ''))
    const touched = await stat(path).then(
      info => info.mtimeMs,
      () => Date.now()
    )
    const here = held?.host === owner.host
    const ended = held !== undefined && here && !alive(held.pid)
    // A live owner on this host is never judged by age (its event loop may be busy).
    if (held !== undefined && (ended || (!here && Date.now() - touched > STALE_AFTER_MS))) {
      options.logger.warning(
        `removing the stale lock ${path} of pid ${held.pid} on ${held.host}, ${ended ? 'which has ended' : 'not renewed for a minute'}`
      )
      await breakStale(path, held)
      continue
    }
    if (!told) {
      told = true
      options.logger.info(
        `waiting for another scapgate run to finish writing ${dir}` +
          (held === undefined
            ? ` (lock ${path})`
            : ` (pid ${held.pid} on ${held.host}, since ${held.started}; lock ${path})`)
      )
    }
    await pause(200, options.signal)
  }
  const heartbeat = setInterval(() => {
    const now = new Date()
    utimes(path, now, now).catch(() => undefined)
  }, HEARTBEAT_MS)
  heartbeat.unref()
  let released: Promise<void> | undefined
  return {
    path,
    release: () => {
      clearInterval(heartbeat)
      released ??= (async () => {
        const now = parseOwner(await readFile(path, 'utf8').catch(() => ''))
        if (now?.nonce === owner.nonce) await unlink(path).catch(() => undefined)
      })()
      return released
    }
  }
}
