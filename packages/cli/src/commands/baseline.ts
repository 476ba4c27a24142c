import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {
  absolutePaths,
  baselineFromResults,
  getErrorMessage,
  loadEnvironment,
  optionDefault,
  optionsFromFlags,
  readBaseline,
  runGate,
  serializeBaseline,
  type BaselineData
} from '@scapgate/core'
import {cacheDirFlag, parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {createProgress} from '../progress.js'
import {scapgateVersion} from '../version.js'

/** Scan options shared by `baseline` and `compare` when they scan images. */
export interface ScanFlags {
  content?: string
  profile?: string
  tailoring?: string
  cacheDir?: string
  noCache: boolean
  verbose: boolean
}

export const scanFlagSpec = {
  content: {type: 'string'},
  profile: {type: 'string'},
  tailoring: {type: 'string'},
  'cache-dir': {type: 'string'},
  'no-cache': {type: 'boolean'},
  verbose: {type: 'boolean'}
} as const

export function readScanFlags(values: Record<string, string | boolean | undefined>): ScanFlags {
  rejectEmpty(values, ['content', 'profile', 'tailoring', 'cache-dir'])
  const text = (key: string): string | undefined => {
    const value = values[key]
    return typeof value === 'string' ? value : undefined
  }
  return {
    ...(text('content') === undefined ? {} : {content: text('content')}),
    ...(text('profile') === undefined ? {} : {profile: text('profile')}),
    ...(text('tailoring') === undefined ? {} : {tailoring: text('tailoring')}),
    ...(text('cache-dir') === undefined ? {} : {cacheDir: text('cache-dir')}),
    noCache: values['no-cache'] === true,
    verbose: values['verbose'] === true
  }
}

const imageTransport = /^(docker-archive|oci-archive|oci|docker-daemon|podman):|^docker:\/\//

/** True when the argument names an image (a transport prefix) rather than a results file. */
export function isImageArgument(arg: string): boolean {
  return imageTransport.test(arg)
}

/**
 * Scans `images` (no policy, gate off) into a temporary directory and returns their results as
 * baselines, in order. Uses the result cache like `scan`. Throws the first image's error.
 */
export async function scanToBaselines(
  images: readonly string[],
  flags: ScanFlags,
  io: CliIo
): Promise<BaselineData[]> {
  const logger = createConsoleLogger({stream: io.stderr, verbose: flags.verbose, quiet: false})
  const progress = createProgress(io.stderr, false)
  const out = await mkdtemp(join(tmpdir(), 'scapgate-baseline-'))
  try {
    const cacheDir = cacheDirFlag(flags, io)
    // No policy and no gate: every rule result is recorded, whatever it is.
    const given = optionsFromFlags({
      ...(flags.content === undefined ? {} : {content: flags.content}),
      ...(flags.profile === undefined ? {} : {profile: flags.profile}),
      ...(flags.tailoring === undefined ? {} : {tailoring: flags.tailoring}),
      'fail-on': 'never',
      mode: 'absolute'
    })
    const {outcomes} = await runGate({
      images: [...images],
      outDir: out,
      given: absolutePaths(given, io.cwd),
      timeoutMs: optionDefault('timeout') * 1000,
      environment: loadEnvironment(io.env),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal,
      ...(cacheDir === undefined ? {} : {cacheDir}),
      concurrency: 2,
      now: new Date()
    })
    progress.finish()
    return outcomes.map(o => {
      if (o.outcome === undefined) throw o.error
      return baselineFromResults(o.outcome.results, o.image)
    })
  } finally {
    await rm(out, {recursive: true, force: true})
  }
}

export interface BaselineCommand {
  source: string
  output?: string
  scan: ScanFlags
}

const usage = `Usage: scapgate baseline IMAGE|RESULTS [--output FILE] [options]

Write a baseline file for \`scan --baseline\`: one line per rule with its result, sorted, no
timestamps, so that it is small, stable and diffs well. Commit it, or keep it in CI storage.

IMAGE is scanned (the result cache applies); RESULTS is an earlier results.json, ARF or baseline.

Options
  --output FILE          where to write it (default: stdout)
  --content DS.xml, --profile ID, --tailoring FILE, --cache-dir DIR, --no-cache, --verbose
                         as for \`scan\`
`

export function parseBaselineCommand(argv: readonly string[]): BaselineCommand {
  const {values, positionals} = parseFlags(argv, {...scanFlagSpec, output: {type: 'string'}})
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one IMAGE or RESULTS argument after \`baseline\`, got ${positionals.length}`
    )
  }
  rejectEmpty(values, ['output'])
  return {
    source: positionals[0] as string,
    ...(values.output === undefined ? {} : {output: values.output}),
    scan: readScanFlags(values)
  }
}

export async function runBaseline(command: BaselineCommand, io: CliIo): Promise<number> {
  try {
    const data = isImageArgument(command.source)
      ? (await scanToBaselines([command.source], command.scan, io))[0]
      : await readBaseline(resolve(io.cwd, command.source), command.source, {
          workspace: io.cwd,
          flag: 'RESULTS'
        })
    const text = serializeBaseline(data as BaselineData)
    if (command.output === undefined) io.stdout.write(text)
    else {
      await writeFile(resolve(io.cwd, command.output), text)
      io.stderr.write(
        `Baseline of ${command.source} written to ${command.output} (${(data as BaselineData).rules.size} rules)\n`
      )
    }
    return ExitCode.GatePassed
  } catch (error) {
    io.stderr.write(`scapgate baseline: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
}

export const baselineCommandSpec: CommandSpec<BaselineCommand> = {
  name: 'baseline',
  summary: 'write a small, stable baseline file from a scan or a results.json',
  usage,
  parse: parseBaselineCommand,
  run: runBaseline
}
