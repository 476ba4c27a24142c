/**
 * The one escaping layer: every writer that puts untrusted text (image names and RepoTags, image
 * history, file paths, rule titles and ids from content, oscap messages, error messages, policy
 * text) into an output picks the function for the context the text lands in. None of them is
 * "good enough" for another context.
 *
 * | Output context                                   | Function                      |
 * | ------------------------------------------------ | ----------------------------- |
 * | Markdown paragraph, list item, heading, table cell | {@link markdownText}        |
 * | Markdown inline code (not in a table)            | {@link codeSpan}              |
 * | Markdown inline code in a GFM table cell         | {@link tableCode}             |
 * | Markdown fenced code block (multi-line)          | {@link fencedBlock}           |
 * | Markdown link (http/https only, else text)       | {@link markdownLink}          |
 * | Raw HTML text, e.g. `<summary>` in `<details>`   | {@link htmlText}              |
 * | A whole Markdown document before it is posted    | {@link markdownDocument}      |
 * | Plain text on one line (titles, check names)     | {@link stripControls}         |
 * | Plain text over lines (annotation messages)      | {@link plainText}             |
 * | Terminal and log output                          | {@link terminalText}          |
 * | XML text and attributes (JUnit)                  | {@link xmlText}               |
 * | JSON and SARIF                                   | `JSON.stringify` (no helper)  |
 *
 * The guarantees per context and how they are met are in each function's comment; the tests
 * render one hostile corpus through each context with a real GFM implementation.
 */
export {plainText, stripControls, terminalText, truncate, xmlText} from './escape-chars.js'
export {
  codeSpan,
  fencedBlock,
  htmlText,
  markdownDocument,
  markdownLink,
  markdownText,
  referenceBreak,
  tableCode
} from './markdown-escape.js'
export {
  /** @deprecated the old name of {@link markdownText}. */
  markdownText as escapeMarkdown,
  /** @deprecated the old name of {@link codeSpan}. */
  codeSpan as escapeMarkdownCode
} from './markdown-escape.js'
