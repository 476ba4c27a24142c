/**
 * The implicit `./Dockerfile` is the LAST default (docs/policy.md, docs/options.md): a policy
 * section's `images[].dockerfile` wins over it, and a given `--dockerfile` / `SCAPGATE_DOCKERFILE`
 * wins over both. Before the option resolver, the CLI (and through it the GitLab and Jenkins
 * adapters) resolved `./Dockerfile` before reading the policy, so it beat the policy. Findings
 * point at the Dockerfile's final FROM line, so the SARIF locations show which one was used.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../support/run-cli.js'
import {scanDirs, type ScanDirs} from '../support/scan-fixtures.js'

const sampleTar = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'images',
  'sample-app',
  'sample-app.docker.tar'
)

let dirs: ScanDirs
let workspace: string
const cache = (): string => join(dirs.dir, 'cache')

beforeAll(() => {
  dirs = scanDirs('scapgate-dockerfile-precedence')
  workspace = join(dirs.dir, 'ws')
  mkdirSync(join(workspace, 'services/app'), {recursive: true})
  mkdirSync(join(workspace, 'other'), {recursive: true})
  // The final FROM lines differ, so the SARIF start line tells the files apart too.
  writeFileSync(join(workspace, 'Dockerfile'), 'FROM debian:12\n')
  writeFileSync(
    join(workspace, 'services/app/Dockerfile'),
    '# the policy names this one\n\nFROM debian:12\n'
  )
  writeFileSync(join(workspace, 'other/Dockerfile'), '\n\n\n\nFROM debian:12\n')
  writeFileSync(join(workspace, 'empty.yml'), 'version: 1\n')
  writeFileSync(
    join(workspace, 'scapgate.yml'),
    "images:\n  - match: '**'\n    dockerfile: services/app/Dockerfile\n"
  )
})
afterAll(() => dirs.cleanup())

/** The files the SARIF results point at, with their lines. */
function sarifFiles(out: string): string[] {
  const sarif = JSON.parse(readFileSync(join(out, 'results.sarif'), 'utf8')) as {
    runs: {
      results: {
        locations?: {
          physicalLocation?: {artifactLocation?: {uri?: string}; region?: {startLine?: number}}
        }[]
      }[]
    }[]
  }
  const files = new Set<string>()
  for (const result of sarif.runs[0]?.results ?? [])
    for (const location of result.locations ?? []) {
      const where = location.physicalLocation
      files.add(`${where?.artifactLocation?.uri ?? ''}:${where?.region?.startLine ?? 0}`)
    }
  return [...files].sort()
}

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: dirs.dir,
  ...extra
})

describe('the Dockerfile findings point at', () => {
  it("is the policy's images[].dockerfile, not the implicit ./Dockerfile", async () => {
    const out = dirs.out('policy')
    const run = await runCli(
      ['scan', `docker-archive:${sampleTar}`, '--out', out, '--cache-dir', cache()],
      {cwd: workspace, env: env()}
    )
    expect(run.code, run.stderr).toBe(1)
    const files = sarifFiles(out)
    expect(files).toContain('services/app/Dockerfile:3')
    expect(files.filter(f => f.startsWith('Dockerfile:'))).toEqual([])
  })

  it('is the given one when SCAPGATE_DOCKERFILE (or --dockerfile) names one', async () => {
    const out = dirs.out('variable')
    const run = await runCli(
      ['scan', `docker-archive:${sampleTar}`, '--out', out, '--cache-dir', cache()],
      {cwd: workspace, env: env({SCAPGATE_DOCKERFILE: 'other/Dockerfile'})}
    )
    expect(run.code, run.stderr).toBe(1)
    const files = sarifFiles(out)
    expect(files).toContain('other/Dockerfile:5')
    expect(files.filter(f => /^(services\/app\/)?Dockerfile:/.test(f))).toEqual([])
  })

  it('is the implicit ./Dockerfile without a policy naming one', async () => {
    const out = dirs.out('implicit')
    const run = await runCli(
      [
        'scan',
        `docker-archive:${sampleTar}`,
        '--out',
        out,
        '--cache-dir',
        cache(),
        '--policy',
        'empty.yml'
      ],
      {cwd: workspace, env: env()}
    )
    expect(run.code, run.stderr).toBe(1)
    expect(sarifFiles(out)).toContain('Dockerfile:1')
  })
})
