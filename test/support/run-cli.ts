import {spawn} from 'node:child_process'
import {join} from 'node:path'

export const repoRoot = join(import.meta.dirname, '..', '..')
/** The shipped bundle: tests run what users run, not the sources. */
export const cliBundle = join(repoRoot, 'dist', 'cli', 'index.js')

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunCliOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Called with each stderr chunk; lets a test act mid-run (send SIGINT …). */
  onStderr?: (chunk: string, child: ReturnType<typeof spawn>) => void
  node?: string
}

/** Runs `node dist/cli/index.js ARGS` to completion. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(options.node ?? process.execPath, [cliBundle, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? {PATH: process.env['PATH'] ?? '/usr/bin:/bin'},
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      options.onStderr?.(chunk, child)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
  })
}
