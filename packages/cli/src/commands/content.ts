import {resolve} from 'node:path'
import {
  ConfigurationError,
  DEFAULT_CONTENT_DIR,
  defaultContentDirs,
  describeDataStream,
  explainContent,
  fetchContent,
  getErrorMessage,
  listContentEntries,
  listDataStreams,
  loadEnvironment,
  loadPolicy,
  parsePlatform,
  sanitizeForDisplay,
  sourceSettings,
  stripControls,
  type ScanEnvironment,
  type StoredDataStream
} from '@scapgate/core'
import {join} from 'node:path'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {createConsoleLogger} from '../console-logger.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {createProgress} from '../progress.js'

export type ContentCommand =
  | {action: 'list'; contentDir?: string; json: boolean}
  | {
      action: 'fetch'
      source: string
      contentDir?: string
      sha256?: string
      debianMirror?: string
      ssgReleases?: string
    }
  | {
      action: 'explain'
      image: string
      contentDir?: string
      profile?: string
      policy?: string
      platform?: string
    }

const usage = `Usage: scapgate content list [--content-dir DIR] [--json]
       scapgate content fetch SOURCE [--sha256 HEX] [--content-dir DIR]
       scapgate content explain IMAGE [--profile ID] [--policy FILE] [--content-dir DIR]

The SCAP content scapgate chooses from (docs/content.md).

list      the data streams installed (${DEFAULT_CONTENT_DIR}) and in the content
          store: product, SCAP Security Guide version, profiles
fetch     verify SOURCE against a digest and add it to the content store; SOURCE is
            ssg:VERSION                a ComplianceAsCode release (scap-security-guide-VERSION.zip,
                                       checked against its published .sha512)
            debian:PACKAGE[=VERSION]   a Debian ssg-* package pinned in scapgate (sha256)
            URL                        of scap-security-guide-VERSION.zip, or of a .deb with --sha256
            PATH                       a .deb, a release .zip, a directory or an ssg-*-ds.xml file
          A source already in the store by digest is not downloaded again (offline reuse).
explain   which data stream and profile \`scan IMAGE\` would use, and why (no oscap run)

Options
  --content-dir DIR      the content directory (default: SCAPGATE_CONTENT_DIR, else the system's
                         SSG directory plus the store: /var/cache/scapgate/content as root,
                         else $XDG_CACHE_HOME/scapgate/content)
  --sha256 HEX           expected sha256 of what \`fetch\` obtains
  --debian-mirror URL    Debian mirror for debian: sources (default https://deb.debian.org/debian)
  --ssg-releases URL     base URL of release downloads for ssg: sources (default GitHub's)
  --profile ID|SHORT     the profile to explain (default: standard, or the policy's)
  --policy FILE          policy whose \`content:\` pin applies (default ./scapgate.yml if present)
  --platform os/arch     platform to pick from a multi-platform index
  --json                 \`list\` as JSON
`

export function parseContentCommand(argv: readonly string[]): ContentCommand {
  const {values, positionals} = parseFlags(argv, {
    'content-dir': {type: 'string'},
    sha256: {type: 'string'},
    'debian-mirror': {type: 'string'},
    'ssg-releases': {type: 'string'},
    profile: {type: 'string'},
    policy: {type: 'string'},
    platform: {type: 'string'},
    json: {type: 'boolean'}
  })
  rejectEmpty(values, [
    'content-dir',
    'sha256',
    'debian-mirror',
    'ssg-releases',
    'profile',
    'policy'
  ])
  const [action, ...rest] = positionals
  const dir = values['content-dir'] === undefined ? {} : {contentDir: values['content-dir']}
  const only = (allowed: string[]): void => {
    const stray = [
      'sha256',
      'debian-mirror',
      'ssg-releases',
      'profile',
      'policy',
      'platform',
      'json'
    ]
      .filter(flag => !allowed.includes(flag))
      .find(flag => values[flag as keyof typeof values] !== undefined)
    if (stray !== undefined)
      throw new UsageError(`\`--${stray}\` does not apply to \`content ${action}\``)
  }
  const one = (what: string): string => {
    if (rest.length !== 1) {
      throw new UsageError(`Expected one ${what} after \`content ${action}\`, got ${rest.length}`)
    }
    return rest[0] as string
  }
  switch (action) {
    case 'list':
      only(['json'])
      if (rest.length > 0) throw new UsageError('Expected no argument after `content list`')
      return {action, ...dir, json: values.json === true}
    case 'fetch':
      only(['sha256', 'debian-mirror', 'ssg-releases'])
      return {
        action,
        source: one('SOURCE'),
        ...dir,
        ...(values.sha256 === undefined ? {} : {sha256: values.sha256}),
        ...(values['debian-mirror'] === undefined ? {} : {debianMirror: values['debian-mirror']}),
        ...(values['ssg-releases'] === undefined ? {} : {ssgReleases: values['ssg-releases']})
      }
    case 'explain':
      only(['profile', 'policy', 'platform'])
      return {
        action,
        image: one('IMAGE'),
        ...dir,
        ...(values.profile === undefined ? {} : {profile: values.profile}),
        ...(values.policy === undefined ? {} : {policy: values.policy}),
        ...(values.platform === undefined ? {} : {platform: values.platform})
      }
    default:
      throw new UsageError(
        `Expected \`list\`, \`fetch\` or \`explain\` after \`content\`, got ${action === undefined ? 'nothing' : `\`${sanitizeForDisplay(action, 40)}\``}`
      )
  }
}

function environmentFor(command: ContentCommand, io: CliIo): ScanEnvironment {
  const environment = loadEnvironment(io.env)
  return command.contentDir === undefined
    ? environment
    : {...environment, contentDir: resolve(io.cwd, command.contentDir)}
}

export async function runContent(command: ContentCommand, io: CliIo): Promise<number> {
  try {
    const environment = environmentFor(command, io)
    if (command.action === 'list') return await list(command.json, environment, io)
    if (command.action === 'fetch') return await fetch(command, environment, io)
    return await explain(command, environment, io)
  } catch (error) {
    io.stderr.write(`scapgate content ${command.action}: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
}

interface ListedDir {
  dir: string
  dataStreams: StoredDataStream[]
  entries: {
    sha256: string
    source: string
    verifiedBy: string
    fetchedAt: string
    dataStreams: StoredDataStream[]
  }[]
}

async function list(json: boolean, environment: ScanEnvironment, io: CliIo): Promise<number> {
  const listed: ListedDir[] = []
  for (const dir of defaultContentDirs(environment)) {
    const names = await listDataStreams(dir).catch(() => [] as string[])
    const dataStreams: StoredDataStream[] = []
    for (const name of names) {
      dataStreams.push(
        await describeDataStream(join(dir, name), name).catch(() => unreadable(name))
      )
    }
    const entries = (await listContentEntries(dir)).map(e => ({
      sha256: e.sha256,
      source: e.source,
      verifiedBy: e.verifiedBy,
      fetchedAt: e.fetchedAt,
      dataStreams: e.dataStreams
    }))
    listed.push({dir, dataStreams, entries})
  }
  if (json) {
    io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`)
    return ExitCode.GatePassed
  }
  for (const {dir, dataStreams, entries} of listed) {
    if (dataStreams.length === 0 && entries.length === 0) {
      io.stdout.write(`${dir}: no content\n`)
      continue
    }
    if (dataStreams.length > 0) {
      io.stdout.write(`${dir}\n`)
      for (const d of dataStreams) io.stdout.write(streamLine(d))
    }
    for (const e of entries) {
      io.stdout.write(
        `${dir}/entries/${e.sha256.slice(0, 12)}… from ${stripControls(e.source)} (${e.verifiedBy}, ${e.fetchedAt})\n`
      )
      for (const d of e.dataStreams) io.stdout.write(streamLine(d))
    }
  }
  return ExitCode.GatePassed
}

function unreadable(name: string): StoredDataStream {
  return {file: name, product: name, sha256: '0'.repeat(64), profiles: []}
}

function streamLine(d: StoredDataStream): string {
  const profiles = d.profiles.map(p => p.id.replace(/^.*_profile_/, ''))
  return `  ${d.product.padEnd(14)} SSG ${(d.ssgVersion ?? '?').padEnd(8)} ${profiles.length} profiles: ${stripControls(profiles.join(', '))}\n`
}

async function fetch(
  command: Extract<ContentCommand, {action: 'fetch'}>,
  environment: ScanEnvironment,
  io: CliIo
): Promise<number> {
  const storeDir = environment.contentDir ?? environment.contentStoreDir
  if (storeDir === undefined) {
    throw new ConfigurationError(
      'Expected a content directory: give --content-dir DIR or set SCAPGATE_CONTENT_DIR (no HOME or XDG_CACHE_HOME to default to)'
    )
  }
  const logger = createConsoleLogger({stream: io.stderr, verbose: false, quiet: false})
  const local = /^(ssg|debian):|^https?:\/\//i.test(command.source)
  const {entry, origin} = await fetchContent({
    source: local ? command.source : resolve(io.cwd, command.source),
    storeDir,
    ...(command.sha256 === undefined ? {} : {sha256: command.sha256}),
    ...(command.debianMirror === undefined ? {} : {debianMirror: command.debianMirror}),
    ...(command.ssgReleases === undefined ? {} : {ssgReleases: command.ssgReleases}),
    logger,
    signal: io.signal
  })
  const how = {
    download: 'downloaded and verified',
    file: 'verified and added',
    cache: 'already in the store',
    'stale-cache': 'could not be refreshed; the stored copy stays'
  }[origin]
  io.stdout.write(
    `${stripControls(entry.source)}: ${how} (${entry.verifiedBy}; sha256 ${entry.sha256})\n` +
      `  ${entry.dir}\n` +
      entry.dataStreams.map(streamLine).join('')
  )
  return ExitCode.GatePassed
}

async function explain(
  command: Extract<ContentCommand, {action: 'explain'}>,
  environment: ScanEnvironment,
  io: CliIo
): Promise<number> {
  const logger = createConsoleLogger({stream: io.stderr, verbose: false, quiet: false})
  const progress = createProgress(io.stderr, true)
  const policy = await loadPolicy({
    cwd: io.cwd,
    ...(command.policy === undefined ? {} : {path: command.policy})
  })
  const sources = sourceSettings({insecureRegistries: []}, io.env)
  const result = await explainContent({
    image: command.image,
    environment,
    logger,
    progress,
    signal: io.signal,
    ...sources,
    ...(command.platform === undefined ? {} : {platform: parsePlatform(command.platform)}),
    ...(command.profile === undefined ? {} : {profile: command.profile}),
    ...(policy?.content === undefined ? {} : {pin: policy.content})
  })
  progress.finish()
  const os = result.os
  const lines = [
    `${stripControls(command.image)}: ${stripControls(os?.prettyName ?? [os?.id, os?.versionId].filter(Boolean).join(' ') ?? 'no os-release')}`,
    `  looked in: ${defaultContentDirs(environment).join(', ')}`
  ]
  if (policy?.content !== undefined) {
    lines.push(
      `  policy pin: ${[policy.content.version, policy.content.sha256].filter(Boolean).join(', ')}`
    )
  }
  if (result.selected !== undefined) {
    lines.push(
      `  data stream: ${result.selected.path}${result.selected.viaIdLike ? ' (through ID_LIKE: rules may be notapplicable)' : ''}`,
      `  why: ${stripControls(result.selected.selection.reason)}`,
      ...(result.selected.selection.passedOver ?? []).map(p => `  passed over: ${stripControls(p)}`)
    )
  }
  if (result.profile !== undefined) {
    lines.push(
      `  profile: ${result.profile.id} (${stripControls(result.profile.title)})${command.profile === undefined ? ', the default' : ''}`,
      `  other profiles: ${result.profiles.join(', ')}`
    )
  }
  if (result.problem !== undefined) lines.push(`  problem: ${stripControls(result.problem)}`)
  io.stdout.write(`${lines.join('\n')}\n`)
  return result.problem === undefined ? ExitCode.GatePassed : ExitCode.Usage
}

export const contentCommandSpec: CommandSpec<ContentCommand> = {
  name: 'content',
  summary: 'list, fetch and explain the SCAP content scans choose from',
  usage,
  parse: parseContentCommand,
  run: runContent
}
