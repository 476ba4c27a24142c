import {describe, expect, it} from 'vitest'
import {parseDockerfile} from '../dockerfile/parse-dockerfile.js'
import {blameConfigRule} from './config-rules.js'

const rule = (name: string): string => `xccdf_io.scapgate_rule_${name}`
const from = {uri: 'Dockerfile', startLine: 3, endLine: 3}
const dockerfile = (text: string) => ({uri: 'Dockerfile', parsed: parseDockerfile(text)})

describe('blameConfigRule', () => {
  const multi = dockerfile(
    'FROM golang AS build\nUSER 1000\nFROM alpine:3.20\nADD --chmod=0644 https://example.com/a.tgz /a/\nUSER root\nHEALTHCHECK NONE\n'
  )

  it("points at the final stage's USER, HEALTHCHECK and ADD of a URL", () => {
    expect(blameConfigRule(rule('image_user_not_root'), multi, from)).toMatchObject({
      kind: 'instruction',
      evidence: 'USER root runs the container as root',
      cause: 'set by the USER on line 5',
      location: {uri: 'Dockerfile', startLine: 5}
    })
    expect(blameConfigRule(rule('image_healthcheck_defined'), multi, from)).toMatchObject({
      cause: 'set by the HEALTHCHECK on line 6',
      location: {startLine: 6}
    })
    expect(blameConfigRule(rule('no_add_remote_url'), multi, from)).toMatchObject({
      evidence: 'ADD https://example.com/a.tgz /a/ downloads a remote URL',
      location: {startLine: 4}
    })
  })

  it('points a missing USER or HEALTHCHECK at the final FROM, saying it is missing (a builder stage does not count)', () => {
    const plain = dockerfile(
      'FROM golang AS build\nUSER 1000\nFROM alpine:3.20\nCOPY --from=build /app /app\n'
    )
    expect(blameConfigRule(rule('image_user_not_root'), plain, from)).toMatchObject({
      cause: 'the final stage has no USER instruction: the container runs as root',
      location: from
    })
    expect(blameConfigRule(rule('image_healthcheck_defined'), plain, from)?.cause).toBe(
      'the final stage has no HEALTHCHECK instruction'
    )
    expect(blameConfigRule(rule('no_add_remote_url'), plain, from)).toMatchObject({
      kind: 'base',
      location: from
    })
  })

  it('leaves other rules to layer blame, and says so without a Dockerfile', () => {
    expect(blameConfigRule(rule('no_private_keys'), multi, from)).toBeUndefined()
    expect(blameConfigRule(rule('image_user_not_root'), undefined, from)?.cause).toMatch(
      /no Dockerfile was given/
    )
  })
})
