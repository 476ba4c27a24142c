import {describe, expect, it} from 'vitest'
import {cacheKey, type CacheKeyInput} from './result-cache.js'

const base: CacheKeyInput = {
  configDigest: `sha256:${'a'.repeat(64)}`,
  platform: 'linux/amd64',
  content: '/c/ssg-debian11-ds.xml',
  profile: 'standard',
  scapgateVersion: '0.1.0',
  oscapVersion: '1.3.7'
}

describe('cacheKey', () => {
  it('is stable for the same inputs', () => {
    expect(cacheKey(base)).toBe(cacheKey({...base}))
  })

  it('changes with every input that changes the outputs, the Dockerfile included', () => {
    const variants: CacheKeyInput[] = [
      {...base, configDigest: `sha256:${'b'.repeat(64)}`},
      {...base, platform: 'linux/arm64/v8'},
      {...base, content: '/c/other-ds.xml'},
      {...base, profile: 'anssi_np_nt28_high'},
      {...base, tailoringSha256: 'c'.repeat(64)},
      {...base, dockerfileSha256: 'd'.repeat(64)},
      {...base, scapgateVersion: '0.2.0'},
      {...base, oscapVersion: '1.3.8'}
    ]
    const keys = new Set([cacheKey(base), ...variants.map(cacheKey)])
    expect(keys.size).toBe(variants.length + 1)
  })
})
