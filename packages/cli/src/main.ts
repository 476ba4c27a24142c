import {getErrorMessage} from '@scapgate/core'
import {parseCommand, usage, type Command} from './args.js'
import {ExitCode, UsageError, exitCodeForError} from './exit-codes.js'
import {runScan} from './scan-command.js'
import {printVersion} from './version-command.js'

export interface CliIo {
  stdout: NodeJS.WritableStream & {isTTY?: boolean}
  stderr: NodeJS.WritableStream & {isTTY?: boolean}
  env: NodeJS.ProcessEnv
  cwd: string
  /** Aborted on SIGINT/SIGTERM; the scan cleans up and the CLI exits 130. */
  signal: AbortSignal
}

/** Runs one CLI invocation and returns its exit code. Never calls process.exit. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let command: Command
  try {
    command = parseCommand(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`scapgate: ${error.message}\n\n${usage}`)
      return ExitCode.Usage
    }
    throw error
  }
  switch (command.command) {
    case 'help':
      io.stdout.write(usage)
      return ExitCode.GatePassed
    case 'version':
      await printVersion(io)
      return ExitCode.GatePassed
    case 'scan':
      return runScan(command, io)
  }
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
    if (error instanceof Error && error.stack !== undefined && process.env['SCAPGATE_DEBUG']) {
      process.stderr.write(`${error.stack}\n`)
    }
    process.exitCode = exitCodeForError(error)
  }
}
