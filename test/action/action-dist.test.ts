/**
 * The built action (`dist/action/index.js`) under Node 24, end to end: real scans of fixture
 * images, a local stand-in for the GitHub REST API that checks every request against GitHub's
 * published description, and a stand-in for the Actions runtime (artifacts, cache).
 * Build first: `node scripts/build.mjs`.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed} from 'vitest'
import {FakeGitHub} from '../support/github-api.js'
import {FakeRuntime} from '../support/github-api-runtime.js'
import {headSha, mainSha, mergeSha, runAction, type ActionRun} from './run-action.js'
import {
  debian11Content,
  sampleApp,
  writeAllRulesTailoring,
  writeCleanImage,
  writeFailingImage,
  writeNoisyImage
} from './images.js'

let root: string
const servers: {stop: () => Promise<void>}[] = []

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scapgate-action-'))
})
afterAll(() => rmSync(root, {recursive: true, force: true}))
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.stop()))
})

async function fakes(
  options: ConstructorParameters<typeof FakeGitHub>[0] = {},
  runtime?: FakeRuntime
): Promise<{api: FakeGitHub; runtime: FakeRuntime}> {
  const api = new FakeGitHub(options)
  await api.start()
  servers.push(api)
  const rt = runtime ?? new FakeRuntime()
  if (runtime === undefined) {
    await rt.start()
    servers.push(rt)
  }
  return {api, runtime: rt}
}

let counter = 0
/** A fresh workspace holding the sample app's Dockerfile and the given image as `app.tar`. */
function workspace(image: 'clean' | 'failing' | 'noisy', name = 'app'): string {
  counter += 1
  const dir = join(root, `ws-${counter}`)
  mkdirSync(dir, {recursive: true})
  copyFileSync(join(sampleApp, 'Dockerfile'), join(dir, 'Dockerfile'))
  const write = {clean: writeCleanImage, failing: writeFailingImage, noisy: writeNoisyImage}[image]
  write(dir, name)
  return dir
}

/** Prints the run's output only when the test fails. */
function showOnFailure(r: ActionRun): void {
  onTestFailed(() => {
    console.log(`exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`)
  })
}

/** Lines the runner would read as workflow commands, by command name. */
function commands(stdout: string, name: string): string[] {
  return stdout
    .split('\n')
    .filter(line => line.startsWith(`::${name} `) || line.startsWith(`::${name}::`))
}

describe('the GitHub Action bundle', () => {
  it('saves the results as the new baseline on a push to the default branch', async () => {
    const {api, runtime} = await fakes()
    const ws = workspace('clean')
    const result = await runAction({
      workspace: ws,
      event: 'push',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', token: 'ghs_pushtoken', 'fail-on': 'never'},
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(0)
    expect(result.outputs.verdict).toBe('pass')
    expect(api.problems()).toEqual([])
    expect(api.checkRuns).toHaveLength(1)
    expect(api.checkRuns[0]).toMatchObject({
      name: 'scapgate: docker-archive:app.tar',
      head_sha: mainSha,
      conclusion: 'success'
    })
    expect(api.sarifUploads).toHaveLength(1)
    expect(api.sarifUploads[0]).toMatchObject({commit_sha: mainSha, ref: 'refs/heads/main'})
    const saved = runtime.cacheEntries.filter(e =>
      e.key.startsWith('scapgate-baseline-v1-app-auto-')
    )
    expect(saved).toHaveLength(1)
    expect(saved[0]?.finalized).toBe(true)
    // The cache entry is a tar of the baseline directory holding app.json (the results).
    const archive = join(root, `cache-${counter}.tar`)
    writeFileSync(archive, saved[0]?.data ?? Buffer.alloc(0))
    const listing = execFileSync('tar', ['-tf', archive]).toString()
    expect(listing).toMatch(/app\.json/)
    const zip = runtime.artifactData('scapgate')
    expect(zip).toBeDefined()
    const files = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,io;print("\\n".join(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).namelist()))'
      ],
      {input: zip}
    ).toString()
    expect(files.split('\n')).toEqual(
      expect.arrayContaining([
        'arf.xml',
        'report.html',
        'results.sarif',
        'results.json',
        'summary.md'
      ])
    )
    // The token is masked before anything else is printed, and sent only as the credential.
    expect(result.stdout.split('\n')[0]).toBe('::add-mask::ghs_pushtoken')
    expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain('ghs_pushtoken')
    expect(api.requests.every(r => r.authorization === 'Bearer ghs_pushtoken')).toBe(true)
  })

  it('draws the score trend of three default-branch runs and the PR in the comment and the job summary', async () => {
    const {api, runtime} = await fakes()
    // given three pushes to the default branch (the clean image, then the failing one twice)
    for (const image of ['clean', 'failing', 'failing'] as const) {
      const push = await runAction({
        workspace: workspace(image),
        event: 'push',
        apiUrl: api.url,
        inputs: {image: 'docker-archive:app.tar', 'fail-on': 'never'},
        env: runtime.env()
      })
      showOnFailure(push)
      expect(push.code).toBe(0)
    }
    // each saved the history with its baseline, one point more each time
    const saved = runtime.cacheEntries.filter(e =>
      e.key.startsWith('scapgate-baseline-v1-app-auto-')
    )
    expect(saved).toHaveLength(3)
    const archive = join(root, `trend-${counter}.tar`)
    writeFileSync(archive, saved[2]?.data ?? Buffer.alloc(0))
    const listing = execFileSync('tar', ['-tf', archive]).toString()
    expect(listing).toMatch(/app\.history\.json/)
    // when a pull request scans the failing image
    const pr = await fakes({}, runtime)
    const result = await runAction({
      workspace: workspace('failing'),
      event: 'pull_request',
      apiUrl: pr.api.url,
      inputs: {image: 'docker-archive:app.tar'},
      env: runtime.env()
    })
    showOnFailure(result)
    // then the comment and the job summary draw four points, this PR last, with a text line
    const body = pr.api.comments[0]?.body ?? ''
    for (const text of [body, result.summary]) {
      expect(text).toContain('```mermaid\nxychart-beta')
      expect(text).toMatch(/x-axis \["\d\d-\d\d", "\d\d-\d\d", "\d\d-\d\d", "this run"\]/)
      expect(text).toMatch(/Score trend \(last 4 runs\): /)
    }
    // the PR's point is in its own history.json and results.json, but never saved
    const results = JSON.parse(readFileSync(result.outputs['results-file'] ?? '', 'utf8')) as {
      history: {entries: unknown[]}
    }
    expect(results.history.entries).toHaveLength(4)
    expect(
      runtime.cacheEntries.filter(e => e.key.startsWith('scapgate-baseline-v1-app-auto-'))
    ).toHaveLength(3)
  }, 900_000)

  it('gates a pull request against the default branch baseline and reports the new failures first', async () => {
    // given a baseline saved by a push of the clean image
    const {api, runtime} = await fakes()
    const push = await runAction({
      workspace: workspace('clean'),
      event: 'push',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', 'fail-on': 'never'},
      env: runtime.env()
    })
    expect(push.code).toBe(0)
    const pr = await fakes({}, runtime)
    // when a pull request turns the image into the failing sample app
    const ws = workspace('failing')
    const result = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: pr.api.url,
      inputs: {image: 'docker-archive:app.tar'},
      env: runtime.env()
    })
    showOnFailure(result)
    // then the gate fails on exactly the two new failures (ratchet), with the verdict as the message
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({verdict: 'fail', 'new-failures': '2'})
    expect(commands(result.stdout, 'error').at(-1)).toMatch(
      /^::error::scapgate: compliance gate failed for docker-archive:app\.tar: /
    )
    expect(pr.api.problems()).toEqual([])
    // the check run sits on the PR head, fails, and annotates the Dockerfile lines of the new failures
    expect(pr.api.checkRuns).toHaveLength(1)
    const run = pr.api.checkRuns[0]
    expect(run).toMatchObject({head_sha: headSha, conclusion: 'failure'})
    const annotations = run?.output.annotations ?? []
    expect(
      annotations
        .filter(a => a.title?.startsWith('New failure:'))
        .map(a => [a.path, a.start_line, a.annotation_level])
        .sort()
    ).toEqual([
      ['Dockerfile', 10, 'failure'],
      ['Dockerfile', 7, 'failure']
    ])
    // one comment: the failing rules, new first, above the folded details, each linked to its
    // Dockerfile line at the PR head
    expect(pr.api.comments).toHaveLength(1)
    const body = pr.api.comments[0]?.body ?? ''
    expect(body).toMatch(/^<!-- scapgate-pr-comment [0-9a-f]{16} -->/)
    expect(body).toMatch(/### \d+ failing rules? \(2 new\)/)
    expect(body.indexOf('(2 new)')).toBeLessThan(body.indexOf('<details><summary>Details'))
    expect(body).toContain('(`package_telnetd_removed`)')
    expect(body).toContain(`](https://github.com/octo/app/blob/${headSha}/Dockerfile#L`)
    // SARIF went to code scanning for the merge ref, with a category per image and profile
    expect(pr.api.sarifUploads[0]).toMatchObject({commit_sha: mergeSha, ref: 'refs/pull/7/merge'})
    const sarif = pr.api.sarifUploads[0]?.sarif as {runs: {automationDetails: {id: string}}[]}
    expect(sarif.runs[0]?.automationDetails.id).toMatch(
      /^scapgate\/localhost-scapgate-sample-app\/standard\//
    )
    // the restored baseline came from the cache, looked up by the image+profile prefix
    const lookups = runtime.calls.filter(c => c.method === 'GetCacheEntryDownloadURL')
    expect(lookups.at(-1)?.body).toMatchObject({restore_keys: ['scapgate-baseline-v1-app-auto-']})
    expect(result.summary).toContain('Compliance gate failed')

    // when the PR is pushed again, the same comment is updated in place
    const again = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: pr.api.url,
      inputs: {image: 'docker-archive:app.tar'},
      env: runtime.env()
    })
    expect(again.code).toBe(1)
    expect(pr.api.comments).toHaveLength(1)
    expect(
      pr.api.requests.filter(
        r =>
          r.operation === '/repos/{owner}/{repo}/issues/comments/{comment_id}' &&
          r.method === 'PATCH'
      )
    ).toHaveLength(1)
  })

  it('keeps a fork pull request with a read-only token to warnings, artifacts and the gate exit', async () => {
    const {api, runtime} = await fakes({readOnly: true})
    const result = await runAction({
      workspace: workspace('failing'),
      event: 'fork_pull_request',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', baseline: 'none'},
      env: runtime.env()
    })
    showOnFailure(result)
    // the exit follows the gate, not the refused uploads
    expect(result.code).toBe(1)
    expect(result.outputs.verdict).toBe('fail')
    expect(commands(result.stdout, 'error').at(-1)).toMatch(
      /^::error::scapgate: compliance gate failed/
    )
    expect(api.problems()).toEqual([])
    const refused = api.requests.filter(r => r.status === 403).map(r => r.operation)
    expect(refused).toEqual(
      expect.arrayContaining([
        '/repos/{owner}/{repo}/check-runs',
        '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        '/repos/{owner}/{repo}/code-scanning/sarifs'
      ])
    )
    const warnings = commands(result.stdout, 'warning').join('\n')
    expect(warnings).toMatch(/check run .* could not be published: .*403.*checks: write/)
    expect(warnings).toMatch(/PR comment could not be written: .*403/)
    expect(warnings).toMatch(
      /SARIF .* was not uploaded to code scanning: .*403.*kept in the `scapgate` artifact/
    )
    // annotations fall back to workflow commands on the Dockerfile lines
    const errors = commands(result.stdout, 'error')
    expect(errors.some(line => /file=Dockerfile,line=7::/.test(line))).toBe(true)
    // the JSON, HTML and SARIF are still produced and kept as the artifact
    const zip = runtime.artifactData('scapgate')
    expect(zip).toBeDefined()
    const files = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile,io;print("\\n".join(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).namelist()))'
      ],
      {input: zip}
    ).toString()
    expect(files.split('\n')).toEqual(
      expect.arrayContaining(['results.json', 'report.html', 'results.sarif'])
    )
  })

  it('sends more than 50 annotations in batches of 50', async () => {
    const {api, runtime} = await fakes()
    const ws = workspace('noisy')
    const profile = writeAllRulesTailoring(join(ws, 'every-rule.xml'))
    const result = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {
        image: 'docker-archive:app.tar',
        tailoring: 'every-rule.xml',
        // The tailoring selects every rule of that content: scan with it, not the newest.
        content: debian11Content,
        profile,
        baseline: 'none'
      },
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    expect(api.problems()).toEqual([])
    const sarif = api.sarifUploads[0]?.sarif as {runs: {results: unknown[]}[]}
    const total = sarif.runs[0]?.results.length ?? 0
    expect(total).toBeGreaterThan(50)
    const calls = api.requests.filter(r =>
      r.operation?.startsWith('/repos/{owner}/{repo}/check-runs')
    )
    const sizes = calls.map(
      r => ((r.body as {output: {annotations: unknown[]}}).output.annotations ?? []).length
    )
    expect(sizes).toEqual([
      50,
      ...Array.from({length: Math.ceil(total / 50) - 1}, (_, i) =>
        Math.min(50, total - 50 * (i + 1))
      )
    ])
    expect(calls.map(r => r.method)).toEqual(['POST', ...sizes.slice(1).map(() => 'PATCH')])
    expect(api.checkRuns[0]?.output.annotations).toHaveLength(total)
    // most important first: every failure annotation comes before any warning or notice
    const levels = api.checkRuns[0]?.output.annotations.map(a => a.annotation_level) ?? []
    expect(levels.lastIndexOf('failure')).toBeLessThan(
      Math.max(levels.indexOf('warning'), levels.indexOf('notice'))
    )
  })

  it('falls back to at most 10 workflow annotations per type, most important first, with a note of the rest', async () => {
    const {api, runtime} = await fakes({readOnly: true})
    const ws = workspace('noisy')
    const profile = writeAllRulesTailoring(join(ws, 'every-rule.xml'))
    const result = await runAction({
      workspace: ws,
      event: 'fork_pull_request',
      apiUrl: api.url,
      inputs: {
        image: 'docker-archive:app.tar',
        tailoring: 'every-rule.xml',
        // The tailoring selects every rule of that content: scan with it, not the newest.
        content: debian11Content,
        profile,
        baseline: 'none'
      },
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    const located = (name: string): string[] =>
      commands(result?.stdout ?? '', name).filter(line => line.includes('file='))
    expect(located('error').length).toBeLessThanOrEqual(10)
    expect(located('warning').length).toBeLessThanOrEqual(7)
    expect(located('notice').length).toBeLessThanOrEqual(9)
    expect(located('error').length).toBeGreaterThan(0)
    const note = commands(result.stdout, 'notice').find(line =>
      line.includes('annotations left out')
    )
    expect(note).toMatch(/::(\d+) more findings for docker-archive:app\.tar are not annotated/)
    // every step-level annotation, findings and warnings together, stays within 10 per type
    for (const name of ['error', 'warning', 'notice'])
      expect(commands(result.stdout, name).length).toBeLessThanOrEqual(10)
  })

  it('cuts a comment and check output that would exceed GitHub limits', async () => {
    const {api, runtime} = await fakes()
    const ws = workspace('noisy', 'one')
    writeNoisyImage(ws, 'two')
    writeNoisyImage(ws, 'three')
    const profile = writeAllRulesTailoring(join(ws, 'every-rule.xml'))
    const result = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {
        images: 'docker-archive:one.tar\ndocker-archive:two.tar\ndocker-archive:three.tar',
        tailoring: 'every-rule.xml',
        // The tailoring selects every rule of that content: scan with it, not the newest.
        content: debian11Content,
        profile,
        baseline: 'none'
      },
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    expect(api.problems()).toEqual([])
    const body = api.comments[0]?.body ?? ''
    expect(Array.from(body).length).toBeLessThan(65_536)
    expect(body).toContain('cut: GitHub comments hold at most 65,536 characters')
    expect((body.match(/```/g) ?? []).length % 2).toBe(0)
    expect((body.match(/<details>/g) ?? []).length).toBe((body.match(/<\/details>/g) ?? []).length)
    // the job summary keeps all three images
    for (const name of ['one', 'two', 'three'])
      expect(result.summary).toContain(`docker-archive:${name}.tar`)
    expect(api.checkRuns).toHaveLength(3)
    expect(result.outputs['sarif-file']?.split('\n')).toHaveLength(3)
  })

  it('retries an API that answers 500 and then recovers', async () => {
    const {api, runtime} = await fakes({failFirst: 2})
    const result = await runAction({
      workspace: workspace('failing'),
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', baseline: 'none'},
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    expect(api.requests.slice(0, 3).map(r => [r.operation, r.status])).toEqual([
      ['/repos/{owner}/{repo}/check-runs', 500],
      ['/repos/{owner}/{repo}/check-runs', 500],
      ['/repos/{owner}/{repo}/check-runs', 201]
    ])
    expect(api.checkRuns).toHaveLength(1)
    expect(commands(result.stdout, 'warning')).toEqual([])
    expect(result.stdout).toMatch(/check-runs: answered 500; retrying in 1 s/)
  })

  it('fails with a different message when the scan cannot complete', async () => {
    const {api, runtime} = await fakes()
    const ws = workspace('clean')
    writeFileSync(join(ws, 'broken.tar'), 'not a tar')
    const result = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:broken.tar', baseline: 'none'},
      env: runtime.env()
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    expect(result.outputs.verdict).toBe('incomplete')
    expect(commands(result.stdout, 'error').at(-1)).toMatch(
      /^::error::scapgate: the scan of docker-archive:broken\.tar could not complete: /
    )
    expect(api.checkRuns[0]).toMatchObject({conclusion: 'failure'})
    expect(result.summary).toContain('the scan did not complete')
  })

  it('never lets untrusted text forge a workflow command, and never prints a secret', async () => {
    const {api, runtime} = await fakes({readOnly: true})
    const ws = workspace('failing')
    // a Dockerfile whose name is a command, and a profile title (content text) carrying commands
    copyFileSync(join(ws, 'Dockerfile'), join(ws, '::add-mask::Dockerfile'))
    const profile = writeAllRulesTailoring(join(ws, 'hostile.xml'))
    const hostileTitle =
      'every rule&#10;::error::forged-title %0A::warning::forged-percent&#13;::stop-commands::forged'
    writeFileSync(
      join(ws, 'hostile.xml'),
      readFileSync(join(ws, 'hostile.xml'), 'utf8').replace(
        'every rule (scapgate action test)',
        hostileTitle
      )
    )
    const canary = `CANARY-PW-${process.pid}-${Date.now()}`
    const result = await runAction({
      workspace: ws,
      event: 'fork_pull_request',
      apiUrl: api.url,
      inputs: {
        image: 'docker-archive:app.tar',
        dockerfile: '::add-mask::Dockerfile',
        tailoring: 'hostile.xml',
        profile,
        baseline: 'none'
      },
      env: {
        ...runtime.env(),
        SCAPGATE_REGISTRY_USERNAME: 'robot',
        SCAPGATE_REGISTRY_PASSWORD: canary,
        ACTIONS_STEP_DEBUG: 'true'
      }
    })
    showOnFailure(result)
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n').map(line => line.trimStart())
    // the hostile texts did reach the log (summary and annotations) ...
    expect(result.stdout).toContain('::error::forged')
    expect(result.stdout).toContain('add-mask')
    // ... but the only live commands are ours: no line starts with a forged one
    for (const forged of [
      '::error::forged',
      '::warning::forged',
      '::stop-commands::forged',
      '::add-mask::Dockerfile'
    ])
      expect(
        lines.filter(line => line.startsWith(forged)),
        forged
      ).toEqual([])
    // annotations on the hostile file name carry it escaped in the property
    expect(lines.some(line => line.includes('file=%3A%3Aadd-mask%3A%3ADockerfile'))).toBe(true)
    // the password is masked first and appears nowhere else: logs, outputs or files
    expect(lines.filter(line => line.includes(canary))).toEqual([`::add-mask::${canary}`])
    expect(result.stderr).not.toContain(canary)
    const out = join(ws, '.runner-temp', 'scapgate-out')
    for (const file of ['results.json', 'results.sarif', 'summary.md', 'report.html', 'arf.xml'])
      expect(readFileSync(join(out, file), 'utf8'), file).not.toContain(canary)
  })

  it('rejects a bad input with a message naming it before scanning', async () => {
    const {api, runtime} = await fakes()
    const result = await runAction({
      workspace: workspace('clean'),
      event: 'push',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', 'fail-on': 'hgh'},
      env: runtime.env()
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::scapgate: configuration error: Expected `fail-on` to be one of low|medium|high|never, got `hgh`'
    )
    expect(api.requests).toEqual([])
    expect(result.summary).toContain('scapgate did not run')
  })
})
