import {describe, expect, it} from 'vitest'
import {renderIncompleteSummary} from './incomplete-summary.js'

describe('renderIncompleteSummary', () => {
  it('neutralises mentions, links, HTML, control and bidi characters', () => {
    const hostile =
      'docker-archive:@org/team <img src=x onerror=alert(1)> [x](javascript:alert(1)) #12 `a|b` \u001b[31m\u0007\u202eevil\nnext'
    const text = renderIncompleteSummary(hostile, 'failed: @someone')
    const body = text.split('\n')[2] ?? ''
    expect(body).not.toMatch(/@\w/)
    expect(body).not.toMatch(/#\d/)
    // Every Markdown/HTML special is backslash-escaped (CommonMark renders `\<` as a literal `<`).
    expect(body.replace(/\\[!-/:-@[-`{-~]/g, '')).not.toMatch(/[<>[\]()`|*_&]/)
    expect(body).not.toMatch(/[\u0000-\u001f\u007f\u202e]/)
    expect(body).toContain('\\\\u{202e}')
    expect(text.split('\n')).toHaveLength(6)
    expect(text.startsWith('# scapgate: scan did not complete\n')).toBe(true)
  })
})
