import {describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {formatPlatform, normalizePlatform, parsePlatform, platformMatches} from './platform.js'
import {parseImageReference} from './reference.js'

describe('parseImageReference', () => {
  it('splits transport, path and an optional ref at the first two colons', () => {
    expect(parseImageReference('docker-archive:img.tar')).toEqual({
      transport: 'docker-archive',
      path: 'img.tar',
      raw: 'docker-archive:img.tar'
    })
    expect(
      parseImageReference('docker-archive:/tmp/a.tar:registry.example:5000/app:1.2')
    ).toMatchObject({
      path: '/tmp/a.tar',
      ref: 'registry.example:5000/app:1.2'
    })
    expect(parseImageReference('oci:layout:v1.0')).toMatchObject({
      transport: 'oci',
      path: 'layout',
      ref: 'v1.0'
    })
    expect(parseImageReference('oci-archive:x.tar:@1')).toMatchObject({
      transport: 'oci-archive',
      ref: '@1'
    })
  })

  it('rejects an unknown transport and lists the supported ones', () => {
    expect(() => parseImageReference('docker://alpine', 'image')).toThrow(ConfigurationError)
    expect(() => parseImageReference('docker://alpine', 'image')).toThrow(
      'Expected `image` to be docker-archive:PATH[:REF], oci-archive:PATH[:REF] or oci:DIR[:REF]; unknown transport `docker` (supported: docker-archive, oci-archive, oci) in `docker://alpine`'
    )
  })

  it('rejects a missing transport, an empty path and a malformed ref', () => {
    expect(() => parseImageReference('alpine.tar')).toThrow('no transport prefix in `alpine.tar`')
    expect(() => parseImageReference('oci:')).toThrow('the path is empty')
    expect(() => parseImageReference('oci:dir:bad ref')).toThrow(
      'REF `bad ref` is not a tag, ref name or @N index'
    )
    expect(() => parseImageReference('oci:dir:')).toThrow(ConfigurationError)
  })

  it('escapes control characters of the argument in its message', () => {
    expect(() => parseImageReference('oci:a\nb')).toThrow('`oci:a\\x0ab`')
  })
})

describe('parsePlatform', () => {
  it('parses os/architecture with an optional variant and formats it back', () => {
    expect(parsePlatform('linux/arm64/v8')).toEqual({
      os: 'linux',
      architecture: 'arm64',
      variant: 'v8'
    })
    expect(parsePlatform('Linux/AMD64')).toEqual({os: 'linux', architecture: 'amd64'})
    expect(formatPlatform(parsePlatform('linux/arm/v7'))).toBe('linux/arm/v7')
    expect(formatPlatform({os: 'linux', architecture: 'amd64'})).toBe('linux/amd64')
  })

  it('rejects malformed platforms naming the argument and the accepted form', () => {
    for (const bad of ['linux', 'linux/', '/amd64', 'linux/amd64/v8/x', 'linux/am d64']) {
      expect(() => parsePlatform(bad, '--platform')).toThrow(ConfigurationError)
    }
    expect(() => parsePlatform('amd64', '--platform')).toThrow(
      'Expected `--platform` to be os/architecture[/variant] such as linux/amd64 or linux/arm64/v8, got `amd64`'
    )
  })
})

describe('platformMatches', () => {
  it('treats arm64 and arm64/v8 as the same platform, and aarch64 as arm64', () => {
    expect(platformMatches(parsePlatform('linux/arm64'), parsePlatform('linux/arm64/v8'))).toBe(
      true
    )
    expect(platformMatches(parsePlatform('linux/arm64/v8'), parsePlatform('linux/arm64'))).toBe(
      true
    )
    expect(
      platformMatches(parsePlatform('linux/arm64'), {os: 'linux', architecture: 'aarch64'})
    ).toBe(true)
    expect(normalizePlatform({os: 'linux', architecture: 'arm'})).toEqual({
      os: 'linux',
      architecture: 'arm',
      variant: 'v7'
    })
  })

  it('needs the requested variant when one is given, and accepts any variant otherwise', () => {
    expect(platformMatches(parsePlatform('linux/arm/v6'), parsePlatform('linux/arm/v7'))).toBe(
      false
    )
    expect(platformMatches(parsePlatform('linux/amd64'), parsePlatform('linux/amd64/v3'))).toBe(
      true
    )
    expect(platformMatches(parsePlatform('linux/amd64/v2'), parsePlatform('linux/amd64'))).toBe(
      false
    )
    expect(platformMatches(parsePlatform('linux/amd64'), parsePlatform('linux/arm64'))).toBe(false)
    expect(platformMatches(parsePlatform('linux/amd64'), parsePlatform('windows/amd64'))).toBe(
      false
    )
  })
})
