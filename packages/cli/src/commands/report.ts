import {resolve} from 'node:path'
import {
  checkOutDir,
  checkUserFile,
  failOnValues,
  getErrorMessage,
  loadEnvironment,
  optionDefault,
  parsePlatform,
  reportFromArf,
  type FailOn,
  type ReportOutcome
} from '@scapgate/core'
import {
  dockerfileFlag,
  oneOf,
  parseFlags,
  rejectEmpty,
  type CliIo,
  type CommandSpec
} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {scapgateVersion} from '../version.js'

export interface ReportCommand {
  arf: string
  dockerfile?: string
  image?: string
  platform?: string
  out: string
  failOn: FailOn
  noOscap: boolean
  verbose: boolean
  quiet: boolean
}

const usage = `Usage: scapgate report ARF.xml [options]

Render every output (results.json, results.sarif, junit.xml, codequality.json, summary.md,
report.html, fixes/) from an existing ARF, without scanning again.

Findings point at the Dockerfile instruction that caused them only when the layers can be read:
give the scanned image with --image. Without it, every finding points at the Dockerfile's final
FROM line and says that no layer bookkeeping was available. When results.json sits beside the ARF
(a scapgate output directory), the image names come from it, so fingerprints match the scan's.

Options
  --dockerfile PATH     Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --image IMAGE         the scanned image (docker-archive:…, oci-archive:…, oci:…), for blame
  --platform os/arch    platform to pick from a multi-platform --image
  --out DIR             output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                        gate threshold (default: medium)
  --no-oscap            do not run oscap (no report.html, no fixes/)
  --verbose, --quiet
`

export function parseReport(argv: readonly string[]): ReportCommand {
  const {values, positionals} = parseFlags(argv, {
    dockerfile: {type: 'string'},
    image: {type: 'string'},
    platform: {type: 'string'},
    out: {type: 'string'},
    'fail-on': {type: 'string'},
    'no-oscap': {type: 'boolean'},
    verbose: {type: 'boolean'},
    quiet: {type: 'boolean'}
  })
  if (positionals.length !== 1) {
    throw new UsageError(
      `Expected one ARF file after \`report\`, got ${positionals.length === 0 ? 'nothing' : positionals.join(' ')}`
    )
  }
  rejectEmpty(values, ['dockerfile', 'image', 'platform', 'out'])
  return {
    arf: positionals[0] as string,
    dockerfile: values.dockerfile,
    image: values.image,
    platform: values.platform,
    out: values.out ?? optionDefault('out'),
    failOn: oneOf('--fail-on', values['fail-on'] ?? optionDefault('failOn'), failOnValues),
    noOscap: values['no-oscap'] === true,
    verbose: values.verbose === true,
    quiet: values.quiet === true
  }
}

/** `scapgate report`: outputs from an ARF; exit codes as for `scan`. */
export async function runReport(command: ReportCommand, io: CliIo): Promise<number> {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  })
  const arfPath = resolve(io.cwd, command.arf)
  const environment = loadEnvironment(io.env)
  let outcome: ReportOutcome
  try {
    // The ARF, the Dockerfile and --out are checked before anything is read or written
    // (docs/input-files.md): a FIFO or a link out of the workspace is refused, not followed.
    await checkUserFile({
      path: arfPath,
      display: command.arf,
      kind: 'arf',
      origin: 'command-line',
      workspace: io.cwd
    })
    const dockerfile = await dockerfileFlag(command.dockerfile, io.cwd)
    await checkOutDir(resolve(io.cwd, command.out), command.out)
    outcome = await reportFromArf({
      arfPath,
      outDir: resolve(io.cwd, command.out),
      ...(dockerfile === undefined ? {} : {dockerfile}),
      ...(command.image === undefined ? {} : {image: command.image}),
      ...(command.platform === undefined ? {} : {platform: parsePlatform(command.platform)}),
      failOn: command.failOn,
      skipOscap: command.noOscap,
      cwd: io.cwd,
      tmpDir: environment.tmpDir,
      ...(environment.oscapPath === undefined ? {} : {oscapPath: environment.oscapPath}),
      toolVersion: scapgateVersion,
      logger,
      signal: io.signal
    })
  } catch (error) {
    io.stderr.write(`scapgate report: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
  if (!command.quiet) io.stdout.write(`${outcome.summaryMarkdown}\n`)
  io.stderr.write(`Outputs in ${resolve(io.cwd, command.out)}\n`)
  return outcome.verdict.status === 'pass' ? ExitCode.GatePassed : ExitCode.GateFailed
}

export const reportCommandSpec: CommandSpec<ReportCommand> = {
  name: 'report',
  summary: 'render every output from an existing ARF, without rescanning',
  usage,
  parse: parseReport,
  run: runReport
}
