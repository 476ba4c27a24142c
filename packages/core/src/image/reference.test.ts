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

  it('reads an unknown transport with a path as a typo and lists the supported ones', () => {
    expect(() => parseImageReference('docker-archve:/tmp/a.tar', 'image')).toThrow(
      ConfigurationError
    )
    expect(() => parseImageReference('docker-archve:/tmp/a.tar', 'image')).toThrow(
      'unknown transport `docker-archve` (supported: docker-archive, oci-archive, oci, docker-daemon, podman) in `docker-archve:/tmp/a.tar`'
    )
  })

  it('rejects a bare archive path, an empty path and a malformed ref', () => {
    expect(() => parseImageReference('alpine.tar')).toThrow(
      'it looks like an archive path; write docker-archive:PATH or oci-archive:PATH in `alpine.tar`'
    )
    expect(() => parseImageReference('oci:')).toThrow('the path is empty')
    expect(() => parseImageReference('oci:dir:bad ref')).toThrow(
      'REF `bad ref` is not a tag, ref name or @N index'
    )
    expect(() => parseImageReference('oci:dir:')).toThrow(ConfigurationError)
  })

  it('normalises registry references as docker does, with or without docker://', () => {
    expect(parseImageReference('alpine')).toEqual({
      transport: 'registry',
      path: 'docker.io/library/alpine:latest',
      raw: 'alpine'
    })
    expect(parseImageReference('docker://alpine:3.19').path).toBe('docker.io/library/alpine:3.19')
    expect(parseImageReference('me/app').path).toBe('docker.io/me/app:latest')
    expect(parseImageReference('index.docker.io/me/app:1').path).toBe('docker.io/me/app:1')
    expect(parseImageReference('localhost/app').path).toBe('localhost/app:latest')
    expect(parseImageReference('127.0.0.1:5000/ns/app:v1.2').path).toBe(
      '127.0.0.1:5000/ns/app:v1.2'
    )
    const digest = `sha256:${'a'.repeat(64)}`
    expect(parseImageReference(`registry.example.com/ns/app@${digest}`).path).toBe(
      `registry.example.com/ns/app@${digest}`
    )
    expect(parseImageReference(`registry.example.com/ns/app:1@${digest}`).path).toBe(
      `registry.example.com/ns/app:1@${digest}`
    )
  })

  it('parses docker-daemon: and podman: names with the same grammar', () => {
    expect(parseImageReference('docker-daemon:alpine:3.19')).toEqual({
      transport: 'docker-daemon',
      path: 'docker.io/library/alpine:3.19',
      raw: 'docker-daemon:alpine:3.19'
    })
    expect(parseImageReference('podman:localhost/scapgate/app:1')).toMatchObject({
      transport: 'podman',
      path: 'localhost/scapgate/app:1'
    })
  })

  it('refuses names that could be read as flags or carry shell metacharacters (REG-30)', () => {
    for (const bad of [
      'docker-daemon:--output=x.tar',
      'podman:-q',
      'podman:app;rm -rf /',
      'podman:$(id)',
      'docker-daemon:app`id`',
      'podman:../etc/passwd',
      'podman:'
    ]) {
      expect(() => parseImageReference(bad), bad).toThrow(ConfigurationError)
    }
    expect(() => parseImageReference('podman:--output=x.tar')).toThrow(
      'is not lower-case path components in `--output=x.tar`'
    )
  })

  it('accepts only sha256 digests of 64 lowercase hex digits (REG-11)', () => {
    for (const digest of [
      'sha256:../../x',
      `sha256:${'A'.repeat(64)}`,
      `sha256:${'a'.repeat(63)}`,
      `md5:${'a'.repeat(32)}`,
      `sha512:${'a'.repeat(128)}`
    ]) {
      expect(() => parseImageReference(`registry.example.com/app@${digest}`), digest).toThrow(
        'the digest is not sha256:<64 lowercase hex digits>'
      )
    }
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
