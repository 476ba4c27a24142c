/**
 * `summary.md` of a scan that did not complete. The image argument and the error message are
 * untrusted (a pull request controls both), so every character that could mean something in
 * GitHub-flavoured Markdown or HTML is neutralised here, self-contained: letters, digits and
 * spaces pass; ASCII punctuation is backslash-escaped (`@` and `#` also get a zero-width space
 * after them, so no mention or issue reference forms); anything else (controls, bidi overrides,
 * symbols) is shown as its code point, `\u{202e}`.
 *
 * The escaping layer of issue 17 may replace `escapeText` with the shared Markdown escaper; the
 * signature of {@link renderIncompleteSummary} stays.
 */

const asciiPunctuation = /[!-/:-@[-`{-~]/u

function escapeText(text: string, max = 2000): string {
  let out = ''
  let count = 0
  for (const char of text) {
    if (count++ >= max) {
      out += '…'
      break
    }
    if (/^[\p{L}\p{N} ]$/u.test(char) && !/[\p{Cf}\p{Cc}]/u.test(char)) out += char
    else if (char === '@' || char === '#') out += `\\${char}\u200b`
    else if (asciiPunctuation.test(char)) out += `\\${char}`
    else out += `\\\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`
  }
  return out
}

/** The whole summary.md: a heading that says the scan did not complete, the image and the reason. */
export function renderIncompleteSummary(image: string, reason: string): string {
  return [
    '# scapgate: scan did not complete',
    '',
    `${escapeText(image, 500)}: ${escapeText(reason)}`,
    '',
    'No verdict was reached: results.json has `"status": "incomplete"`. Evidence that exists (arf.xml once oscap finished) is kept.',
    ''
  ].join('\n')
}
