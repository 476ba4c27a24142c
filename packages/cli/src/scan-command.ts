import {existsSync} from 'node:fs'
import {resolve} from 'node:path'
import {
  ConfigurationError,
  getErrorMessage,
  loadEnvironment,
  parsePlatform,
  scanImage,
  type ScanOutcome
} from '@scapgate/core'
import type {ScanCommand} from './args.js'
import {createConsoleLogger} from './console-logger.js'
import {ExitCode, exitCodeForError} from './exit-codes.js'
import type {CliIo} from './main.js'
import {createProgress} from './progress.js'
import {scapgateVersion} from './version.js'

function defaultDockerfile(command: ScanCommand, cwd: string): string | undefined {
  if (command.dockerfile !== undefined) return resolve(cwd, command.dockerfile)
  const implicit = resolve(cwd, 'Dockerfile')
  return existsSync(implicit) ? implicit : undefined
}

/** `scapgate scan`: runs the core scan and turns its verdict (a value) into an exit code. */
export async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  const logger = createConsoleLogger({stream: io.stderr, verbose: command.verbose, quiet: command.quiet})
  const progress = createProgress(io.stderr, command.quiet)
  let outcome: ScanOutcome
  try {
    outcome = await scanImage({
      image: command.image,
      contentPath: command.content === undefined ? undefined : resolve(io.cwd, command.content),
      profile: command.profile,
      tailoringPath: command.tailoring === undefined ? undefined : resolve(io.cwd, command.tailoring),
      outDir: resolve(io.cwd, command.out),
      failOn: command.failOn,
      platform: command.platform === undefined ? undefined : parsePlatform(command.platform),
      timeoutMs: command.timeoutSeconds * 1000,
      environment: loadEnvironment(io.env),
      dockerfile: defaultDockerfile(command, io.cwd),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal
    })
  } catch (error) {
    progress.finish()
    const code = exitCodeForError(error)
    const kind =
      code === ExitCode.Usage
        ? error instanceof ConfigurationError
          ? 'configuration error'
          : 'usage error'
        : code === ExitCode.Interrupted
          ? 'interrupted'
          : 'the scan could not complete'
    io.stderr.write(`scapgate: ${kind}: ${getErrorMessage(error)}\n`)
    if (command.verbose && error instanceof Error && error.stack !== undefined) {
      io.stderr.write(`${error.stack}\n`)
    }
    return code
  }
  progress.finish()
  if (!command.quiet) io.stdout.write(`${outcome.summaryMarkdown}\n`)
  const {verdict} = outcome
  io.stdout.write(
    verdict.status === 'pass'
      ? `scapgate: gate passed (${command.image})\n`
      : `scapgate: gate FAILED (${command.image}): ${verdict.reasons.map(r => r.message).join('; ')}\n`
  )
  io.stderr.write(`Outputs in ${outcome.outDir}\n`)
  return verdict.status === 'pass' ? ExitCode.GatePassed : ExitCode.GateFailed
}
