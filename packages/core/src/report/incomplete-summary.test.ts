import {describe, expect, it} from 'vitest'
import {liveReferences, read, squash, textOf} from '../../../../test/support/gfm-reader.js'
import {
  expectedCode,
  expectedInline,
  forbiddenInOutput,
  hostileStrings
} from '../../../../test/support/hostile-strings.js'
import {renderIncompleteSummary} from './incomplete-summary.js'

describe('renderIncompleteSummary', () => {
  it.each(hostileStrings.map((s, i) => [JSON.stringify(s), i] as const))(
    'shows the image %s and a hostile reason as text, with nothing live',
    (_, i) => {
      const image = hostileStrings[i] ?? ''
      const reason = hostileStrings[(i + 7) % hostileStrings.length] ?? ''
      const text = renderIncompleteSummary(image, reason)
      expect(text).not.toMatch(forbiddenInOutput)
      const view = read(text)
      expect(view.tags[0]).toBe('h1')
      expect(textOf(view.elements[0]!)).toBe('scapgate: scan did not complete')
      expect(
        view.tags.filter(t => !['h1', 'p', 'code', 'ul', 'li'].includes(t)),
        view.html
      ).toEqual([])
      expect(view.tags.filter(t => t === 'h1')).toHaveLength(1)
      expect(liveReferences(view.proseText), view.html).toBeUndefined()
      const first = view.elements.find(e => e.tagName === 'p')!
      const shownImage = expectedCode(image) === '' ? '(no image given)' : expectedCode(image)
      // The reason's lines: a CR/LF in it may start new list items, never a new block of its own.
      const reasonLines = reason
        .split(/\r\n|[\r\n\u0085\u2028\u2029]/)
        .map(expectedInline)
        .filter(l => l !== '')
      expect(squash(textOf(first))).toBe(
        squash(`${shownImage}: ${reasonLines[0] ?? 'unknown error'}`)
      )
      const items = view.elements.filter(e => e.tagName === 'li').map(li => squash(textOf(li)))
      expect(items).toEqual(reasonLines.slice(1))
    }
  )

  it('renders the raw bytes of the issue as text: HTML, links, ESC and BEL', () => {
    const text = renderIncompleteSummary(
      'docker-archive:<img src=x onerror=alert(1)>[x](javascript:alert(1))\u001b[31m\u0007@team',
      'no such file <script>alert(1)</script> @org/team #12'
    )
    expect(text).toBe(
      [
        '# scapgate: scan did not complete',
        '',
        '`docker-archive:<img src=x onerror=alert(1)>[x](javascript:alert(1))[31m@team`: no such file &lt;script\\>alert\\(1\\)&lt;/script\\> @\u2060org/team \\#\u206012',
        '',
        'There is no verdict: the gate did not pass.',
        ''
      ].join('\n')
    )
  })

  it('caps a long multi-line reason', () => {
    const reason = Array.from({length: 50}, (_, i) => `line ${i} ${'x'.repeat(1000)}`).join('\n')
    const text = renderIncompleteSummary('img', reason)
    expect(text.split('\n').filter(l => l.startsWith('- '))).toHaveLength(21)
    expect(text).toContain('- … and 29 more lines')
    expect(text.length).toBeLessThan(15_000)
  })
})
