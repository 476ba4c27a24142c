/**
 * The character-level half of the escaping layer ({@link ./escape.ts} lists every context): what
 * untrusted text (image names, RepoTags, history, file paths, rule titles, oscap messages, error
 * messages) may keep in plain text, on a terminal and in XML.
 *
 * Two families are never let through as they are:
 * - control characters: C0 (NUL, BEL, ESC, CR…), DEL and C1 (U+0080–U+009F, which some
 *   terminals read as CSI); a terminal acts on them, a log hides text behind them;
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): they reorder
 *   what a reader sees without changing what a machine reads ("Trojan Source", CVE-2021-42574).
 * Line and paragraph separators (U+2028, U+2029) and NEL (U+0085) count as newlines.
 */

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g
const bidi = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const newlines = /\r\n|[\r\n\u0085\u2028\u2029]/g

/** One line of plain text: newlines and tabs become spaces, other controls and bidi go. */
export function stripControls(text: string): string {
  return text.replace(controls, '').replace(bidi, '').replace(newlines, ' ').replace(/\t/g, ' ')
}

/**
 * Plain text that may span lines (annotation messages, fenced code): newlines become `\n`, tabs
 * stay, other controls and bidi controls go.
 */
export function plainText(text: string): string {
  return text.replace(controls, '').replace(bidi, '').replace(newlines, '\n')
}

/**
 * Text for a terminal or a log: newlines (as `\n`) and tabs stay, every other control character is
 * shown escaped (`\x1b`, `\x07`, `\x0d`) and so are bidi controls (`\u202e`), so that nothing in
 * the text can move the cursor, recolour, retitle, ring or reorder what the reader sees.
 */
export function terminalText(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
    )
    .replace(
      /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
}

/**
 * Text for XML 1.0 character data and attribute values: the five special characters as entities;
 * characters XML 1.0 cannot carry at all (C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE, U+FFFF) are removed, not escaped, since no character reference may name them either.
 * DEL, C1 and bidi controls are allowed by XML but removed too: JUnit reports are shown to people.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[\u007f-\u009f]/g, '')
    .replace(bidi, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Cuts `text` to at most `max` code units, ending with `…` when cut; never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = max - 1
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1
  return `${text.slice(0, cut)}…`
}
