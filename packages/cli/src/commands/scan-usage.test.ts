import {imageSources} from '@scapgate/core'
import {describe, expect, it} from 'vitest'
import {scanCommandSpec} from './scan.js'

describe('scapgate scan --help', () => {
  it('lists every image source of the core registry', () => {
    // The registry's form may end with `[@DIGEST]`; the help spells the digest out.
    for (const source of imageSources) {
      expect(scanCommandSpec.usage).toContain(source.form.replace(/\[@DIGEST\]$/, ''))
    }
  })
})
