/**
 * The built action (`dist/action/index.js`) under Node 24 with `cves: true`: a real scan of an
 * image with a vulnerable package against a feed served by a local HTTP server, the GitHub API
 * and the Actions runtime (cache) as local stand-ins. Needs root, oscap and bzip2; fails without.
 * Build first: `node scripts/build.mjs`.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFailed} from 'vitest'
import {dpkgStatus} from '../fixtures/images/sample-app/spec.js'
import {type FeedServer, startFeedServer} from '../support/feed-server.js'
import {FakeGitHub} from '../support/github-api.js'
import {FakeRuntime} from '../support/github-api-runtime.js'
import {debian11Base, writeImage} from '../support/scan-fixtures.js'
import {sampleApp} from './images.js'
import {runAction} from './run-action.js'

const feedsDir = join(import.meta.dirname, '..', 'fixtures', 'feeds')

let root: string
let feeds: FeedServer
let api: FakeGitHub
let runtime: FakeRuntime

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'scapgate-action-cves-'))
  feeds = await startFeedServer()
  // Today's timestamp, so that the feed is never stale whatever the day the test runs.
  feeds.files.set(
    '/oval-definitions-bullseye.xml',
    readFileSync(join(feedsDir, 'debian-bullseye-excerpt.xml'), 'utf8').replace(
      /<oval:timestamp>[^<]*</,
      `<oval:timestamp>${new Date().toISOString().slice(0, 19)}<`
    )
  )
  api = new FakeGitHub()
  await api.start()
  runtime = new FakeRuntime()
  await runtime.start()
})
afterAll(async () => {
  await Promise.all([feeds.close(), api.stop(), runtime.stop()])
  rmSync(root, {recursive: true, force: true})
})

/** The clean Debian 11 base plus telnetd 0.17-42, older than the 0.17-43 that fixes CVE-2020-10188. */
function vulnerableWorkspace(): string {
  const ws = join(root, 'ws')
  mkdirSync(ws, {recursive: true})
  copyFileSync(join(sampleApp, 'Dockerfile'), join(ws, 'Dockerfile'))
  const status = dpkgStatus([
    ['base-files', '11.1+deb11u11'],
    ['libc6', '2.31-13+deb11u11'],
    ['login', '1:4.8.1-1'],
    ['passwd', '1:4.8.1-1'],
    ['telnetd', '0.17-42']
  ])
  writeImage(ws, 'app', [debian11Base, [{name: 'var/lib/dpkg/status', content: status}]])
  return ws
}

describe('the GitHub Action bundle with cves: true', () => {
  it('fails the gate on a known vulnerability, reports it, and saves the downloaded feed in the Actions cache', async () => {
    const ws = vulnerableWorkspace()
    const result = await runAction({
      workspace: ws,
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {
        image: 'docker-archive:app.tar',
        // The compliance gate never fails here: only the CVE gate can.
        'fail-on': 'never',
        baseline: 'none',
        cves: 'true',
        feed: feeds.url('/oval-definitions-bullseye.xml.bz2')
      },
      env: runtime.env()
    })
    onTestFailed(() => {
      console.log(`exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`)
    })
    expect(result.code).toBe(1)
    expect(result.outputs.verdict).toBe('fail')
    expect(result.stdout).toMatch(
      /^::error::scapgate: compliance gate failed for docker-archive:app\.tar/m
    )
    expect(api.problems()).toEqual([])

    // The findings reach the job summary, the PR comment and the check run's annotations.
    expect(result.summary).toContain('CVE-2020-10188')
    expect(api.comments).toHaveLength(1)
    expect(api.comments[0]?.body).toContain('CVE-2020-10188')
    expect(api.checkRuns).toHaveLength(1)
    expect(api.checkRuns[0]?.conclusion).toBe('failure')
    const annotations = api.checkRuns[0]?.output.annotations ?? []
    expect(annotations).toContainEqual(
      expect.objectContaining({
        annotation_level: 'failure',
        message: expect.stringContaining('telnetd 0.17-42 is affected by CVE-2020-10188')
      })
    )

    // The feed cache directory was saved under this week's key and holds the downloaded feed.
    const saved = runtime.cacheEntries.filter(e => e.key.startsWith('scapgate-feeds-v1-Linux-'))
    expect(saved).toHaveLength(1)
    expect(saved[0]?.key).toMatch(/^scapgate-feeds-v1-Linux-\d{4}-W\d{2}$/)
    expect(saved[0]?.finalized).toBe(true)
    const archive = join(root, 'feed-cache.tar')
    writeFileSync(archive, saved[0]?.data ?? Buffer.alloc(0))
    const listing = execFileSync('tar', ['-tf', archive]).toString()
    expect(listing).toMatch(/scapgate-feed-cache\//)
    expect(
      listing.split('\n').filter(line => /scapgate-feed-cache\/[^/]+$/.test(line)).length
    ).toBeGreaterThan(0)
  })
  it('restores the feed cache on the next run of the week and does not save it again', async () => {
    const cacheRuntime = new FakeRuntime()
    await cacheRuntime.start()
    try {
      const run = () =>
        runAction({
          workspace: vulnerableWorkspace(),
          event: 'push',
          apiUrl: api.url,
          inputs: {
            image: 'docker-archive:app.tar',
            'fail-on': 'never',
            baseline: 'none',
            cves: 'true',
            'cve-fail-on': 'never',
            feed: feeds.url('/oval-definitions-bullseye.xml.bz2')
          },
          env: cacheRuntime.env()
        })
      const first = await run()
      const second = await run()
      onTestFailed(() => console.log(`--- first\n${first.stdout}\n--- second\n${second.stdout}`))
      expect([first.code, second.code]).toEqual([0, 0])
      expect(first.stdout).toMatch(/CVE feed cache: saved as scapgate-feeds-v1-Linux-/)
      expect(second.stdout).toMatch(/CVE feed cache: restored scapgate-feeds-v1-Linux-/)
      expect(second.stdout).toMatch(/exists already; not saved again/)
      expect(
        cacheRuntime.cacheEntries.filter(e => e.key.startsWith('scapgate-feeds-'))
      ).toHaveLength(1)
    } finally {
      await cacheRuntime.stop()
    }
  })

  it('refuses CVE options without cves: true or a policy enabling CVE scanning, naming the input', async () => {
    const result = await runAction({
      workspace: vulnerableWorkspace(),
      event: 'pull_request',
      apiUrl: api.url,
      inputs: {image: 'docker-archive:app.tar', 'cve-fail-on': 'critical'},
      env: runtime.env()
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(
      '::error::scapgate: configuration error: Expected `cve-fail-on` only with `cves: true` or `cves: {enabled: true}` in the policy, got neither'
    )
  })
})
