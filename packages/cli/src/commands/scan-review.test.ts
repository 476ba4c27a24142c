import {describe, expect, it} from 'vitest'
import type {CliIo} from '../command.js'
import {parseScan, reviewOptions} from './scan.js'

const io = (env: Record<string, string>): CliIo =>
  ({env, cwd: '/builds/acme/shop'}) as unknown as CliIo
const sha = '3f2c1e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e'

describe('scapgate scan: links and history', () => {
  it('links to GitLab blobs at CI_COMMIT_SHA in GitLab CI, and keeps SCAPGATE_HISTORY', () => {
    const command = parseScan(['docker-archive:app.tar'])
    expect(
      reviewOptions(
        command,
        io({
          CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
          CI_COMMIT_SHA: sha,
          SCAPGATE_HISTORY: '.scapgate-history/history.json'
        })
      )
    ).toEqual({
      review: {
        links: {blobBase: `https://gitlab.example.com/acme/shop/-/blob/${sha}/`},
        history: {path: '/builds/acme/shop/.scapgate-history/history.json', commit: sha}
      }
    })
  })

  it('lets the flags win, and ignores variables that are not a URL or a commit', () => {
    const command = parseScan([
      'docker-archive:app.tar',
      '--link-base',
      'https://example.com/r/blob/abc/',
      '--history',
      'h.json',
      '--commit',
      'abcdef1'
    ])
    expect(
      reviewOptions(command, io({SCAPGATE_LINK_BASE: 'https://other/', GIT_COMMIT: sha}))
    ).toEqual({
      review: {
        links: {blobBase: 'https://example.com/r/blob/abc/'},
        history: {path: '/builds/acme/shop/h.json', commit: 'abcdef1'}
      }
    })
    expect(
      reviewOptions(
        parseScan(['x']),
        io({SCAPGATE_LINK_BASE: 'javascript:alert(1)', GIT_COMMIT: '$(id)'})
      )
    ).toEqual({})
    expect(() => parseScan(['x', '--link-base', 'javascript:alert(1)'])).toThrow(/http\(s\) URL/)
    expect(() => parseScan(['x', '--commit', 'main'])).toThrow(/hexadecimal/)
  })
})
