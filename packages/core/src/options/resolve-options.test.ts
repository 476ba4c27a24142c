import {describe, expect, it} from 'vitest'
import {defaultCvePolicy} from '../policy/cve-policy.js'
import {expandReferences, optionsFromEnvironment} from './option-variables.js'
import {globToRegExp, matchesAny} from '../policy/glob.js'
import {parsePolicy} from '../policy/parse-policy.js'
import {firstGiven, noOptions, optionsFromFlags, optionsFromNames} from './given-options.js'
import {resolveCveSettings, resolveImageSettings} from './resolve-options.js'

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

const settingsForImage = (
  p: typeof policy | undefined,
  names: string[],
  flags: Record<string, unknown> = {}
) => resolveImageSettings(optionsFromFlags(flags), p, names)

describe('resolveImageSettings', () => {
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
      'fail-on': 'medium',
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

describe('the precedence: flags, variables, policy section, policy top level, defaults', () => {
  const sectioned = parsePolicy(
    `mode: ratchet
baseline: base.json
thresholds: {fail-on: low}
images:
  - match: '**'
    profile: from-policy
    dockerfile: /policy/Dockerfile
`,
    '/work/scapgate.yml'
  )
  const env = {SCAPGATE_PROFILE: 'from-env', SCAPGATE_FAIL_ON: 'high', SCAPGATE_MODE: ''}

  it('lets a flag beat its variable, a variable beat the policy, the policy beat the defaults', () => {
    const given = firstGiven(optionsFromFlags({profile: 'from-flag'}), optionsFromEnvironment(env))
    const settings = resolveImageSettings(given, sectioned, ['x'])
    expect(settings.profile).toBe('from-flag')
    expect(settings.thresholds.failOn).toBe('high')
    expect(settings.mode).toBe('ratchet')
    expect(resolveImageSettings(noOptions(), undefined, ['x']).mode).toBe('absolute')
  })

  it('uses the implicit ./Dockerfile only when neither the options nor the policy name one', () => {
    const implicit = '/work/Dockerfile'
    expect(resolveImageSettings(noOptions(), sectioned, ['x'], implicit).dockerfile).toBe(
      '/policy/Dockerfile'
    )
    expect(resolveImageSettings(noOptions(), undefined, ['x'], implicit).dockerfile).toBe(implicit)
    const flagged = optionsFromFlags({dockerfile: '/flag/Dockerfile'})
    const settings = resolveImageSettings(flagged, sectioned, ['x'], implicit)
    expect(settings.dockerfile).toBe('/flag/Dockerfile')
    expect(settings.fromPolicy).toEqual({})
  })

  it('names the variable in the message of a bad value, and treats empty as unset', () => {
    expect(() => optionsFromEnvironment({SCAPGATE_FAIL_ON: 'severe'})).toThrow(
      'Expected `SCAPGATE_FAIL_ON` to be one of low|medium|high|never, got `severe`'
    )
    expect(() => optionsFromEnvironment({SCAPGATE_CVES: 'yes'})).toThrow(
      'Expected `SCAPGATE_CVES` to be true or false (YAML 1.2 core schema), got `yes`'
    )
    expect(optionsFromEnvironment({SCAPGATE_PROFILE: '  '}).values).toEqual({})
    expect(() => optionsFromFlags({timeout: '0'})).toThrow(
      'Expected `--timeout` to be a whole number of seconds ≥ 1, got `0`'
    )
    expect(() => optionsFromFlags({content: ''})).toThrow(
      'Expected `--content` to have a value, got an empty string'
    )
  })
})

describe('resolveCveSettings', () => {
  const now = new Date('2026-06-15T12:00:00Z')
  it('is off unless cves or the policy enables CVE scanning', () => {
    expect(resolveCveSettings(noOptions(), undefined)).toBeUndefined()
    expect(resolveCveSettings(noOptions(), {...defaultCvePolicy, failOn: 'low'})).toBeUndefined()
    expect(resolveCveSettings(noOptions(), {...defaultCvePolicy, enabled: true})?.policy).toEqual({
      ...defaultCvePolicy,
      enabled: true
    })
  })

  it('rejects CVE options without cves, naming the option as its source spells it', () => {
    expect(() => resolveCveSettings(optionsFromFlags({feed: 'f.xml'}), undefined)).toThrow(
      'Expected `--feed` only with `--cves` or `cves: {enabled: true}` in the policy, got neither'
    )
    expect(() =>
      resolveCveSettings(optionsFromEnvironment({SCAPGATE_CVE_FAIL_ON: 'low'}), undefined)
    ).toThrow('Expected `SCAPGATE_CVE_FAIL_ON` only with `SCAPGATE_CVES=true`')
    const inputs = optionsFromNames('action', name => ({'cve-fail-on': 'critical'})[name])
    expect(() => resolveCveSettings(inputs, undefined)).toThrow(
      'Expected `cve-fail-on` only with `cves: true` or `cves: {enabled: true}` in the policy, got neither'
    )
    const enabled = {...defaultCvePolicy, enabled: true}
    expect(resolveCveSettings(optionsFromFlags({feed: 'f.xml'}), enabled)?.feed).toBe('f.xml')
  })

  it('lets the options that were given win over the policy, and keeps the policy for the rest', () => {
    const policy = {
      ...defaultCvePolicy,
      failOn: 'critical' as const,
      ignoreUnfixed: true,
      staleFeed: 'fail' as const,
      waivers: [{id: 'CVE-1', reason: 'r', expires: '2026-01-01'}]
    }
    const given = optionsFromFlags({
      cves: true,
      feed: '/feeds/f.xml',
      'max-feed-age': '3',
      'cve-fail-on': 'low'
    })
    expect(resolveCveSettings(given, policy, now)).toEqual({
      feed: '/feeds/f.xml',
      now,
      policy: {...policy, enabled: true, failOn: 'low', maxFeedAgeDays: 3}
    })
  })
})

describe('$NAME references in image and path variables', () => {
  const env = {
    CI_REGISTRY_IMAGE: 'registry.example/group/app',
    CI_COMMIT_SHA: 'abc123',
    PROFILE: 'expanded'
  }

  it('are expanded once, the way the runner would, and nothing else is', () => {
    expect(expandReferences('$CI_REGISTRY_IMAGE:${CI_COMMIT_SHA}', env)).toBe(
      'registry.example/group/app:abc123'
    )
    expect(expandReferences('$(touch x) `y` $$ $? ${!x} $UNSET.', env)).toBe(
      '$(touch x) `y` $$ $? ${!x} .'
    )
    expect(expandReferences('$A', {A: '$CI_COMMIT_SHA'})).toBe('$CI_COMMIT_SHA')
  })

  it('apply to image and path variables only, never to ids such as the profile', () => {
    const given = optionsFromEnvironment({
      ...env,
      SCAPGATE_IMAGE: '$CI_REGISTRY_IMAGE:${CI_COMMIT_SHA}',
      SCAPGATE_PROFILE: '$PROFILE'
    })
    expect(given.values.image).toBe('registry.example/group/app:abc123')
    expect(given.values.profile).toBe('$PROFILE')
  })
})
