import {resolve} from 'node:path'
import {checkUserFile, defaultCacheDir, sanitizeForDisplay} from '@scapgate/core'
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
  /** `env` only for commands whose arguments may come from `SCAPGATE_*` variables (`scan`). */
  parse: (argv: readonly string[], env?: Readonly<Record<string, string | undefined>>) => T
  /** Returns the exit code; never calls process.exit. */
  run: (command: T, io: CliIo) => Promise<number>
}

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * `util.parseArgs` in strict mode, with its errors turned into {@link UsageError}s. A flag that
 * takes one value and is given twice with different values is a usage error (`--fail-on high
 * --fail-on never` used to take the weaker gate silently); the same value twice is accepted.
 */
export function parseFlags<O extends Options>(argv: readonly string[], options: O) {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options,
      tokens: true
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const seen = new Map<string, string>()
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue
    if (options[token.name]?.multiple === true) continue
    const before = seen.get(token.name)
    if (before !== undefined && before !== token.value) {
      throw new UsageError(
        `Expected \`--${token.name}\` once, got it twice with different values: \`${sanitizeForDisplay(before, 100)}\` and \`${sanitizeForDisplay(token.value, 100)}\``
      )
    }
    seen.set(token.name, token.value)
  }
  return {values: parsed.values, positionals: parsed.positionals}
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

/**
 * A given `--dockerfile` (or `SCAPGATE_DOCKERFILE`), relative to `cwd`, must exist and be a
 * regular file within the rules of docs/input-files.md (exit 2 otherwise; it used to be a warning).
 */
export async function checkDockerfile(given: string, cwd: string): Promise<void> {
  await checkUserFile({
    path: resolve(cwd, given),
    display: given,
    kind: 'dockerfile',
    origin: 'command-line',
    workspace: cwd
  })
}

/**
 * `./Dockerfile` when there is one: the LAST default, used only when neither the options nor the
 * policy name a Dockerfile (`resolveImageSettings`). An absent one is silent; one that is there
 * must pass the same checks, within the workspace (docs/input-files.md).
 */
export async function implicitDockerfile(cwd: string): Promise<{implicitDockerfile?: string}> {
  const implicit = await checkUserFile({
    path: resolve(cwd, 'Dockerfile'),
    display: 'Dockerfile',
    kind: 'dockerfile',
    origin: 'workspace',
    workspace: cwd,
    flag: 'found in the workspace',
    optional: true
  })
  return implicit === undefined ? {} : {implicitDockerfile: implicit.path}
}

/** The result cache directory: none with `--no-cache`, else `--cache-dir`, else the default. */
export function cacheDirFlag(
  flags: {noCache: boolean; cacheDir?: string},
  io: Pick<CliIo, 'cwd' | 'env'>
): string | undefined {
  if (flags.noCache) return undefined
  return flags.cacheDir !== undefined ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(io.env)
}

/** `report`'s `--dockerfile` (no policy there): the given one, else the implicit one. */
export async function dockerfileFlag(
  flag: string | undefined,
  cwd: string
): Promise<string | undefined> {
  if (flag === undefined) return (await implicitDockerfile(cwd)).implicitDockerfile
  await checkDockerfile(flag, cwd)
  return resolve(cwd, flag)
}
