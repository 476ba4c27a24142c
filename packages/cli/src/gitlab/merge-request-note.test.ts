import {describe, expect, it} from 'vitest'
import {forbiddenInOutput, hostileStrings} from '../../../../test/support/hostile-strings.js'
import {noteBody, noteMarker} from './merge-request-note.js'

describe('noteBody', () => {
  it('posts the marker, then the summary without any control or bidi character', () => {
    const summary = `## ❌ Compliance gate failed\n\n${hostileStrings.join('\n\n')}\n`
    const body = noteBody(summary, 'scan')
    expect(body.startsWith(`${noteMarker('scan')}\n## ❌ Compliance gate failed\n\n@user\n`)).toBe(
      true
    )
    expect(body).not.toMatch(forbiddenInOutput)
    expect(body).toContain('tab\there')
  })
})
