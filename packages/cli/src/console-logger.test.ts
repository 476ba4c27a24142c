import {PassThrough} from 'node:stream'
import {describe, expect, it} from 'vitest'
import {forbiddenInOutput, hostileStrings} from '../../../test/support/hostile-strings.js'
import {createConsoleLogger} from './console-logger.js'
import {createProgress} from './progress.js'

function capture(isTTY = false): {stream: PassThrough & {isTTY?: boolean}; text: () => string} {
  const stream = Object.assign(new PassThrough(), {isTTY})
  const chunks: string[] = []
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')))
  return {stream, text: () => chunks.join('')}
}

describe('createConsoleLogger', () => {
  it('shows the control and bidi characters of every message escaped, one line per message', () => {
    const {stream, text} = capture()
    const logger = createConsoleLogger({stream, verbose: true, quiet: false})
    for (const s of hostileStrings) {
      logger.debug(s.replace(/[\n\u2028\u2029\u0085]/g, ''))
      logger.info(s.replace(/[\n\u2028\u2029\u0085]/g, ''))
      logger.warning(new Error(s.replace(/[\n\u2028\u2029\u0085]/g, '')))
      logger.error(s.replace(/[\n\u2028\u2029\u0085]/g, ''))
      logger.startGroup(s.replace(/[\n\u2028\u2029\u0085]/g, ''))
    }
    const out = text()
    expect(out).not.toMatch(forbiddenInOutput)
    expect(out.split('\n')).toHaveLength(hostileStrings.length * 5 + 1)
    expect(out).toContain('esc \\x1b[31mred\\x1b[0m bell \\x07 title \\x1b]0;pwned\\x07')
    expect(out).toContain('rtl \\u202eevil\\u202c text \\u2066isolate\\u2069')
    expect(out).toContain('nul \\x00 byte, DEL \\x7f and C1 CSI \\x9b31m')
    expect(out).toContain('line one\\x0dline two')
  })

  it('keeps the line breaks of a multi-line message', () => {
    const {stream, text} = capture()
    createConsoleLogger({stream, verbose: false, quiet: false}).warning('a\r\nb\nc')
    expect(text()).toBe('warning: a\nb\nc\n')
  })
})

describe('createProgress', () => {
  it('writes its own control sequences only: a hostile phase detail is escaped, on one line', () => {
    for (const tty of [true, false]) {
      const {stream, text} = capture(tty)
      const progress = createProgress(stream, false)
      for (const s of hostileStrings) {
        progress.phase('reading', s)
        progress.progress('reading', 1, 2)
      }
      progress.finish()
      // A TTY redraws with CR + ESC[2K; take those out, nothing else may control the terminal.
      const out = text().replace(/\r\u001b\[2K/g, '')
      expect(out, `tty ${tty}`).not.toMatch(forbiddenInOutput)
      expect(out.split('\n').filter(l => l !== '')).toHaveLength(hostileStrings.length)
    }
  })
})
