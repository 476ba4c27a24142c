import {describe, expect, it} from 'vitest'
import {hasCompactSelects} from './tailoring.js'

describe('hasCompactSelects', () => {
  it('spots selects written back to back, which oscap 1.3.7 half ignores', () => {
    expect(
      hasCompactSelects(
        '<Profile id="p"><title>t</title><select idref="a" selected="true"/><select idref="b" selected="true"/></Profile>'
      )
    ).toBe(true)
    expect(
      hasCompactSelects(
        '<xccdf-1.2:title>t</xccdf-1.2:title><xccdf-1.2:select idref="a" selected="true"/><xccdf-1.2:select idref="b"/>'
      )
    ).toBe(true)
  })

  it('leaves pretty-printed profiles alone', () => {
    expect(
      hasCompactSelects(
        '<Profile id="p">\n  <select idref="a" selected="true"/>\n  <select idref="b" selected="true"/>\n</Profile>'
      )
    ).toBe(false)
    expect(hasCompactSelects('<selection/><selected/>')).toBe(false)
  })
})
