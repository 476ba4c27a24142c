import {readFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {existsSync} from 'node:fs'
import {expandReferences, getErrorMessage} from '@scapgate/core'
import {parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError} from '../exit-codes.js'
import {GitLabApiError, upsertMergeRequestNote} from '../gitlab/merge-request-note.js'

export interface GitLabNoteCommand {
  summary: string
  key?: string
  /** `--optional`: no token or no summary is a quiet skip, not an error (the component's after_script). */
  optional: boolean
}

const usage = `Usage: scapgate gitlab-note [--summary FILE] [--key KEY]

Post the scan summary as a merge-request note, or update the note this token posted before.
Run it in a GitLab merge-request pipeline after \`scapgate scan\`; elsewhere it does nothing.

Options
  --summary FILE    Markdown to post (default: ./scapgate-out/summary.md)
  --key KEY         tells several scapgate notes on one MR apart (default: $CI_JOB_NAME)
  --optional        skip quietly when SCAPGATE_GITLAB_TOKEN is empty or the summary does not
                    exist (the GitLab component runs it so, after the scan)

Environment
  SCAPGATE_GITLAB_TOKEN   token with the api scope (project or personal access token), sent
                          as PRIVATE-TOKEN; CI_JOB_TOKEN cannot write notes. A reference to
                          another variable (\`$SCAPGATE_NOTE_TOKEN\`) is expanded once
  CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID
                          set by GitLab in merge-request pipelines

Exit codes: 0 posted, updated or skipped; 2 configuration error; 3 GitLab refused or is unreachable.
`

export function parseGitLabNote(argv: readonly string[]): GitLabNoteCommand {
  const {values, positionals} = parseFlags(argv, {
    summary: {type: 'string'},
    key: {type: 'string'},
    optional: {type: 'boolean'}
  })
  if (positionals.length > 0) {
    throw new UsageError(
      `Expected no arguments after \`gitlab-note\`, got ${positionals.join(' ')}`
    )
  }
  rejectEmpty(values, ['summary', 'key'])
  return {
    summary: values.summary ?? 'scapgate-out/summary.md',
    key: values.key,
    optional: values.optional === true
  }
}

/** Keys end up in an HTML comment: keep them to characters that cannot close it. */
const keyPattern = /^[A-Za-z0-9_.:/ -]{1,255}$/

export async function runGitLabNote(command: GitLabNoteCommand, io: CliIo): Promise<number> {
  const env = (name: string): string | undefined => {
    const raw = io.env[name]
    // The component passes its `token` input unexpanded: a reference to a masked variable.
    const value =
      raw !== undefined && name === 'SCAPGATE_GITLAB_TOKEN' ? expandReferences(raw, io.env) : raw
    return value === undefined || value.trim() === '' ? undefined : value
  }
  if (
    command.optional &&
    (env('SCAPGATE_GITLAB_TOKEN') === undefined || !existsSync(resolve(io.cwd, command.summary)))
  ) {
    io.stderr.write('scapgate gitlab-note: no token or no summary, skipping the note\n')
    return ExitCode.GatePassed
  }
  const mergeRequestIid = env('CI_MERGE_REQUEST_IID')
  if (mergeRequestIid === undefined) {
    io.stderr.write(
      'scapgate gitlab-note: not a merge-request pipeline (CI_MERGE_REQUEST_IID is unset), skipping\n'
    )
    return ExitCode.GatePassed
  }
  const missing = ['SCAPGATE_GITLAB_TOKEN', 'CI_API_V4_URL', 'CI_PROJECT_ID'].filter(
    n => env(n) === undefined
  )
  if (missing.length > 0) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Expected ${missing.join(', ')} to be set, found ${missing.length === 1 ? 'it' : 'them'} empty\n`
    )
    return ExitCode.Usage
  }
  // Job names may hold anything (`scan: [amd64, 1]` under parallel:matrix): map what a marker
  // cannot hold to `-` rather than refuse; an explicit --key must be clean.
  const jobName = env('CI_JOB_NAME')
    ?.replace(/[^A-Za-z0-9_.:/ -]/g, '-')
    .slice(0, 255)
  const key = command.key ?? jobName ?? 'scapgate'
  if (!keyPattern.test(key)) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Expected the note key to match ${keyPattern.source}, got \`${key}\`\n`
    )
    return ExitCode.Usage
  }
  let summary: string
  try {
    summary = await readFile(resolve(io.cwd, command.summary), 'utf8')
  } catch (error) {
    io.stderr.write(
      `scapgate gitlab-note: configuration error: Cannot read the summary \`${command.summary}\`: ${getErrorMessage(error)}\n`
    )
    return ExitCode.Usage
  }
  try {
    const result = await upsertMergeRequestNote(
      {
        apiUrl: env('CI_API_V4_URL') as string,
        projectId: env('CI_PROJECT_ID') as string,
        mergeRequestIid,
        token: env('SCAPGATE_GITLAB_TOKEN') as string,
        key,
        signal: io.signal
      },
      summary
    )
    io.stderr.write(
      `scapgate gitlab-note: ${result.action} note ${result.noteId} on merge request !${mergeRequestIid}\n`
    )
    return ExitCode.GatePassed
  } catch (error) {
    if (!(error instanceof GitLabApiError)) throw error
    io.stderr.write(`scapgate gitlab-note: the note could not be posted: ${error.message}\n`)
    return ExitCode.ScanIncomplete
  }
}

export const gitLabNoteCommandSpec: CommandSpec<GitLabNoteCommand> = {
  name: 'gitlab-note',
  summary: 'post or update the scan summary as a GitLab merge-request note',
  usage,
  parse: parseGitLabNote,
  run: runGitLabNote
}
