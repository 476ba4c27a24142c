import {writeFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {parseHistory, readUserText, terminalText, trendSvg, trendText} from '@scapgate/core'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError} from '../exit-codes.js'

export interface TrendCommand {
  history: string
  svg?: string
}

const usage = `Usage: scapgate trend HISTORY [--svg FILE]

Print the compliance score of the last runs as a text chart, from a history.json that
\`scapgate scan --history\` wrote (docs/trend.md), and optionally write it as an SVG.

Options
  --svg FILE        also write the chart as a standalone SVG (for Jenkins' archived report)

Exit codes: 0 printed; 2 the history is missing or invalid.
`

export function parseTrend(argv: readonly string[]): TrendCommand {
  const {values, positionals} = parseFlags(argv, {svg: {type: 'string'}})
  if (positionals.length !== 1)
    throw new UsageError(
      `Expected one HISTORY argument after \`trend\`, got ${positionals.length === 0 ? 'none' : positionals.join(' ')}`
    )
  rejectEmpty(values, ['svg'])
  return {history: positionals[0] as string, ...(values.svg === undefined ? {} : {svg: values.svg})}
}

/** `scapgate trend`: the history's chart on stdout, the SVG with --svg. */
export async function runTrend(command: TrendCommand, io: CliIo): Promise<number> {
  const text = await readUserText({
    path: resolve(io.cwd, command.history),
    display: command.history,
    kind: 'history',
    origin: 'command-line',
    workspace: io.cwd
  })
  const history = parseHistory(text, command.history)
  io.stdout.write(
    terminalText(
      `Compliance score: ${history.image} · ${history.profile.replace(/^.*_profile_/, '')}\n\n${trendText(history)}`
    )
  )
  if (command.svg !== undefined) {
    await writeFile(resolve(io.cwd, command.svg), trendSvg(history))
    io.stderr.write(`SVG written to ${terminalText(command.svg)}\n`)
  }
  return ExitCode.GatePassed
}

export const trendCommandSpec: CommandSpec<TrendCommand> = {
  name: 'trend',
  summary: 'print the compliance score history as a chart (text, and SVG with --svg)',
  usage,
  parse: parseTrend,
  run: runTrend
}
