/**
 * The policy-aware part of `scapgate scan`: loads the policy, reads `--images`, scans one or
 * several images through `scanImages`, prints the verdict and returns the exit code. With one
 * image the outputs and the console text are what they were before policies existed; its error is
 * rethrown so that `runScan` reports it as always.
 */
import {availableParallelism} from 'node:os'
import {
  ConfigurationError,
  getErrorMessage,
  loadPolicy,
  readUserText,
  runGate,
  type ImageOutcome,
  type ScanImagesOptions
} from '@scapgate/core'

import {cacheDirFlag, type CliIo} from './command.js'
import {ExitCode, exitCodeForError} from './exit-codes.js'

/** What the run needs besides the scan options: the image list, the policy, the cache. */
export interface GateFlags {
  images: string[]
  /** `--images FILE`, absolute, and as the user wrote it. */
  imagesFile?: {path: string; display: string}
  policy?: string
  noCache: boolean
  cacheDir?: string
  concurrency?: number
  quiet: boolean
}

/**
 * `--images FILE`: one image per line; blank lines and `#` comments ignored. Read through
 * `readUserText` (a regular file of at most 1 MiB, never a FIFO or a link out of the workspace).
 */
export async function readImagesFile(path: string, cwd: string, display = path): Promise<string[]> {
  const text = await readUserText({
    path,
    display,
    kind: 'images',
    origin: 'command-line',
    workspace: cwd
  })
  return text
    .split(/\r?\n/)
    .map(line => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(line => line !== '')
}

type BaseOptions = Omit<ScanImagesOptions, 'images' | 'policy' | 'cacheDir' | 'concurrency' | 'now'>

function exitCodeFor(outcomes: readonly ImageOutcome[]): number {
  const codes = outcomes.filter(o => o.error !== undefined).map(o => exitCodeForError(o.error))
  if (codes.includes(ExitCode.Interrupted)) return ExitCode.Interrupted
  if (codes.includes(ExitCode.ScanIncomplete)) return ExitCode.ScanIncomplete
  if (codes.length > 0) return codes[0] as number
  return outcomes.every(o => o.outcome?.verdict.status === 'pass')
    ? ExitCode.GatePassed
    : ExitCode.GateFailed
}

export async function runGatedScan(
  flags: GateFlags,
  base: BaseOptions,
  io: CliIo,
  finishProgress: () => void
): Promise<number> {
  const images = [...flags.images]
  if (flags.imagesFile !== undefined)
    images.push(...(await readImagesFile(flags.imagesFile.path, io.cwd, flags.imagesFile.display)))
  if (images.length === 0)
    throw new ConfigurationError(
      `Expected at least one image in \`--images\` ${flags.imagesFile?.display ?? ''}, found none`
    )
  const policy = await loadPolicy({path: flags.policy, cwd: io.cwd})
  const cacheDir = cacheDirFlag(flags, io)
  const {
    outcomes,
    status,
    summaryMarkdown: summary
  } = await runGate({
    ...base,
    images,
    ...(policy === undefined ? {} : {policy}),
    ...(cacheDir === undefined ? {} : {cacheDir}),
    concurrency: flags.concurrency ?? availableParallelism(),
    now: new Date()
  })
  finishProgress()

  if (images.length === 1) {
    const only = outcomes[0]
    if (only?.outcome === undefined) throw only?.error ?? new Error('no outcome')
    const {verdict, summaryMarkdown, outDir} = only.outcome
    if (!flags.quiet) io.stdout.write(`${summaryMarkdown}\n`)
    io.stdout.write(
      verdict.status === 'pass'
        ? `scapgate: gate passed (${only.image})\n`
        : `scapgate: gate FAILED (${only.image}): ${verdict.reasons.map(r => r.message).join('; ')}\n`
    )
    io.stderr.write(`Outputs in ${outDir}\n`)
    return verdict.status === 'pass' ? ExitCode.GatePassed : ExitCode.GateFailed
  }

  // runGate wrote the same summary into --out, atomically and under the directory's lock.
  if (!flags.quiet) io.stdout.write(`${summary}\n`)
  for (const o of outcomes) {
    if (o.error !== undefined)
      io.stderr.write(
        `scapgate: ${o.image}: the scan could not complete: ${getErrorMessage(o.error)}\n`
      )
    else
      io.stdout.write(
        `scapgate: gate ${o.outcome?.verdict.status === 'pass' ? 'passed' : 'FAILED'} (${o.image})\n`
      )
  }
  io.stdout.write(
    `scapgate: ${status === 'pass' ? 'gate passed' : status === 'fail' ? 'gate FAILED' : 'gate FAILED: not every image was scanned'} (${images.length} images)\n`
  )
  io.stderr.write(`Outputs in ${base.outDir}\n`)
  return exitCodeFor(outcomes)
}
