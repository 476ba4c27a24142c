import {getErrorMessage} from '@scapgate/core'
import type {CliIo} from './command.js'
import {commands} from './commands/index.js'
import {printVersion} from './commands/version.js'
import {ExitCode, UsageError, exitCodeForError} from './exit-codes.js'

export type {CliIo} from './command.js'

function topUsage(): string {
  const width = Math.max(...commands.map(c => c.name.length))
  return `Usage: scapgate COMMAND [options]

Commands
${commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

  scapgate COMMAND --help     options of a command
  scapgate --version          versions of scapgate, oscap and the SCAP content

Exit codes
  0  the gate passed
  1  the gate failed
  2  usage or configuration error
  3  the scan could not complete (bad image, oscap error, timeout)
  130  interrupted
`
}

/** Runs one CLI invocation and returns its exit code. Never calls process.exit. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv
  if (first === '--version' || first === 'version') {
    await printVersion(io)
    return ExitCode.GatePassed
  }
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(topUsage())
    return ExitCode.GatePassed
  }
  const spec = commands.find(c => c.name === first)
  if (spec === undefined) {
    io.stderr.write(
      `scapgate: Expected a command (${commands.map(c => c.name).join(', ')}), got \`${first}\`\n\n${topUsage()}`
    )
    return ExitCode.Usage
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(spec.usage)
    return ExitCode.GatePassed
  }
  let command: unknown
  try {
    command = spec.parse(rest, io.env)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`scapgate ${spec.name}: ${error.message}\n\n${spec.usage}`)
      return ExitCode.Usage
    }
    throw error
  }
  return spec.run(command, io)
}

/** Turns any stray throw into one clear line and a documented exit code. */
export async function runWrapper(): Promise<void> {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      // A second Ctrl-C: stop waiting for cleanup.
      process.exit(ExitCode.Interrupted)
    }
    process.stderr.write(`\nscapgate: ${signal} received, cleaning up…\n`)
    controller.abort(new Error(signal))
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    process.exitCode = await run(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: controller.signal
    })
  } catch (error) {
    process.stderr.write(`scapgate: internal error: ${getErrorMessage(error)}\n`)
    if (
      error instanceof Error &&
      error.stack !== undefined &&
      process.env['SCAPGATE_DEBUG'] === '1'
    ) {
      process.stderr.write(`${error.stack}\n`)
    }
    process.exitCode = exitCodeForError(error)
  }
}
