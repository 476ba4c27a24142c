import {lstat, mkdtemp, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {ScanFailedError} from '../errors.js'
import type {ScannerEnvironment} from './preflight.js'
import {SANDBOX_PATHS, excerpt, runInSandbox} from './sandbox.js'

export interface ArfToolOptions {
  scanner: ScannerEnvironment
  arfPath: string
  /** oscap's arguments before `--output FILE ARF`, e.g. `['xccdf', 'generate', 'report']`. */
  args: string[]
  /** Private scratch space is created inside this directory and removed afterwards. */
  workParent: string
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * Runs one `oscap … --output FILE ARF` command that renders something from an ARF (the HTML
 * report, bash and Ansible fixes) in the same sandbox as the scan, without a scan root: the ARF
 * holds image data and oscap's XSLT runs over it. `use` gets the produced file while the scratch
 * directory still exists (rename it away, or read it); the directory is removed afterwards.
 * Throws {@link ScanFailedError} (`oscap-error`) when oscap fails or writes nothing.
 */
export async function runArfTool<T>(
  options: ArfToolOptions,
  use: (producedPath: string) => Promise<T>
): Promise<T> {
  const work = await mkdtemp(join(options.workParent, '.scapgate-oscap-'))
  try {
    const out = await mkdtemp(join(work, 'out-'))
    const command = [options.scanner.oscapPath, ...options.args]
    const result = await runInSandbox({
      command: [...command, '--output', `${SANDBOX_PATHS.out}/output`, SANDBOX_PATHS.content],
      workDir: work,
      outDir: out,
      inputFile: options.arfPath,
      timeoutMs: options.timeoutMs ?? 300_000,
      ...(options.signal === undefined ? {} : {signal: options.signal})
    })
    const produced = join(out, 'output')
    const info = await lstat(produced).catch(() => undefined)
    if (result.exitCode !== 0 || !info?.isFile()) {
      throw new ScanFailedError(
        `oscap ${options.args.join(' ')} failed (exit ${result.exitCode ?? result.signal}): ${excerpt(result.stderr)}`,
        {
          reason: 'oscap-error',
          exitCode: result.exitCode,
          signal: result.signal,
          stderrExcerpt: excerpt(result.stderr)
        }
      )
    }
    return await use(produced)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}
