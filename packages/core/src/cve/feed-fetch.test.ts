import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type FeedServer, startFeedServer} from '../../../../test/support/feed-server.js'
import {ConfigurationError} from '../errors.js'
import {nullLogger} from '../logging.js'
import {FeedUnavailableError, fetchFeed} from './feed-fetch.js'

const FEED = '<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"/>\n'
let server: FeedServer
let work: string

beforeAll(async () => {
  server = await startFeedServer()
  server.files.set('/v2/RHEL9/rhel-9.oval.xml', FEED)
  work = await mkdtemp(join(tmpdir(), 'scapgate-fetch-'))
})
afterAll(async () => {
  await server.close()
  await rm(work, {recursive: true, force: true})
})

function manifestFor(body: Buffer | string): string {
  return `RHEL9/rhel-9.oval.xml.bz2,${createHash('sha256').update(body).digest('hex')},${body.length}\n`
}

describe('fetchFeed', () => {
  it('decompresses a .bz2 download and keeps the sha256 of the bytes as served', async () => {
    const feed = await fetchFeed({
      source: server.url('/v2/RHEL9/rhel-9.oval.xml.bz2'),
      workDir: work,
      logger: nullLogger
    })
    expect(await readFile(feed.xmlPath, 'utf8')).toBe(FEED)
    expect(feed.origin).toBe('download')
    expect(feed.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('accepts a download that matches the published PULP_MANIFEST checksum', async () => {
    const first = await fetchFeed({
      source: server.url('/v2/RHEL9/rhel-9.oval.xml.bz2'),
      workDir: work,
      logger: nullLogger
    })
    server.files.set(
      '/v2/PULP_MANIFEST',
      `RHEL8/rhel-8.oval.xml.bz2,${'0'.repeat(64)},1\nRHEL9/rhel-9.oval.xml.bz2,${first.sha256},1\n`
    )
    const feed = await fetchFeed({
      source: server.url('/v2/RHEL9/rhel-9.oval.xml.bz2'),
      checksums: {
        url: server.url('/v2/PULP_MANIFEST'),
        entry: 'RHEL9/rhel-9.oval.xml.bz2',
        format: 'pulp-manifest'
      },
      workDir: work,
      logger: nullLogger
    })
    expect(feed.sha256).toBe(first.sha256)
  })

  it('rejects a download whose sha256 differs from the published one, naming both', async () => {
    server.files.set('/v2/PULP_MANIFEST', manifestFor('something else'))
    const attempt = fetchFeed({
      source: server.url('/v2/RHEL9/rhel-9.oval.xml.bz2'),
      checksums: {
        url: server.url('/v2/PULP_MANIFEST'),
        entry: 'RHEL9/rhel-9.oval.xml.bz2',
        format: 'pulp-manifest'
      },
      workDir: work,
      logger: nullLogger
    })
    await expect(attempt).rejects.toThrow(FeedUnavailableError)
    await expect(attempt).rejects.toThrow(
      /does not match its published checksum: expected sha256 [0-9a-f]{64}, got [0-9a-f]{64}/
    )
  })

  it('names a missing local feed file as a configuration error', async () => {
    await expect(
      fetchFeed({source: join(work, 'nope.xml'), workDir: work, logger: nullLogger})
    ).rejects.toThrow(ConfigurationError)
  })
})
