import {describe, expect, it} from 'vitest'
import {neutralizeCommands} from './workflow-log.js'

describe('neutralizeCommands', () => {
  it.each([
    '::error file=x::y',
    '  ::add-mask::secret',
    '::stop-commands::token',
    '\t::warning::w'
  ])('makes %j plain text', line => {
    const out = neutralizeCommands(`before\n${line}\nafter`)
    expect(out.split('\n').some(l => l.trimStart().startsWith('::'))).toBe(false)
    expect(out.replace(/\u200b/g, '')).toBe(`before\n${line}\nafter`)
  })

  it('leaves colons inside a line alone', () => {
    expect(neutralizeCommands('a ::b:: c')).toBe('a ::b:: c')
  })
})
