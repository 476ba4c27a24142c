/**
 * A GitLab fleet under gitlab-ci-local (shell executor): a parent pipeline whose `plan` job runs
 * `scapgate plan --format gitlab` and a trigger job that runs the generated child pipeline
 * (`trigger: include: artifact`). The child's `scapgate-scan` job fans out with
 * `parallel: matrix`, its `scapgate-merge` job fans in: one verdict, the fleet's exit code and
 * exactly one merge-request note, posted to a local stand-in for GitLab's Notes API.
 */
import {execFileSync, spawn} from 'node:child_process'
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {
  nonCompliantImage,
  writeCompliantImage,
  writeScannerBin
} from '../support/adapter-fixtures.js'
import {gitlabCiLocal, node24} from '../support/gitlab-pipeline.js'
import {scanDirs, type ScanDirs} from '../support/scan-fixtures.js'

const token = 'glpat-fleet-0123456789'
let dirs: ScanDirs
let server: Server
let apiUrl: string
const notes: {id: number; body: string; author: {id: number}}[] = []
const posts: string[] = []

beforeAll(async () => {
  dirs = scanDirs('scapgate-gitlab-fleet')
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const send = (status: number, value: unknown): void => {
        res.writeHead(status, {'Content-Type': 'application/json'})
        res.end(JSON.stringify(value))
      }
      if (req.headers['private-token'] !== token) return send(401, {message: '401 Unauthorized'})
      const notesPath = '/api/v4/projects/7/merge_requests/3/notes'
      if (req.method === 'GET' && url.pathname === '/api/v4/user') return send(200, {id: 42})
      if (req.method === 'GET' && url.pathname === notesPath) return send(200, notes)
      if (req.method === 'POST' && url.pathname === notesPath) {
        const body = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as {body: string}).body
        posts.push(body)
        const note = {id: 100 + notes.length, body, author: {id: 42}}
        notes.push(note)
        return send(201, note)
      }
      send(404, {message: '404 Not found'})
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no server address')
  apiUrl = `http://127.0.0.1:${address.port}/api/v4`
})
afterAll(() => {
  server.close()
  dirs.cleanup()
})

function run(dir: string, binDir: string, variables: Record<string, string>): Promise<string> {
  const args = [gitlabCiLocal, '--force-shell-executor', '--no-color']
  for (const [name, value] of Object.entries(variables)) args.push('--variable', `${name}=${value}`)
  return new Promise((resolve, reject) => {
    const child = spawn(node24, args, {
      cwd: dir,
      env: {PATH: `${binDir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`, HOME: dir},
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c))
    child.on('error', reject)
    child.on('close', () => resolve(output))
  })
}

describe('a GitLab fleet: plan → child pipeline (parallel: matrix) → merge', () => {
  it('scans the shards in parallel jobs and posts one note with the fleet verdict', async () => {
    const dir = join(dirs.dir, 'project')
    mkdirSync(join(dir, 'images'), {recursive: true})
    const binDir = writeScannerBin(dirs.dir, node24)
    copyFileSync(writeCompliantImage(dirs.dir), join(dir, 'images', 'api.tar'))
    copyFileSync(nonCompliantImage, join(dir, 'images', 'web.tar'))
    copyFileSync(writeCompliantImage(dirs.dir), join(dir, 'images', 'worker.tar'))
    writeFileSync(
      join(dir, '.gitlab-ci.yml'),
      `stages: [plan, fleet]
plan:
  stage: plan
  script:
    - scapgate plan --dir images --shards 3 --format gitlab > fleet.yml
  artifacts: {paths: [fleet.yml]}
fleet:
  stage: fleet
  # Merge-request variables do not reach a child pipeline on their own: forward them. (Literal
  # here: gitlab-ci-local passes neither --variable nor expanded references to a child.)
  variables:
    CI_MERGE_REQUEST_IID: '3'
    CI_PROJECT_ID: '7'
    CI_API_V4_URL: '${apiUrl}'
    SCAPGATE_GITLAB_TOKEN: '${token}'
    # Forwarded to the child as well: a shard must still scan only its own images.
    SCAPGATE_IMAGE: docker-archive:images/web.tar
  trigger:
    include: [{artifact: fleet.yml, job: plan}]
    strategy: depend
`
    )
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@scapgate.invalid', ...args], {
        cwd: dir,
        stdio: 'pipe'
      })
    }
    git('init', '-q', '-b', 'main')
    git('remote', 'add', 'origin', 'https://gitlab.example.com/group/project.git')
    git('add', '-A')
    git('commit', '-qm', 'fleet')

    const output = await run(dir, binDir, {})
    const tail = output.slice(-6000)
    // three scan jobs from parallel: matrix, one per shard
    for (const shard of ['1', '2', '3'])
      expect(output, tail).toMatch(
        new RegExp(`(PASS|FAIL)\\s+(\\[fleet\\] -> )?scapgate-scan: \\[${shard},`)
      )
    // the merge job holds the fleet's verdict: web.tar fails the standard profile
    expect(output, tail).toMatch(/FAIL\s+scapgate-merge/)
    expect(output).toMatch(/scapgate-merge\s+finished in .*FAIL 1/)
    expect(output).toContain('fleet gate FAILED (3 images: 2 passed, 1 failed, 0 not judged)')
    // exactly one note, naming every image
    expect(posts).toHaveLength(1)
    for (const image of ['api.tar', 'web.tar', 'worker.tar']) expect(posts[0]).toContain(image)
    expect(posts[0]).toContain('❌ Compliance gate failed')
    const fleet = JSON.parse(readFileSync(join(dir, 'scapgate-fleet', 'results.json'), 'utf8')) as {
      gate: {status: string}
      provenance: {commit?: string}
    }
    expect(fleet.gate.status).toBe('fail')
    // every job recorded the pipeline's commit (CI_COMMIT_SHA)
    expect(fleet.provenance.commit).toBe(
      execFileSync('git', ['rev-parse', 'HEAD'], {cwd: dir}).toString().trim()
    )
  }, 900_000)
})
