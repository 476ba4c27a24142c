import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {describe, expect, it} from 'vitest'
import type {CliIo} from '../command.js'
import {UsageError} from '../exit-codes.js'
import {parseContentCommand, runContent} from './content.js'

function capture(): {io: CliIo; out: () => string; err: () => string} {
  let out = ''
  let err = ''
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk))
        done()
      }
    })
  return {
    io: {
      stdout: sink(s => (out += s)),
      stderr: sink(s => (err += s)),
      env: {},
      cwd: '/',
      signal: new AbortController().signal
    },
    out: () => out,
    err: () => err
  }
}

describe('parseContentCommand', () => {
  it('parses the three actions and their flags', () => {
    expect(parseContentCommand(['list', '--json'])).toEqual({action: 'list', json: true})
    expect(
      parseContentCommand(['fetch', 'ssg:0.1.76', '--sha256', 'ab', '--content-dir', 'd'])
    ).toEqual({action: 'fetch', source: 'ssg:0.1.76', sha256: 'ab', contentDir: 'd'})
    expect(parseContentCommand(['explain', 'oci:x', '--profile', 'cis_level1_server'])).toEqual({
      action: 'explain',
      image: 'oci:x',
      profile: 'cis_level1_server'
    })
  })

  it('names what is wrong: no action, an unknown one, a flag of another action, a missing source', () => {
    expect(() => parseContentCommand([])).toThrow(/got nothing/)
    expect(() => parseContentCommand(['purge'])).toThrow(/`list`, `fetch` or `explain`.*`purge`/)
    expect(() => parseContentCommand(['list', '--sha256', 'x'])).toThrow(
      /`--sha256` does not apply to `content list`/
    )
    expect(() => parseContentCommand(['fetch'])).toThrow(UsageError)
  })
})

describe('scapgate content fetch and list', () => {
  it('adds a local data stream to the store and lists it with its SSG version and profiles', async () => {
    const store = mkdtempSync(join(tmpdir(), 'scapgate-content-cli-'))
    const fetched = capture()
    const code = await runContent(
      {
        action: 'fetch',
        source: '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml',
        contentDir: store
      },
      fetched.io
    )
    expect(fetched.err()).toBe('')
    expect(code).toBe(0)
    expect(fetched.out()).toMatch(/verified and added \(local; sha256 [0-9a-f]{64}\)/)
    const listed = capture()
    expect(await runContent({action: 'list', contentDir: store, json: true}, listed.io)).toBe(0)
    const [dir] = JSON.parse(listed.out()) as {
      dir: string
      entries: {dataStreams: {product: string; ssgVersion: string; profiles: {id: string}[]}[]}[]
    }[]
    expect(dir?.dir).toBe(store)
    expect(dir?.entries[0]?.dataStreams[0]).toMatchObject({
      product: 'debian11',
      ssgVersion: '0.1.65'
    })
    expect(dir?.entries[0]?.dataStreams[0]?.profiles.map(p => p.id)).toContain(
      'xccdf_org.ssgproject.content_profile_standard'
    )
  })

  it('exits 2 for a source that does not exist, naming it', async () => {
    const run = capture()
    const store = mkdtempSync(join(tmpdir(), 'scapgate-content-cli-'))
    expect(
      await runContent({action: 'fetch', source: '/nonexistent/x.deb', contentDir: store}, run.io)
    ).toBe(2)
    expect(run.err()).toContain('/nonexistent/x.deb')
  })
})
