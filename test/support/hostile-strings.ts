/**
 * One hostile corpus for every output context (Markdown, HTML, terminal, XML): what an image name,
 * a RepoTag, a history entry, a file path, a rule title or an error message could carry. Each
 * writer's test renders these and asserts on what a reader sees ({@link ./gfm-reader.ts}).
 */
export const hostileStrings: readonly string[] = [
  '@user',
  'ping @octocat and @org/team-name, please',
  'mail user@example.com',
  '#1 and GH-1 and gh-22 and org/repo#1 and org/repo@abc1234',
  'GitLab refs !2 $3 &4 ~label ~"two words" %milestone ^alert',
  '`single` and ``double`` and ```triple```',
  '`starts with a backtick',
  'ends with a backtick`',
  '`',
  '```',
  ' ` ',
  'a | b | c',
  '| leading pipe',
  'back\\slash \\| escaped pipe',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<details open><summary>x</summary>',
  '[x](javascript:alert(1))',
  '![img](https://evil.example/x.png)',
  '<https://evil.example>',
  'https://evil.example/path and www.evil.example and HTTP://EVIL.EXAMPLE',
  '*bold* _em_ **strong** ~~strike~~ $x^2$ $$y$$',
  '# heading',
  '- list item',
  '+ plus item',
  '1. ordered',
  '2) ordered',
  '> quote',
  '---',
  '===',
  '    indented code',
  'esc \u001b[31mred\u001b[0m bell \u0007 title \u001b]0;pwned\u0007',
  'rtl \u202eevil\u202c text \u2066isolate\u2069 marks \u200e\u200f\u061c',
  'line one\r\nline two\nline three\rline four\u2028line five\u2029six\u0085seven',
  'nul \u0000 byte, DEL \u007f and C1 CSI \u009b31m',
  'entities &amp; &lt;b&gt; &#64;user &copy;',
  '  spaced   out  ',
  'tab\there',
  '<!-- comment -->',
  '\\',
  'trailing backslash \\',
  'emoji 🙂, CJK 中文, combining é',
  ':+1: [^1] [[_TOC_]] {+ add +} [- del -]',
  '\\`escaped backtick\\` and \\*escaped star\\*',
  "it's 'quoted' \"double\" #1 & &#39; &#x40;"
]

/** Invalid in any XML 1.0 document: must be removed, not escaped. */
export const xmlInvalidStrings: readonly string[] = [
  'nul \u0000 vt \u000b ff \u000c esc \u001b',
  'lone surrogate \ud800 and \udfff',
  'non-characters \ufffe \uffff'
]

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g
const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * What a reader should see of `text` in an inline context: the text without control and bidi
 * characters, newlines and tabs as spaces, whitespace runs collapsed (HTML does that) and the ends
 * trimmed. Written independently of the escaping layer: this is the specification.
 */
export function expectedInline(text: string): string {
  return text
    .replace(controls, '')
    .replace(bidi, '')
    .replace(/\r\n|[\r\n\t\u0085\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `text` in a code span: the same, but the renderer keeps inner whitespace as it is. */
export function expectedCode(text: string): string {
  return text
    .replace(controls, '')
    .replace(bidi, '')
    .replace(/\r\n|[\r\n\t\u0085\u2028\u2029]/g, ' ')
}

/** Characters that must never reach an output meant for people: controls (but LF, tab) and bidi. */
export const forbiddenInOutput =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
