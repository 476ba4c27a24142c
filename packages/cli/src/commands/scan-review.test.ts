import {describe, expect, it} from 'vitest'
import {absolutePaths, firstGiven, optionsFromEnvironment} from '@scapgate/core'
import type {CliIo} from '../command.js'
import {parseScan, reviewOptions} from './scan.js'

const cwd = '/builds/acme/shop'
const io = (env: Record<string, string>): CliIo => ({env, cwd}) as unknown as CliIo
const sha = '3f2c1e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e'

/** What `runScan` does: flags over SCAPGATE_* variables, paths absolute, then the review options. */
function review(argv: string[], env: Record<string, string>): ReturnType<typeof reviewOptions> {
  const given = absolutePaths(firstGiven(parseScan(argv).flags, optionsFromEnvironment(env)), cwd)
  return reviewOptions(given.values, io(env))
}

describe('scapgate scan: links and history', () => {
  it('links to GitLab blobs at CI_COMMIT_SHA in GitLab CI, and keeps SCAPGATE_HISTORY', () => {
    expect(
      review(['docker-archive:app.tar'], {
        CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
        CI_COMMIT_SHA: sha,
        SCAPGATE_HISTORY: '.scapgate-history/history.json'
      })
    ).toEqual({
      review: {
        links: {blobBase: `https://gitlab.example.com/acme/shop/-/blob/${sha}/`},
        history: {path: '/builds/acme/shop/.scapgate-history/history.json', commit: sha}
      }
    })
  })

  it('lets the flags win over the variables', () => {
    expect(
      review(
        [
          'docker-archive:app.tar',
          '--link-base',
          'https://example.com/r/blob/abc/',
          '--history',
          'h.json',
          '--commit',
          'abcdef1'
        ],
        {SCAPGATE_LINK_BASE: 'https://other/', GIT_COMMIT: sha}
      )
    ).toEqual({
      review: {
        links: {blobBase: 'https://example.com/r/blob/abc/'},
        history: {path: '/builds/acme/shop/h.json', commit: 'abcdef1'}
      }
    })
  })

  it('ignores CI variables that are not a commit, and refuses bad scapgate settings', () => {
    expect(review(['x'], {GIT_COMMIT: '$(id)', CI_COMMIT_SHA: 'main'})).toEqual({})
    // SCAPGATE_* variables are the user's settings: a bad one is a configuration error, as a flag.
    expect(() => review(['x'], {SCAPGATE_LINK_BASE: 'javascript:alert(1)'})).toThrow(
      /SCAPGATE_LINK_BASE.*http\(s\) URL/
    )
    expect(() => parseScan(['x', '--link-base', 'javascript:alert(1)'])).toThrow(/http\(s\) URL/)
    expect(() => parseScan(['x', '--commit', 'main'])).toThrow(/hexadecimal/)
  })
})
