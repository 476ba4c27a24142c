import {resolve} from 'node:path'
import {
  absolutePaths,
  ConfigurationError,
  firstGiven,
  getErrorMessage,
  loadEnvironment,
  loadPolicy,
  optionDefault,
  optionsFromEnvironment,
  optionsFromFlags,
  rejudgeDigests,
  type Given,
  type OptionKey
} from '@scapgate/core'
import {cacheDirFlag, parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {readImagesFile} from '../gate-run.js'

export interface RejudgeCommand {
  digests: string[]
  digestsFile?: string
  /** The table's options given as flags (`--policy`, `--fail-on`, the CVE options, …). */
  flags: Given
  out: string
  quiet: boolean
}

/**
 * The option table's settings that re-judging uses: the judgement's own (policy, thresholds, CVE
 * options) and where the records are. Their `SCAPGATE_*` variables count too, under the flags.
 */
const rejudgeOptions: readonly OptionKey[] = [
  'policy',
  'failOn',
  'cves',
  'feed',
  'feedCache',
  'maxFeedAge',
  'cveFailOn',
  'ignoreUnfixed',
  'cacheDir',
  'timeout'
]

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
  --timeout SECONDS     time limit of each oscap run (default 1800)
  --out DIR             default ./scapgate-rejudge
  --quiet               no summary on stdout

Exit codes: 0 every image passes, 1 some image fails, 2 usage or configuration error, 3 some
digest could not be re-judged (nothing recorded for it, or the CVE evaluation failed).

The options above are those of \`scan\` (docs/options.md): each also reads its SCAPGATE_* variable
(SCAPGATE_POLICY, SCAPGATE_FAIL_ON, SCAPGATE_CVES, SCAPGATE_FEED, SCAPGATE_CACHE_DIR, …), under
the flag, and they are resolved over the policy as a scan's are.
`

export function parseRejudge(argv: readonly string[]): RejudgeCommand {
  const {values, positionals} = parseFlags(argv, {
    digests: {type: 'string'},
    policy: {type: 'string'},
    'fail-on': {type: 'string'},
    out: {type: 'string'},
    'cache-dir': {type: 'string'},
    timeout: {type: 'string'},
    cves: {type: 'boolean'},
    feed: {type: 'string'},
    'feed-cache': {type: 'string'},
    'max-feed-age': {type: 'string'},
    'cve-fail-on': {type: 'string'},
    'ignore-unfixed': {type: 'boolean'},
    quiet: {type: 'boolean'}
  })
  rejectEmpty(values, ['digests', 'out'])
  if (positionals.length === 0 && values.digests === undefined)
    throw new UsageError(
      'Expected at least one DIGEST (or --digests FILE) after `rejudge`, got none'
    )
  // `--out` is rejudge's own (its default differs from scan's); the rest are the table's.
  const {out, ...tableFlags} = values
  let flags: Given
  try {
    flags = optionsFromFlags(tableFlags)
  } catch (error) {
    throw new UsageError(getErrorMessage(error))
  }
  return {
    digests: positionals,
    ...(values.digests === undefined ? {} : {digestsFile: values.digests}),
    flags,
    out: out ?? 'scapgate-rejudge',
    quiet: values.quiet === true
  }
}

/** Only the settings rejudge takes, from one source. */
function only(given: Given, keys: readonly OptionKey[]): Given {
  const picked: Given = {values: {}, from: {}}
  for (const key of keys) {
    if (given.values[key] === undefined) continue
    ;(picked.values as Record<string, unknown>)[key] = given.values[key]
    picked.from[key] = given.from[key]
  }
  return picked
}

export async function runRejudge(command: RejudgeCommand, io: CliIo): Promise<number> {
  try {
    const digests = [...command.digests]
    if (command.digestsFile !== undefined)
      digests.push(
        ...(await readImagesFile(resolve(io.cwd, command.digestsFile), io.cwd, command.digestsFile))
      )
    // Flags over SCAPGATE_* variables, then the policy and the table's defaults: the scan's
    // resolver, in core (docs/options.md).
    const written = firstGiven(command.flags, only(optionsFromEnvironment(io.env), rejudgeOptions))
    const given = absolutePaths(written, io.cwd)
    const g = given.values
    const cacheDir = cacheDirFlag(
      {noCache: false, ...(g.cacheDir === undefined ? {} : {cacheDir: g.cacheDir})},
      io
    )
    if (cacheDir === undefined)
      throw new ConfigurationError(
        'Expected a cache directory (--cache-dir, SCAPGATE_CACHE_DIR, XDG_CACHE_HOME or HOME), found none'
      )
    const policy = await loadPolicy({path: g.policy, cwd: io.cwd})
    const outcomes = await rejudgeDigests({
      digests,
      cacheDir,
      ...(policy === undefined ? {} : {policy}),
      given,
      outDir: resolve(io.cwd, command.out),
      environment: loadEnvironment(io.env),
      timeoutMs: (g.timeout ?? optionDefault('timeout')) * 1000,
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
