import {ConfigurationError} from '@scapgate/core'
import {describe, expect, it} from 'vitest'
import {getBooleanInput, readInputs} from './inputs.js'

const base = {INPUT_IMAGE: 'docker-archive:app.tar'}

describe('readInputs', () => {
  it('reads one image with every default', () => {
    expect(readInputs(base)).toEqual({
      images: ['docker-archive:app.tar'],
      baseline: {kind: 'auto'},
      uploadSarif: true,
      annotations: true,
      prComment: true,
      artifactName: 'scapgate',
      token: '',
      cache: true,
      options: {values: {}, from: {}},
      fleet: false
    })
  })

  it('reads `attest` and the key itself from `attest-key`, outside the scan options', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----'
    const keyed = readInputs({...base, INPUT_ATTEST: 'true', 'INPUT_ATTEST-KEY': key})
    expect(keyed.attest).toEqual({key})
    expect(keyed.options).toEqual({values: {}, from: {}})
    expect(readInputs({...base, INPUT_ATTEST: 'true'}).attest).toEqual({})
  })

  it('adds the lines of `images` after `image`, skipping blanks, comments and duplicates', () => {
    const inputs = readInputs({
      ...base,
      INPUT_IMAGES:
        '\n  docker-archive:b.tar  # the API\n\ndocker-archive:app.tar\r\noci:layout:1\n'
    })
    expect(inputs.images).toEqual([
      'docker-archive:app.tar',
      'docker-archive:b.tar',
      'oci:layout:1'
    ])
  })

  it.each([
    [{}, 'Expected `image` or `images` to name at least one image, got neither'],
    [
      {INPUT_IMAGE: '--privileged'},
      'Expected an image reference in `image`/`images`, got `--privileged` (starts with -)'
    ],
    [
      {INPUT_IMAGES: 'a.tar b.tar'},
      'Expected an image reference without spaces or control characters in `image`/`images`, got `a.tar b.tar`'
    ],
    [
      {...base, 'INPUT_FAIL-ON': 'hgh'},
      'Expected `fail-on` to be one of low|medium|high|never, got `hgh`'
    ],
    [
      {...base, 'INPUT_UPLOAD-SARIF': 'yes'},
      'Expected `upload-sarif` to be true or false (YAML 1.2 core schema), got `yes`'
    ],
    [
      {...base, INPUT_CACHE: '1'},
      'Expected `cache` to be true or false (YAML 1.2 core schema), got `1`'
    ],
    [
      {...base, INPUT_CVES: 'yes'},
      'Expected `cves` to be true or false (YAML 1.2 core schema), got `yes`'
    ],
    [
      {...base, 'INPUT_CVE-FAIL-ON': 'severe'},
      'Expected `cve-fail-on` to be one of critical|high|medium|low|never, got `severe`'
    ],
    [
      {...base, 'INPUT_IGNORE-UNFIXED': 'on'},
      'Expected `ignore-unfixed` to be true or false (YAML 1.2 core schema), got `on`'
    ],
    [
      {...base, INPUT_ATTEST: 'yes'},
      'Expected `attest` to be true or false (YAML 1.2 core schema), got `yes`'
    ],
    [
      {...base, INPUT_ATTEST: 'false', 'INPUT_ATTEST-KEY': 'PEM'},
      'Expected `attest-key` only with `attest: true`, got it alone'
    ],
    [
      {...base, 'INPUT_ARTIFACT-NAME': 'a/b'},
      'Expected `artifact-name` without \\ / " : < > | * ? or newlines, got `a/b`'
    ]
  ])('rejects %j with a message naming the input', (env, message) => {
    expect(() => readInputs(env)).toThrow(new ConfigurationError(message))
  })

  it('shows control characters of a bad value instead of printing them', () => {
    expect(() => readInputs({...base, 'INPUT_FAIL-ON': 'high\n::error::x'})).toThrow(
      'got `high\\x0a::error::x`'
    )
  })

  it('takes a baseline path and the optional settings as given', () => {
    const inputs = readInputs({
      ...base,
      INPUT_BASELINE: 'ci/baseline.json',
      INPUT_PROFILE: 'cis',
      'INPUT_FAIL-ON': 'high',
      INPUT_TOKEN: ' ghs_x ',
      'INPUT_PR-COMMENT': 'False'
    })
    expect(inputs).toMatchObject({
      baseline: {kind: 'path', path: 'ci/baseline.json'},
      options: {values: {profile: 'cis', failOn: 'high'}},
      token: 'ghs_x',
      prComment: false
    })
  })
})

describe('readInputs: CVE scanning', () => {
  it('reads the CVE inputs as given', () => {
    expect(
      readInputs({
        ...base,
        INPUT_CVES: 'true',
        INPUT_FEED: ' feeds/bullseye.xml.bz2 ',
        'INPUT_CVE-FAIL-ON': 'critical',
        'INPUT_IGNORE-UNFIXED': 'True'
      })
    ).toMatchObject({
      options: {
        values: {
          cves: true,
          feed: 'feeds/bullseye.xml.bz2',
          cveFailOn: 'critical',
          ignoreUnfixed: true
        },
        from: {feed: {kind: 'action', name: 'feed'}}
      }
    })
  })

  it('leaves cve-fail-on and ignore-unfixed out when empty, so that the policy decides', () => {
    const inputs = readInputs({
      ...base,
      INPUT_CVES: 'true',
      'INPUT_CVE-FAIL-ON': '',
      'INPUT_IGNORE-UNFIXED': ''
    })
    expect(inputs.options.values).toEqual({cves: true})
  })

  it('keeps an explicit ignore-unfixed: false (it then wins over the policy)', () => {
    expect(
      readInputs({...base, 'INPUT_IGNORE-UNFIXED': 'false'}).options.values.ignoreUnfixed
    ).toBe(false)
  })
})

describe('getBooleanInput', () => {
  it.each(['true', 'True', 'TRUE'])('reads %s as true', value => {
    expect(getBooleanInput({INPUT_X: value}, 'x', false)).toBe(true)
  })
  it.each(['false', 'False', 'FALSE'])('reads %s as false', value => {
    expect(getBooleanInput({INPUT_X: value}, 'x', true)).toBe(false)
  })
  it('takes the default for an empty input', () => {
    expect(getBooleanInput({INPUT_X: ''}, 'x', true)).toBe(true)
  })
})
