/**
 * A fleet on GitHub, simulated: `mode: plan` prints the matrix, three matrix jobs run the built
 * action with `mode: scan` and `fleet: true`, their output sets are "downloaded" into one
 * directory, and a final job runs `mode: merge`. Against the local GitHub API stand-in: exactly
 * one PR comment and one check run for the whole fleet, and the fleet's verdict as the step's.
 * Build first: `node scripts/build.mjs`.
 */
import {cpSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed} from 'vitest'
import {FakeGitHub} from '../support/github-api.js'
import {headSha, runAction, type ActionRun} from './run-action.js'
import {sampleApp, writeCleanImage, writeFailingImage} from './images.js'

let root: string
let api: FakeGitHub

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scapgate-action-fleet-'))
})
afterAll(() => rmSync(root, {recursive: true, force: true}))
afterEach(async () => {
  await api.stop()
})

function show(r: ActionRun): void {
  onTestFailed(() => {
    console.log(`exit ${r.code}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr}`)
  })
}

/** A job's workspace: the checkout (Dockerfile) plus the image archives. */
function checkout(name: string): string {
  const dir = join(root, name)
  mkdirSync(dir, {recursive: true})
  copyFileSync(join(sampleApp, 'Dockerfile'), join(dir, 'Dockerfile'))
  writeCleanImage(dir, 'api')
  writeCleanImage(dir, 'worker')
  writeFailingImage(dir, 'web')
  return dir
}

describe('a GitHub matrix fleet through the built action', () => {
  it('plans, scans in three jobs without comments, merges into one comment and one check run', async () => {
    api = new FakeGitHub()
    await api.start()
    const images = ['docker-archive:api.tar', 'docker-archive:worker.tar', 'docker-archive:web.tar']

    // plan job
    const planWs = checkout('plan')
    const plan = await runAction({
      workspace: planWs,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {mode: 'plan', images: images.join('\n'), shards: '3'}
    })
    show(plan)
    expect(plan.code).toBe(0)
    const matrix = JSON.parse(plan.outputs.matrix ?? '') as {
      include: {shard: string; images: string}[]
    }
    expect(matrix.include).toHaveLength(3)
    expect(matrix.include.flatMap(e => e.images.split('\n')).sort()).toEqual([...images].sort())
    expect(plan.outputs.images?.split('\n').sort()).toEqual([...images].sort())

    // three matrix jobs, each on its own runner
    const mergeWs = checkout('merge')
    const codes: (number | null)[] = []
    for (const entry of matrix.include) {
      const ws = checkout(`shard-${entry.shard}`)
      const job = await runAction({
        workspace: ws,
        event: 'pull_request',
        apiUrl: api.url,
        inputs: {
          images: entry.images,
          fleet: 'true',
          'artifact-name': `scapgate-${entry.shard}`,
          'upload-sarif': 'false'
        }
      })
      show(job)
      codes.push(job.code)
      expect(job.stdout).toContain('fleet: no check run and no PR comment from this job')
      // actions/download-artifact with `pattern: scapgate-*` → one directory per artifact
      cpSync(
        join(ws, '.runner-temp', 'scapgate-out'),
        join(mergeWs, 'scapgate-results', `scapgate-${entry.shard}`),
        {recursive: true}
      )
    }
    // the job scanning web.tar fails its own step; the others pass
    expect(codes.filter(c => c === 0)).toHaveLength(2)
    expect(api.checkRuns).toHaveLength(0)
    expect(api.comments).toHaveLength(0)

    // the merge job
    const merge = await runAction({
      workspace: mergeWs,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {mode: 'merge', images: plan.outputs.images ?? ''}
    })
    show(merge)
    expect(merge.code).toBe(1)
    expect(merge.outputs.verdict).toBe('fail')
    expect(merge.stdout).toContain(
      '::error::scapgate: fleet gate failed: 3 images: 2 passed, 1 failed'
    )
    expect(api.problems()).toEqual([])
    expect(api.checkRuns).toHaveLength(1)
    expect(api.checkRuns[0]).toMatchObject({
      name: 'scapgate: fleet',
      head_sha: headSha,
      conclusion: 'failure'
    })
    expect(api.comments).toHaveLength(1)
    const body = api.comments[0]?.body ?? ''
    for (const image of images) expect(body).toContain(image)
    expect(body).toContain('compliance gate failed for 1 of 3 images')
    expect(merge.summary).toContain('❌ Compliance gate failed')
    const fleet = JSON.parse(
      readFileSync(join(mergeWs, '.runner-temp', 'scapgate-fleet', 'results.json'), 'utf8')
    ) as {gate: {status: string}; provenance: {commit?: string; mixed: boolean}}
    expect(fleet.gate.status).toBe('fail')
    // every job recorded the same commit (GITHUB_SHA), so the merge accepted them
    expect(fleet.provenance.mixed).toBe(false)
    expect(fleet.provenance.commit).toMatch(/^[0-9a-f]{40}$/)

    // a second push: the same comment is updated, a new check run for the new run
    const again = await runAction({
      workspace: mergeWs,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {mode: 'merge', images: images.join('\n')}
    })
    show(again)
    expect(api.comments).toHaveLength(1)

    // a matrix job that died before uploading: the planned image has no results, so the fleet
    // cannot pass by its absence
    rmSync(join(mergeWs, 'scapgate-results', 'scapgate-1'), {recursive: true})
    const partial = await runAction({
      workspace: mergeWs,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {mode: 'merge', images: plan.outputs.images ?? ''}
    })
    show(partial)
    expect(partial.code).toBe(1)
    expect(partial.outputs.verdict).toBe('incomplete')
    expect(partial.stdout).toContain('not every image was judged')
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0]?.body).toContain(
      'no results: the job that should have scanned it left no output set'
    )
  }, 600_000)
})
