import {describe, expect, it} from 'vitest'
import {codePointLength, cutText} from './text-limits.js'

describe('cutText', () => {
  it('returns text within the limit unchanged', () => {
    expect(cutText('abc', 3, '!')).toBe('abc')
  })

  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('😀😀')).toBe(2)
    expect(cutText('😀😀', 2, '!')).toBe('😀😀')
  })

  it('stays within the limit, ends with the note and closes an open fence and details', () => {
    const text = `<details><summary>x</summary>\n\n\`\`\`sh\n${'echo hi\n'.repeat(500)}\`\`\`\n</details>\n`
    const cut = cutText(text, 1000, '\n(cut)')
    expect(codePointLength(cut)).toBeLessThanOrEqual(1000)
    expect(cut.endsWith('(cut)')).toBe(true)
    expect((cut.match(/```/g) ?? []).length % 2).toBe(0)
    expect(cut).toContain('</details>')
  })
})
