/** Small read helpers over the namespace-resolved tree from `xml-parser.ts`. */
import type {XmlElement, XmlNode} from './xml-parser.js'

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== 'string'
}

/** Child elements in `ns` (any namespace when `undefined`) with local name `name` (any when omitted). */
export function children(element: XmlElement, ns: string | undefined, name?: string): XmlElement[] {
  const found: XmlElement[] = []
  for (const node of element.children) {
    if (
      isElement(node) &&
      (ns === undefined || node.ns === ns) &&
      (name === undefined || node.name === name)
    ) {
      found.push(node)
    }
  }
  return found
}

export function child(
  element: XmlElement,
  ns: string | undefined,
  name: string
): XmlElement | undefined {
  for (const node of element.children) {
    if (isElement(node) && (ns === undefined || node.ns === ns) && node.name === name) return node
  }
  return undefined
}

/** Every descendant element (document order) matching `ns`/`name`; does not descend into matches when `stopAtMatch`. */
export function descendants(
  element: XmlElement,
  ns: string,
  name: string,
  options: {stopAtMatch?: boolean} = {}
): XmlElement[] {
  const found: XmlElement[] = []
  // explicit stack, children pushed in reverse: pre-order, document order, no recursion limit
  const stack: XmlElement[] = children(element, undefined).reverse()
  while (stack.length > 0) {
    const current = stack.pop() as XmlElement
    const matches = current.ns === ns && current.name === name
    if (matches) found.push(current)
    if (matches && options.stopAtMatch) continue
    for (let i = current.children.length - 1; i >= 0; i--) {
      const node = current.children[i] as XmlNode
      if (isElement(node)) stack.push(node)
    }
  }
  return found
}

/** Concatenated text of the element and its descendants, untrimmed. */
export function text(element: XmlElement): string {
  let out = ''
  for (const node of element.children) out += isElement(node) ? text(node) : node
  return out
}

export function attr(element: XmlElement, name: string): string | undefined {
  return element.attrs.get(name)
}
