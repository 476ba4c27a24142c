import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import {defaultCacheDir} from '@scapgate/core'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from './exit-codes.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  env: NodeJS.ProcessEnv
  cwd: string
  /** Aborted on SIGINT/SIGTERM; commands clean up and the CLI exits 130. */
  signal: AbortSignal
}

/**
 * One `scapgate <name>` subcommand. Each lives in `commands/<name>.ts` and is listed in
 * `commands/index.ts`; parsing and running are separate so tests can check either alone.
 */
export interface CommandSpec<T> {
  name: string
  /** One line for the top-level help. */
  summary: string
  usage: string
  /** Parses the arguments after the command name; throws {@link UsageError}. */
  parse: (argv: readonly string[]) => T
  /** Returns the exit code; never calls process.exit. */
  run: (command: T, io: CliIo) => Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** `util.parseArgs` in strict mode, with its errors turned into {@link UsageError}s. */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({args: [...argv], allowPositionals: true, strict: true, options})
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

/** Validates a closed-set flag value with a message naming the flag, the choices and the value. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`Expected \`${flag}\` to be one of ${choices.join('|')}, got \`${value}\``)
  }
  return value as T
}

/** Rejects `--flag ''`: an empty value is always a mistake (often an unset CI variable). */
export function rejectEmpty(values: Record<string, unknown>, flags: readonly string[]): void {
  for (const flag of flags) {
    if (values[flag] === '')
      throw new UsageError(`Expected \`--${flag}\` to have a value, got an empty string`)
  }
}

/** `--dockerfile` resolved against `cwd`, else `./Dockerfile` when it exists, else undefined. */
export function dockerfileFlag(flag: string | undefined, cwd: string): string | undefined {
  if (flag !== undefined) return resolve(cwd, flag)
  const implicit = resolve(cwd, 'Dockerfile')
  return existsSync(implicit) ? implicit : undefined
}

/** The result cache directory: none with `--no-cache`, else `--cache-dir`, else the default. */
export function cacheDirFlag(
  flags: {noCache: boolean; cacheDir?: string},
  io: Pick<CliIo, 'cwd' | 'env'>
): string | undefined {
  if (flags.noCache) return undefined
  return flags.cacheDir !== undefined ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(io.env)
}
