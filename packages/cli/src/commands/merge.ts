import {resolve} from 'node:path'
import {getErrorMessage, mergeFleet, optionDefault, optionsFromNames} from '@scapgate/core'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {readImagesFile} from '../gate-run.js'

export interface MergeCommand {
  dirs: string[]
  out: string
  imagesFile?: string
  expect: string[]
  /** `--allow-mixed`; without it `SCAPGATE_ALLOW_MIXED` decides when the command runs. */
  allowMixed: boolean
  quiet: boolean
}

const usage = `Usage: scapgate merge DIR... [options]

Fan in: one verdict, one summary.md and one exit code over the output sets of a fleet's matrix
jobs (docs/fleets.md). Each DIR is a job's --out, or a directory holding several (downloaded
artifacts). Every results.json is validated; a scan that did not complete, a results.json that
does not validate, and an expected image without results never pass. Each image keeps its own
SARIF in its job's set.

Options
  --out DIR          where the merged results.json (the fleet verdict) and summary.md go
                     (default ./scapgate-fleet)
  --images FILE      the images the plan scheduled, one per line: each must have results
  --expect IMAGE     one image that must have results (repeatable)
  --allow-mixed      merge results from different commits or policies (refused by default;
                     also SCAPGATE_ALLOW_MIXED=true, docs/options.md)
  --quiet            no summary on stdout

Exit codes: 0 every image passed, 1 some image failed, 2 usage or configuration error (refused
inputs), 3 some image was not judged (its scan did not complete, or it left no valid results).
`

export function parseMerge(argv: readonly string[]): MergeCommand {
  const {values, positionals} = parseFlags(argv, {
    out: {type: 'string'},
    images: {type: 'string'},
    expect: {type: 'string', multiple: true},
    'allow-mixed': {type: 'boolean'},
    quiet: {type: 'boolean'}
  })
  rejectEmpty(values, ['out', 'images'])
  if (positionals.length === 0)
    throw new UsageError('Expected at least one DIR (a job output set) after `merge`, got none')
  return {
    dirs: positionals,
    out: values.out ?? 'scapgate-fleet',
    ...(values.images === undefined ? {} : {imagesFile: values.images}),
    expect: values.expect ?? [],
    allowMixed: values['allow-mixed'] === true,
    quiet: values.quiet === true
  }
}

export async function runMerge(command: MergeCommand, io: CliIo): Promise<number> {
  try {
    const expect = [...command.expect]
    if (command.imagesFile !== undefined)
      expect.push(
        ...(await readImagesFile(resolve(io.cwd, command.imagesFile), io.cwd, command.imagesFile))
      )
    const {document, summaryMarkdown} = await mergeFleet({
      dirs: command.dirs,
      expect,
      allowMixed:
        command.allowMixed ||
        (optionsFromNames('env', name => io.env[name], ['allowMixed']).values.allowMixed ??
          optionDefault('allowMixed')),
      cwd: io.cwd,
      outDir: command.out,
      logger: createConsoleLogger({stream: io.stderr, verbose: false, quiet: command.quiet}),
      signal: io.signal
    })
    if (!command.quiet) io.stdout.write(`${summaryMarkdown}\n`)
    const {status, summary} = document.gate
    io.stdout.write(
      `scapgate merge: ${status === 'pass' ? 'fleet gate passed' : status === 'fail' ? 'fleet gate FAILED' : 'fleet gate FAILED: not every image was judged'} (${summary})\n`
    )
    io.stderr.write(`Outputs in ${resolve(io.cwd, command.out)}\n`)
    return status === 'pass'
      ? ExitCode.GatePassed
      : status === 'fail'
        ? ExitCode.GateFailed
        : ExitCode.ScanIncomplete
  } catch (error) {
    io.stderr.write(`scapgate merge: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
}

export const mergeCommandSpec: CommandSpec<MergeCommand> = {
  name: 'merge',
  summary: 'merge the output sets of matrix jobs into one verdict',
  usage,
  parse: parseMerge,
  run: runMerge
}
