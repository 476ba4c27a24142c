/**
 * What the action needs from the workflow run: the repository, the commit, the event and where
 * things go. Read once from the runner's variables and the event file; the event payload is
 * `unknown` until the few fields used here have been checked.
 */
import {readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {ConfigurationError} from '@scapgate/core'
import type {Env} from './inputs.js'

export interface PullRequestContext {
  number: number
  /** The PR's head commit: check runs attach to it (GITHUB_SHA is the merge commit). */
  headSha: string
  /** The PR comes from another repository: its token is read-only whatever `permissions:` says. */
  fromFork: boolean
  baseRef: string
}

export interface GitHubContext {
  owner: string
  repo: string
  eventName: string
  sha: string
  ref: string
  apiUrl: string
  serverUrl: string
  runId: string
  workspace: string
  runnerTemp: string
  defaultBranch?: string
  pullRequest?: PullRequestContext
  /** A push (or manual run) on the default branch: the run that refreshes the baseline. */
  onDefaultBranch: boolean
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

async function readEvent(path: string | undefined): Promise<unknown> {
  if (path === undefined || path === '') return {}
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch (error) {
    throw new ConfigurationError(
      `Expected GITHUB_EVENT_PATH to name a JSON event file, got \`${path}\` (${(error as Error).message})`
    )
  }
}

export async function readGitHubContext(env: Env): Promise<GitHubContext> {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo, ...rest] = repository.split('/')
  if (owner === undefined || owner === '' || repo === undefined || repo === '' || rest.length > 0)
    throw new ConfigurationError(
      `Expected GITHUB_REPOSITORY to be OWNER/REPO (is this running in GitHub Actions?), got \`${repository}\``
    )
  const event = await readEvent(env.GITHUB_EVENT_PATH)
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const ref = env.GITHUB_REF ?? ''
  const defaultBranch = text(field(event, 'repository', 'default_branch'))
  const pr = field(event, 'pull_request')
  let pullRequest: PullRequestContext | undefined
  const number = field(pr, 'number') ?? field(event, 'number')
  const headSha = text(field(pr, 'head', 'sha'))
  if (typeof number === 'number' && Number.isSafeInteger(number) && headSha !== undefined) {
    const head = text(field(pr, 'head', 'repo', 'full_name'))
    const base = text(field(pr, 'base', 'repo', 'full_name')) ?? repository
    pullRequest = {
      number,
      headSha,
      fromFork: head !== undefined && head.toLowerCase() !== base.toLowerCase(),
      baseRef: text(field(pr, 'base', 'ref')) ?? ''
    }
  }
  return {
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    ref,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID ?? '0',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? tmpdir(),
    ...(defaultBranch === undefined ? {} : {defaultBranch}),
    ...(pullRequest === undefined ? {} : {pullRequest}),
    onDefaultBranch:
      pullRequest === undefined &&
      defaultBranch !== undefined &&
      ref === `refs/heads/${defaultBranch}`
  }
}

/** The commit that check runs attach to: the PR head, else the pushed commit. */
export function checkSha(context: GitHubContext): string {
  return context.pullRequest?.headSha ?? context.sha
}
