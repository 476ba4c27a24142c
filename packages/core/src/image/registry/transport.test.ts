import {describe, expect, it} from 'vitest'
import {checkRealm} from './auth.js'
import {normalizeAuthKey} from './credentials.js'
import {isInternalAddress, redactUrl} from './transport.js'

describe('redactUrl', () => {
  it('drops userinfo and the query, which may hold presigned signatures (REG-15)', () => {
    expect(redactUrl('https://user:pw@bucket.s3.amazonaws.com/blob?X-Amz-Signature=secret')).toBe(
      'https://bucket.s3.amazonaws.com/blob?…'
    )
    expect(redactUrl('https://reg:5000/v2/a/blobs/sha256:1')).toBe(
      'https://reg:5000/v2/a/blobs/sha256:1'
    )
  })
})

describe('isInternalAddress', () => {
  it('flags loopback, link-local, private, CGNAT and unspecified IP literals only', () => {
    for (const host of [
      '127.0.0.1',
      '10.0.0.1',
      '169.254.169.254',
      '172.16.5.4',
      '192.168.1.1',
      '0.0.0.0',
      '[::1]',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '100.64.0.1'
    ]) {
      expect(isInternalAddress(host), host).toBe(true)
    }
    for (const host of ['8.8.8.8', '172.32.0.1', 'auth.docker.io', '2001:db8::1']) {
      expect(isInternalAddress(host), host).toBe(false)
    }
  })
})

describe('checkRealm', () => {
  const registry = {
    origin: new URL('https://reg.example.com'),
    insecure: false,
    label: 'registry reg.example.com, image a:1'
  }

  it('accepts an https realm on a public host or on the registry itself', () => {
    expect(() => checkRealm(new URL('https://auth.example.com/token'), registry)).not.toThrow()
    const local = {...registry, origin: new URL('https://127.0.0.1:5000')}
    expect(() => checkRealm(new URL('https://127.0.0.1:5000/token'), local)).not.toThrow()
  })

  it('refuses http realms, internal addresses other than the registry, and credentials in the URL (REG-13)', () => {
    expect(() => checkRealm(new URL('http://auth.example.com/token'), registry)).toThrow(
      'it is not https'
    )
    expect(() => checkRealm(new URL('https://169.254.169.254/latest'), registry)).toThrow(
      'refusing the token server https://169.254.169.254/latest: it is an internal address other than the registry'
    )
    expect(() => checkRealm(new URL('https://u:p@auth.example.com/'), registry)).toThrow(
      'it carries credentials'
    )
    expect(() =>
      checkRealm(new URL('http://auth.example.com/token'), {...registry, insecure: true})
    ).not.toThrow()
  })
})

describe('normalizeAuthKey', () => {
  it('maps docker config keys to registry domains, Docker Hub aliases to docker.io', () => {
    expect(normalizeAuthKey('https://index.docker.io/v1/')).toBe('docker.io')
    expect(normalizeAuthKey('registry-1.docker.io')).toBe('docker.io')
    expect(normalizeAuthKey('https://Reg.Example.com:5000/v2/')).toBe('reg.example.com:5000')
    expect(normalizeAuthKey('127.0.0.1:5000')).toBe('127.0.0.1:5000')
  })
})
