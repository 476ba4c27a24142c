/**
 * What a reader sees of a Markdown document: rendered with a real GFM implementation (micromark
 * with its GFM extension, raw HTML allowed as on GitHub before its sanitizer, dangerous link
 * protocols kept so that a `javascript:` link would show), then parsed as HTML (parse5) into the
 * elements, links and text a browser would show.
 *
 * GitHub and GitLab add their own layer on top of GFM: they link `@mentions`, `#refs` and the like
 * in text nodes outside code and links. micromark does not, so {@link liveReferences} looks for
 * exactly the patterns those platforms link, in the same text nodes.
 */
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

export interface ReaderView {
  html: string
  /** Every element, in document order. */
  elements: Element[]
  /** Tag names of every element, in document order. */
  tags: string[]
  /** All visible text, in order, with the word joiners the escaping layer inserts removed. */
  text: string
  /** All text as rendered, word joiners kept. */
  rawText: string
  /** Text outside `code`, `pre` and `a`: where GitHub and GitLab look for mentions and refs. */
  proseText: string
}

export function renderGfm(markdown: string): string {
  return micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
    allowDangerousProtocol: true
  })
}

export function read(markdown: string): ReaderView {
  const html = renderGfm(markdown)
  const elements: Element[] = []
  let text = ''
  let proseText = ''
  const walk = (node: Node, inCode: boolean): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      text += node.value
      proseText += inCode ? ' ' : node.value
      return
    }
    if ('tagName' in node) elements.push(node)
    const code = inCode || ['code', 'pre', 'a'].includes(node.nodeName)
    if (node.nodeName === 'template' && 'content' in node) walk(node.content, code)
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, code)
  }
  walk(parseFragment(html), false)
  return {
    html,
    elements,
    tags: elements.map(e => e.tagName),
    text: text.replace(/\u2060/g, ''),
    rawText: text,
    proseText
  }
}

/** The text of an element, word joiners removed. */
export function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value.replace(/\u2060/g, '')
  if (!('childNodes' in node)) return ''
  return node.childNodes.map(textOf).join('')
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find(a => a.name === name)?.value
}

/** Collapses whitespace runs and trims, as a browser shows text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * Patterns GitHub or GitLab would turn into a mention, a reference or a link in prose text: a
 * sigil directly followed by a name or number, `GH-1`, a URL scheme, `www.`. Returns the first
 * match, or undefined.
 */
export function liveReferences(proseText: string): string | undefined {
  const live = [
    /@[\p{L}\p{N}_]/u,
    /[#!$&~%^][\p{L}\p{N}_"']/u,
    /\bGH-\d/i,
    /[a-z]:\/\//i,
    /\bwww\./i
  ]
  for (const pattern of live) {
    const found = pattern.exec(proseText)
    if (found !== null) return found[0]
  }
  return undefined
}
