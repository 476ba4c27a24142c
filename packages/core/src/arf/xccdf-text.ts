/**
 * Flattens XCCDF mixed content (text + XHTML + `xccdf:sub`) into plain text.
 *
 * The result is text, never markup: reporters escape it for their own format. Whitespace outside
 * `<pre>` collapses as a browser would; `<br>` and block elements become line breaks; list items
 * get a `- ` prefix. Unknown elements contribute their text. Does not keep links (`<a href>`
 * targets are dropped: they come from content and are not needed to read the rule).
 */
import {ns} from './namespaces.js'
import type {XmlElement} from './xml-parser.js'
import {isElement} from './xml-tree.js'

/** Resolves an `xccdf:sub/@idref` to its value, `undefined` when unknown. */
export type SubResolver = (idref: string) => string | undefined

const blocks = new Set([
  'p',
  'div',
  'pre',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd'
])
// Placeholder for a hard line break while whitespace is still being collapsed.
const newline = '\u0000'

export function flattenXccdfText(element: XmlElement | undefined, resolveSub: SubResolver): string {
  if (element === undefined) return ''
  const parts: string[] = []
  walk(element, false, parts, resolveSub)
  return parts
    .join('')
    .replace(/[ \t\r\n]+/g, ' ')
    .split(newline)
    .map(line => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\u0001/g, ' ')
    .replace(/\u0002/g, newline)
    .split(newline)
    .join('\n')
    .trim()
}

function walk(element: XmlElement, inPre: boolean, parts: string[], resolveSub: SubResolver): void {
  for (const node of element.children) {
    if (!isElement(node)) {
      parts.push(inPre ? protect(node) : node)
      continue
    }
    if (node.ns === ns.xccdf && node.name === 'sub') {
      const idref = node.attrs.get('idref') ?? ''
      parts.push(resolveSub(idref) ?? `(${shortValueId(idref)})`)
      continue
    }
    if (node.ns === ns.html && node.name === 'br') {
      parts.push(newline)
      continue
    }
    const block = node.ns === ns.html && blocks.has(node.name)
    if (block) parts.push(newline)
    if (node.ns === ns.html && node.name === 'li') parts.push('- ')
    walk(node, inPre || (node.ns === ns.html && node.name === 'pre'), parts, resolveSub)
    if (block) parts.push(newline)
  }
}

/** Inside `<pre>`: spaces and newlines survive the collapse as private placeholders. */
function protect(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]/g, '\u0001').replace(/\n/g, '\u0002')
}

function shortValueId(idref: string): string {
  return idref.replace(/^xccdf_[^_]+\.[^_]+_value_/, '')
}
