import {spawn} from 'node:child_process'
import {mkdtemp, rmdir} from 'node:fs/promises'
import {join} from 'node:path'
import {CancelledError, ScanFailedError, sanitizeForDisplay} from '../errors.js'
import {SANDBOX_SCRIPT} from './sandbox-script.js'

/** Exit code of the sandbox script (and of `chroot`) when the sandbox itself could not be built. */
export const SANDBOX_SETUP_EXIT_CODE = 125

const SANDBOX_EXIT_CODES = new Set([SANDBOX_SETUP_EXIT_CODE, 126, 127])

/** Paths as the sandboxed command sees them. */
export const SANDBOX_PATHS = {
  scanRoot: '/scan',
  content: '/scapgate/input/content.xml',
  tailoring: '/scapgate/input/tailoring.xml',
  localFiles: '/scapgate/local-files',
  out: '/out'
} as const

export interface SandboxRunOptions {
  /** The command inside the sandbox, e.g. `['/usr/bin/oscap', 'xccdf', 'eval', …]`. */
  command: string[]
  /** Private host directory in which the sandbox mount point is created (and removed). */
  workDir: string
  /** Writable host directory seen as `/out`. It must be private to this run. */
  outDir: string
  /** Extracted image root, mounted through an overlay at `/scan`; omit for no scan root. */
  root?: string
  /** Host file bound read-only at {@link SANDBOX_PATHS.content}. */
  inputFile?: string
  /** Host file bound read-only at {@link SANDBOX_PATHS.tailoring}. */
  tailoringFile?: string
  /** `%_dbpath` written to the sandbox's `~/.rpmmacros`. */
  rpmDbPath?: string
  /** `OSCAP_CONTAINER_VARS`: the image's `Config.Env`; only set when `root` is. */
  containerVars?: string[]
  /** `OSCAP_EVALUATION_TARGET`; only set when `root` is. */
  target?: string
  /**
   * Sets `APT_CONFIG` to the sandbox's private APT configuration (only when `root` is): needed by
   * oscap < 1.3.10 (`ScannerEnvironment.aptConfigWorkaround`). Default true, harmless otherwise.
   */
  aptConfig?: boolean
  timeoutMs: number
  signal?: AbortSignal
  /** Caps on captured output; beyond them the middle is dropped. */
  maxOutputBytes?: number
  /**
   * Private host directory whose contents are copied into the overlay's upper layer (files
   * scapgate adds to the image's view, `packages/upper-layer.ts`); only used with `root`.
   */
  upperFiles?: string
}

export interface SandboxRunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  durationSeconds: number
}

const DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024

/** The only environment `unshare` and the script get; the command inside gets its own, smaller one. */
const SPAWN_ENV = {PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8'}

/**
 * Runs one command in a fresh sandbox (see `sandbox-script.ts`) and returns its exit status and
 * output. Needs root. On timeout the whole process group is killed with SIGKILL and a
 * {@link ScanFailedError} (`timeout`) is thrown; on abort a {@link CancelledError}. A sandbox that
 * cannot be built throws {@link ScanFailedError} (`sandbox`). Any other exit code is returned as
 * is: interpreting it is the caller's job.
 */
export async function runInSandbox(options: SandboxRunOptions): Promise<SandboxRunResult> {
  if (options.signal?.aborted) throw new CancelledError()
  const mountPoint = await mkdtemp(join(options.workDir, 'sandbox-'))
  try {
    return await spawnSandbox(options, mountPoint)
  } finally {
    // The tmpfs lived only in the namespace; on the host the mount point is still an empty dir.
    await rmdir(mountPoint).catch(() => {})
  }
}

function spawnSandbox(options: SandboxRunOptions, mountPoint: string): Promise<SandboxRunResult> {
  const args = [
    '--mount',
    '--net',
    '--ipc',
    '--uts',
    '--pid',
    '--fork',
    '--kill-child',
    '--propagation',
    'private',
    '/bin/sh',
    '-c',
    SANDBOX_SCRIPT,
    'scapgate-sandbox',
    mountPoint,
    options.root ?? '',
    options.inputFile ?? '',
    options.tailoringFile ?? '',
    options.outDir,
    options.rpmDbPath ?? '/var/lib/rpm',
    options.root === undefined ? '' : (options.containerVars ?? []).join('\n'),
    options.root === undefined ? '' : (options.target ?? ''),
    ...options.command
  ]
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn('unshare', args, {
      env: {
        ...SPAWN_ENV,
        SCAPGATE_APT_CONFIG: options.aptConfig === false ? '0' : '1',
        SCAPGATE_UPPER_FILES: options.root === undefined ? '' : (options.upperFiles ?? '')
      },
      cwd: '/',
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const stdout = new BoundedBuffer(max)
    const stderr = new BoundedBuffer(max)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))

    let ending: 'timeout' | 'abort' | undefined
    const killGroup = (): void => {
      if (child.pid === undefined) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    const timer = setTimeout(() => {
      ending ??= 'timeout'
      killGroup()
    }, options.timeoutMs)
    const onAbort = (): void => {
      ending ??= 'abort'
      killGroup()
    }
    options.signal?.addEventListener('abort', onAbort, {once: true})
    const cleanup = (): void => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
    }

    child.on('error', error => {
      cleanup()
      reject(
        new ScanFailedError(
          `Cannot start the sandbox (unshare): ${error.message}`,
          {reason: 'sandbox'},
          {cause: error}
        )
      )
    })
    child.on('close', (exitCode, signal) => {
      cleanup()
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9
      const stderrText = stderr.text()
      if (ending === 'abort') return reject(new CancelledError())
      if (ending === 'timeout') {
        return reject(
          new ScanFailedError(
            `oscap did not finish within ${options.timeoutMs} ms and was killed`,
            {
              reason: 'timeout',
              exitCode,
              signal,
              stderrExcerpt: excerpt(stderrText)
            }
          )
        )
      }
      // 125: our script (or chroot) failed; 126/127: chroot could not run the command.
      if (exitCode !== null && SANDBOX_EXIT_CODES.has(exitCode)) {
        return reject(
          new ScanFailedError(`The scan sandbox could not be set up: ${excerpt(stderrText)}`, {
            reason: 'sandbox',
            exitCode,
            signal,
            stderrExcerpt: excerpt(stderrText)
          })
        )
      }
      resolve({exitCode, signal, stdout: stdout.text(), stderr: stderrText, durationSeconds})
    })
  })
}

/** The last lines of untrusted tool output, control characters escaped, for an error message. */
export function excerpt(text: string, maxChars = 1500): string {
  const tail = text.length > maxChars ? text.slice(-maxChars) : text
  return tail
    .split('\n')
    .map(line => sanitizeForDisplay(line, 300))
    .join('\n')
    .trim()
}

/** Keeps the first and last `max / 2` bytes of a stream. */
class BoundedBuffer {
  private head: Buffer[] = []
  private headSize = 0
  private tail: Buffer = Buffer.alloc(0)
  private dropped = 0

  constructor(private readonly max: number) {}

  push(chunk: Buffer): void {
    const half = Math.floor(this.max / 2)
    if (this.headSize < half) {
      const take = chunk.subarray(0, half - this.headSize)
      this.head.push(take)
      this.headSize += take.length
      chunk = chunk.subarray(take.length)
    }
    if (chunk.length === 0) return
    const joined = Buffer.concat([this.tail, chunk])
    this.dropped += Math.max(0, joined.length - half)
    this.tail = joined.subarray(Math.max(0, joined.length - half))
  }

  text(): string {
    const marker = this.dropped > 0 ? `\n[… ${this.dropped} bytes dropped …]\n` : ''
    return Buffer.concat(this.head).toString('utf8') + marker + this.tail.toString('utf8')
  }
}
