/**
 * The Markdown and HTML half of the escaping layer ({@link ./escape.ts} lists every context).
 * Markdown written by scapgate becomes a GitHub PR comment, a job summary, a GitLab MR note and
 * a SARIF help text; each renderer turns some plain text into live objects on top of CommonMark:
 * `@user` and `@org/team` ping people, `#1`, `GH-1`, `org/repo#1` (and GitLab's `!1`, `$1`,
 * `&1`, `~label`, `%milestone`, `^alert`) cross-reference issues, bare URLs, `www.` and e-mail
 * addresses become links, `$…$` becomes math.
 *
 * Backslash escapes and entities cannot stop those: GitHub and GitLab find mentions and
 * references in the rendered text, after escapes are gone. So a WORD JOINER (U+2060: invisible,
 * zero width, no line break) goes right after the sigil, which the mention and reference
 * patterns then do not match (they need a letter or digit there). What a reader sees is the
 * original text; only a copy-and-paste carries the joiner. Code spans and fenced blocks need no
 * joiner: neither platform looks for mentions or links inside code.
 */
import {plainText, stripControls} from './escape-chars.js'

/** U+2060 WORD JOINER, put after a sigil so that the text stays but the reference dies. */
export const referenceBreak = '\u2060'

/**
 * Breaks mentions, issue/MR references and autolinks in text that is already escaped (Markdown
 * backslashes or HTML entities; the patterns allow for both).
 */
function breakReferences(escaped: string): string {
  return escaped
    .replace(/@/g, `@${referenceBreak}`)
    .replace(/([#!$%^~]|&amp;)(?=[\p{L}\p{N}_"'&])/gu, `$1${referenceBreak}`)
    .replace(/\b(GH\\?-)(?=\d)/gi, `$1${referenceBreak}`)
    .replace(/:(?=\/\/)/g, `:${referenceBreak}`)
    .replace(/\b(www)(?=\\?\.)/gi, `$1${referenceBreak}`)
}

/**
 * Inline Markdown text (a paragraph, a list item, a heading, a table cell): shows `text` as it
 * is, on one line, with nothing in it live. Controls and bidi controls are removed, newlines and
 * tabs become spaces, the ends are trimmed. Every ASCII punctuation character that starts
 * Markdown syntax anywhere in a line (emphasis, code, links and images, tables, strikethrough,
 * math, headings, lists, quotes, GitLab's `{+ +}`) is backslash-escaped, `|` too, so the result is
 * safe in a table cell; `&`, `<` and `"` become entities (no HTML, no `<…>` autolink); mentions,
 * references and bare links are broken with {@link referenceBreak}.
 */
export function markdownText(text: string): string {
  const escaped = stripControls(text)
    .trim()
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&')
    // Math needs a `$` touching text; a lone ` $ ` (a shell prompt in a rule text) stays as it is.
    .replace(/(?<=\S)\$|\$(?=\S)/g, () => '\\$')
    .replace(/^=/, '\\=')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
  return breakReferences(escaped)
}

/**
 * An inline code span showing `text` verbatim on one line. Backslash escapes do not work inside
 * code spans (CommonMark §6.1), so nothing is escaped: the fence is one backtick longer than the
 * longest backtick run in the text, and a space pads both ends when the text starts or ends with
 * a backtick or a space (the renderer strips exactly one). Controls and bidi controls are
 * removed, newlines become spaces. Empty text gives an empty string. Not for table cells: use
 * {@link tableCode}.
 */
export function codeSpan(text: string): string {
  const clean = stripControls(text)
  if (clean === '') return ''
  const longest = Math.max(0, ...Array.from(clean.matchAll(/`+/g), m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = /^[` ]|[` ]$/.test(clean) && !/^ +$/.test(clean) ? ' ' : ''
  return `${fence}${pad}${clean}${pad}${fence}`
}

/**
 * A code span inside a GFM table cell. Tables split rows at `|` before inline parsing, also
 * inside code spans, and turn `\|` back into `|`; so pipes become `\|`. A backslash right before
 * a pipe cannot be shown that way in every GFM implementation (`\\|` splits the cell in some),
 * so such text is shown as escaped {@link markdownText} instead of code.
 */
export function tableCode(text: string): string {
  const clean = stripControls(text)
  if (/\\\|/.test(clean)) return markdownText(clean)
  return codeSpan(clean).replace(/\|/g, '\\|')
}

/**
 * Text inside raw HTML, such as `<summary>…</summary>` in a `<details>` block: GFM does not parse
 * Markdown in an HTML block, so only `&`, `<`, `>` and `"` become entities, named ones (the `#`
 * of a numeric one would get a word joiner). Mentions, references and bare links are broken as
 * in {@link markdownText}: GitHub looks for them in HTML text too. One line, controls and bidi
 * controls removed.
 */
export function htmlText(text: string): string {
  const escaped = stripControls(text)
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
  return breakReferences(escaped)
}

/**
 * `[text](url)` when `url` is an absolute http or https URL; anything else (`javascript:`,
 * `data:`, relative, unparsable) gives the text alone, escaped. In the destination, characters
 * that could end or change it are percent-encoded and `&` is written as `&amp;` (CommonMark
 * decodes entities in destinations), so the link goes exactly where `url` says.
 */
export function markdownLink(text: string, url: string): string {
  let parsed: URL | undefined
  try {
    parsed = new URL(url.trim())
  } catch {
    parsed = undefined
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
    return markdownText(text)
  const href = parsed.href
    .replace(
      /[^\w\-.~:/?#@!$'*+,;=%&[\]]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
    )
    .replace(/&/g, '&amp;')
  return `[${markdownText(text) || markdownText(parsed.href)}](${href})`
}

/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside (at least three). Newlines and tabs stay; other controls and bidi
 * controls are removed. The info string (language) keeps only `[A-Za-z0-9_+.-]`.
 */
export function fencedBlock(code: string, language = ''): string {
  const clean = plainText(code)
  const longest = Math.max(2, ...Array.from(clean.matchAll(/`+/g), m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const info = language.replace(/[^\w+.-]/g, '')
  return `${fence}${info}\n${clean.replace(/\n$/, '')}\n${fence}`
}

/**
 * The last pass over a whole Markdown document before it is posted or written (PR comment, job
 * summary, MR note): removes control and bidi characters that any part let through, keeping
 * newlines and tabs. It cannot make untrusted text inert (that is {@link markdownText}'s job at
 * the point where the text is placed); it guarantees that no byte a terminal or a reader's eye
 * would misread reaches the platform.
 */
export function markdownDocument(markdown: string): string {
  return plainText(markdown)
}
