import {describe, expect, it} from 'vitest'
import {parseWwwAuthenticate} from './www-authenticate.js'

describe('parseWwwAuthenticate', () => {
  it('reads a Bearer challenge with quoted realm, service and scope', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"'
      )
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull'
        }
      }
    ])
  })

  it('reads several challenges, token values and escaped quotes', () => {
    const challenges = parseWwwAuthenticate(
      'Basic realm="a \\"b\\"", Bearer realm=https://x/t, error=insufficient_scope'
    )
    expect(challenges.map(c => c.scheme)).toEqual(['basic', 'bearer'])
    expect(challenges[0]?.params.realm).toBe('a "b"')
    expect(challenges[1]?.params).toMatchObject({realm: 'https://x/t', error: 'insufficient_scope'})
  })

  it('returns nothing for an empty or garbage header', () => {
    expect(parseWwwAuthenticate('')).toEqual([])
    expect(parseWwwAuthenticate('"""')).toEqual([])
  })
})
