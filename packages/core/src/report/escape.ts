/**
 * Escaping for untrusted text (rule titles come from content, names from the image) in the two
 * markup formats reporters write. Both also drop control characters, so ANSI escapes and
 * `\n::error::` smuggled through a title cannot start a new line or a workflow command.
 */

/** Makes text inert in GitHub-flavoured markdown and HTML: no links, emphasis, tags or tables. */
export function escapeMarkdown(text: string): string {
  return stripControls(text)
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, c => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/:\/\//g, ':&#47;&#47;')
}

/** Text for an inline code span: backticks cannot close it, and it stays on one line. */
export function escapeMarkdownCode(text: string): string {
  const clean = stripControls(text).replace(/`/g, "'")
  return `\`${clean}\``
}

/** Replaces C0/C1 control characters (newlines and tabs included) with a space. */
export function stripControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
}

/** Cuts `text` to at most `max` code units, ending with `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1
  return `${text.slice(0, cut)}…`
}

/**
 * A fenced code block that its content cannot close: the fence is one backtick longer than the
 * longest backtick run inside. Control characters other than newline and tab are dropped.
 */
export function fencedBlock(code: string, language = ''): string {
  const clean = code
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map(m => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${clean.replace(/\n$/, '')}\n${fence}`
}
