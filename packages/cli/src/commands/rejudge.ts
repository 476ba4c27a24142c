import {resolve} from 'node:path'
import {
  ConfigurationError,
  failOnValues,
  getErrorMessage,
  loadEnvironment,
  loadPolicy,
  rejudgeDigests
} from '@scapgate/core'
import {
  cacheDirFlag,
  oneOf,
  parseFlags,
  rejectEmpty,
  type CliIo,
  type CommandSpec
} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {readImagesFile} from '../gate-run.js'
import {parseCveFlags} from './scan.js'

export interface RejudgeCommand {
  digests: string[]
  digestsFile?: string
  policy?: string
  failOn?: (typeof failOnValues)[number]
  out: string
  cacheDir?: string
  cves?: ReturnType<typeof parseCveFlags>
  quiet: boolean
}

const usage = `Usage: scapgate rejudge DIGEST... [options]

Apply today's policy, waivers and CVE feed to released images, by digest, without pulling or
extracting them (docs/fleets.md): every scan with the result cache on keeps what the verdict needs
per config and manifest digest. Writes results.json and summary.md per digest into
--out/<digest[0:12]>/ and an aggregated summary.md into --out.

Options
  --digests FILE        more digests, one per line
  --policy FILE         the policy to apply (default ./scapgate.yml)
  --fail-on SEVERITY    low|medium|high|never (wins over the policy)
  --cves, --feed FILE|URL, --feed-cache DIR, --max-feed-age DAYS, --cve-fail-on SEVERITY,
  --ignore-unfixed      as for \`scan\`: evaluate today's feed on the recorded packages
  --cache-dir DIR       where the scans kept their records (default: as for \`scan\`)
  --out DIR             default ./scapgate-rejudge
  --quiet               no summary on stdout

Exit codes: 0 every image passes, 1 some image fails, 2 usage or configuration error, 3 some
digest could not be re-judged (nothing recorded for it, or the CVE evaluation failed).
`

export function parseRejudge(argv: readonly string[]): RejudgeCommand {
  const {values, positionals} = parseFlags(argv, {
    digests: {type: 'string'},
    policy: {type: 'string'},
    'fail-on': {type: 'string'},
    out: {type: 'string'},
    'cache-dir': {type: 'string'},
    cves: {type: 'boolean'},
    feed: {type: 'string'},
    'feed-cache': {type: 'string'},
    'max-feed-age': {type: 'string'},
    'cve-fail-on': {type: 'string'},
    'ignore-unfixed': {type: 'boolean'},
    quiet: {type: 'boolean'}
  })
  rejectEmpty(values, ['digests', 'policy', 'fail-on', 'out', 'cache-dir'])
  if (positionals.length === 0 && values.digests === undefined)
    throw new UsageError(
      'Expected at least one DIGEST (or --digests FILE) after `rejudge`, got none'
    )
  const cves = parseCveFlags(values)
  return {
    digests: positionals,
    ...(values.digests === undefined ? {} : {digestsFile: values.digests}),
    ...(values.policy === undefined ? {} : {policy: values.policy}),
    ...(values['fail-on'] === undefined
      ? {}
      : {failOn: oneOf('--fail-on', values['fail-on'], failOnValues)}),
    out: values.out ?? 'scapgate-rejudge',
    ...(values['cache-dir'] === undefined ? {} : {cacheDir: values['cache-dir']}),
    ...(cves === undefined ? {} : {cves}),
    quiet: values.quiet === true
  }
}

export async function runRejudge(command: RejudgeCommand, io: CliIo): Promise<number> {
  try {
    const digests = [...command.digests]
    if (command.digestsFile !== undefined)
      digests.push(
        ...(await readImagesFile(resolve(io.cwd, command.digestsFile), io.cwd, command.digestsFile))
      )
    const cacheDir = cacheDirFlag({noCache: false, cacheDir: command.cacheDir}, io)
    if (cacheDir === undefined)
      throw new ConfigurationError(
        'Expected a cache directory (--cache-dir, SCAPGATE_CACHE_DIR, XDG_CACHE_HOME or HOME), found none'
      )
    const policy = await loadPolicy({path: command.policy, cwd: io.cwd})
    const outcomes = await rejudgeDigests({
      digests,
      cacheDir,
      ...(policy === undefined ? {} : {policy}),
      overrides: command.failOn === undefined ? {} : {failOn: command.failOn},
      ...(command.cves === undefined
        ? {}
        : {
            cves: {
              ...command.cves,
              ...(command.cves.feed === undefined || /^https?:\/\//i.test(command.cves.feed)
                ? {}
                : {feed: resolve(io.cwd, command.cves.feed)})
            }
          }),
      outDir: resolve(io.cwd, command.out),
      environment: loadEnvironment(io.env),
      timeoutMs: 1800 * 1000,
      logger: createConsoleLogger({stream: io.stderr, verbose: false, quiet: command.quiet}),
      signal: io.signal,
      now: new Date()
    })
    for (const o of outcomes) {
      if (o.verdict === undefined)
        io.stderr.write(`scapgate rejudge: ${o.digest}: ${getErrorMessage(o.error)}\n`)
      else
        io.stdout.write(
          `scapgate rejudge: ${o.verdict.status === 'pass' ? 'passes' : 'FAILS'} ${o.digest} (${o.results?.image.reference ?? ''}): ${o.verdict.summary}\n`
        )
    }
    io.stderr.write(`Outputs in ${resolve(io.cwd, command.out)}\n`)
    const broken = outcomes.filter(o => o.error !== undefined)
    if (broken.length > 0) return Math.max(...broken.map(o => exitCodeForError(o.error)))
    return outcomes.every(o => o.verdict?.status === 'pass')
      ? ExitCode.GatePassed
      : ExitCode.GateFailed
  } catch (error) {
    io.stderr.write(`scapgate rejudge: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
}

export const rejudgeCommandSpec: CommandSpec<RejudgeCommand> = {
  name: 'rejudge',
  summary: "apply today's policy and CVE feed to released digests without rescanning",
  usage,
  parse: parseRejudge,
  run: runRejudge
}
