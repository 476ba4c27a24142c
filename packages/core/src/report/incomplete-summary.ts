/**
 * The `summary.md` of a scan that did not complete. Everything in it is untrusted: the image
 * argument is what the user (or a pull request's `--images` file) typed, and the reason is an
 * error message that may quote an archive member, a registry answer or an oscap diagnostic. The
 * image goes into a code span and the reason into escaped Markdown text, so neither can ping
 * anyone, link anywhere, inject HTML or carry terminal control bytes into a PR comment or an MR
 * note.
 */
import {truncate} from '../escape/escape-chars.js'
import {codeSpan, markdownText} from '../escape/markdown-escape.js'

const maxReasonLines = 20
const maxLineChars = 500

/**
 * `# scapgate: scan did not complete`, then the image and the reason. A multi-line reason keeps
 * its first line after the image and lists the next ones (at most 20, each capped), so oscap's
 * diagnostics stay readable without any line being able to start a block of its own.
 */
export function renderIncompleteSummary(image: string, reason: string): string {
  const lines = reason
    .split(/\r\n|[\r\n\u0085\u2028\u2029]/)
    .map(line => line.trim())
    .filter(line => line !== '')
  const [first = 'unknown error', ...rest] = lines
  const shownImage = codeSpan(truncate(image, 300)) || '(no image given)'
  const out = [
    '# scapgate: scan did not complete',
    '',
    `${shownImage}: ${markdownText(truncate(first, maxLineChars))}`,
    ''
  ]
  if (rest.length > 0) {
    for (const line of rest.slice(0, maxReasonLines))
      out.push(`- ${markdownText(truncate(line, maxLineChars))}`)
    if (rest.length > maxReasonLines) out.push(`- … and ${rest.length - maxReasonLines} more lines`)
    out.push('')
  }
  out.push('There is no verdict: the gate did not pass.', '')
  return out.join('\n')
}
