import {resolve} from 'node:path'
import {
  classifyRules,
  defaultCountAs,
  getErrorMessage,
  readBaseline,
  type BaselineData
} from '@scapgate/core'
import {parseFlags, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {
  isImageArgument,
  readScanFlags,
  scanFlagSpec,
  scanToBaselines,
  type ScanFlags
} from './baseline.js'

export interface CompareCommand {
  before: string
  after: string
  json: boolean
  scan: ScanFlags
}

const kinds = [
  'new-failure',
  'regression',
  'fixed',
  'newly-not-applicable',
  'new-rule',
  'still-failing'
] as const

const usage = `Usage: scapgate compare A B [options]

Compare two scans for drift between releases: A is the earlier one. Each of A and B is an image
(scanned, with the result cache) or an earlier results.json, ARF or baseline file. Lists new
failures, regressions (could not be checked any more), fixed rules, newly not applicable rules,
new rules and the score change.

Exit codes: 0 no new failure or regression, 1 some, 2 usage error, 3 a scan did not complete.

Options
  --json                 the comparison as JSON on stdout
  --content DS.xml, --profile ID, --tailoring FILE, --cache-dir DIR, --no-cache, --verbose
                         as for \`scan\`, for the images
`

export function parseCompare(argv: readonly string[]): CompareCommand {
  const {values, positionals} = parseFlags(argv, {...scanFlagSpec, json: {type: 'boolean'}})
  if (positionals.length !== 2) {
    throw new UsageError(
      `Expected two arguments (A B) after \`compare\`, got ${positionals.length}`
    )
  }
  return {
    before: positionals[0] as string,
    after: positionals[1] as string,
    json: values.json === true,
    scan: readScanFlags(values)
  }
}

async function load(args: readonly string[], flags: ScanFlags, io: CliIo): Promise<BaselineData[]> {
  const images = args.filter(isImageArgument)
  const scanned = images.length === 0 ? [] : await scanToBaselines(images, flags, io)
  return Promise.all(
    args.map(arg =>
      isImageArgument(arg)
        ? Promise.resolve(scanned[images.indexOf(arg)] as BaselineData)
        : readBaseline(resolve(io.cwd, arg), arg, {workspace: io.cwd, flag: 'A B'})
    )
  )
}

export async function runCompare(command: CompareCommand, io: CliIo): Promise<number> {
  let before: BaselineData
  let after: BaselineData
  try {
    ;[before, after] = (await load([command.before, command.after], command.scan, io)) as [
      BaselineData,
      BaselineData
    ]
  } catch (error) {
    io.stderr.write(`scapgate compare: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
  const changes = classifyRules(after.rules, before.rules, defaultCountAs)
  const byKind = Object.fromEntries(
    kinds.map(kind => [
      kind,
      [...changes]
        .filter(([, k]) => k === kind)
        .map(([id]) => id)
        .sort()
    ])
  )
  const worse = (byKind['new-failure']?.length ?? 0) + (byKind['regression']?.length ?? 0)
  if (command.json) {
    io.stdout.write(
      `${JSON.stringify({before: {source: before.source, score: before.score}, after: {source: after.source, score: after.score}, changes: byKind}, null, 2)}\n`
    )
  } else {
    const score = (s: number | undefined): string => (s === undefined ? 'n/a' : s.toFixed(2))
    const lines = [
      `## scapgate compare`,
      '',
      `${before.source} → ${after.source}: score ${score(before.score)} → ${score(after.score)}`,
      ''
    ]
    for (const kind of kinds) {
      const ids = byKind[kind] ?? []
      lines.push(
        `- ${kind}: ${ids.length}${
          ids.length > 0 && kind !== 'still-failing'
            ? ` (${ids
                .slice(0, 50)
                .map(id => id.replace(/^.*_rule_/, ''))
                .join(', ')}${ids.length > 50 ? ', …' : ''})`
            : ''
        }`
      )
    }
    io.stdout.write(`${lines.join('\n')}\n`)
  }
  if (
    before.profileId !== undefined &&
    after.profileId !== undefined &&
    before.profileId !== after.profileId
  ) {
    io.stderr.write(
      `scapgate compare: warning: the profiles differ (${before.profileId} vs ${after.profileId})\n`
    )
  }
  return worse > 0 ? ExitCode.GateFailed : ExitCode.GatePassed
}

export const compareCommandSpec: CommandSpec<CompareCommand> = {
  name: 'compare',
  summary: 'compare two images or two results for drift',
  usage,
  parse: parseCompare,
  run: runCompare
}
