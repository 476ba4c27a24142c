import {describe, expect, it} from 'vitest'
import {globToRegExp, matchesAny} from './glob.js'
import {parsePolicy} from './parse-policy.js'
import {settingsForImage} from './resolve-policy.js'

const policy = parsePolicy(
  `thresholds:
  fail-on: low
  max: {medium: 2}
  count: {notchecked: failure}
waivers:
  - rule: a
    images: ['registry.example/team/api:*']
    reason: r
    approver: x
    expires: 2030-01-01
  - rule: b
    reason: r
    approver: x
    expires: 2030-01-01
images:
  - match: '**/api.tar'
    profile: cis
    thresholds: {fail-on: high, max: {low: 5}}
  - match: '**'
    profile: standard
`,
  'scapgate.yml'
)

describe('image globs', () => {
  it('lets * stop at slashes and ** cross them', () => {
    expect(globToRegExp('registry.example/*:1').test('registry.example/app:1')).toBe(true)
    expect(globToRegExp('registry.example/*:1').test('registry.example/team/app:1')).toBe(false)
    expect(globToRegExp('registry.example/**:1').test('registry.example/team/app:1')).toBe(true)
    expect(globToRegExp('app-?.tar').test('app-1.tar')).toBe(true)
  })

  it('treats regular expression characters literally', () => {
    expect(matchesAny(['a.b+(c)'], ['a.b+(c)'])).toBe(true)
    expect(matchesAny(['a.b'], ['axb'])).toBe(false)
  })
})

describe('settingsForImage', () => {
  it('applies the first matching section over the top level, key by key', () => {
    const settings = settingsForImage(policy, [
      'docker-archive:/builds/api.tar',
      'registry.example/team/api:1.2'
    ])
    expect(settings.profile).toBe('cis')
    expect(settings.thresholds).toEqual({
      failOn: 'high',
      max: {medium: 2, low: 5},
      countAs: {error: 'failure', unknown: 'failure', notchecked: 'failure'}
    })
    expect(settings.waivers.map(w => w.rule)).toEqual(['a', 'b'])
  })

  it('keeps image-scoped waivers off other images', () => {
    const settings = settingsForImage(policy, ['docker-archive:/builds/worker.tar'])
    expect(settings.profile).toBe('standard')
    expect(settings.waivers.map(w => w.rule)).toEqual(['b'])
  })

  it('lets the command line win', () => {
    const settings = settingsForImage(policy, ['docker-archive:/builds/api.tar'], {
      failOn: 'medium',
      mode: 'ratchet'
    })
    expect(settings.thresholds.failOn).toBe('medium')
    expect(settings.mode).toBe('ratchet')
  })

  it('gives the plain defaults without a policy', () => {
    expect(settingsForImage(undefined, ['x'])).toMatchObject({
      mode: 'absolute',
      waivers: [],
      thresholds: {failOn: 'medium', max: {}}
    })
  })
})
