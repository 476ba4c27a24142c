/**
 * A cheap look at what an XML file is, from its first bytes: the root element's local name and its
 * namespace. Used to refuse a `--content` that is not a data stream or a `--tailoring` that is not
 * a tailoring before any image is opened (docs/input-files.md). oscap stays the judge of the rest.
 * Never returns or reports text from the file other than a root element name that is a plain
 * XML name of bounded length.
 */

export interface XmlRoot {
  /** Local name, without prefix. */
  name: string
  /** Namespace URI declared for the root's prefix on the root element itself, if any. */
  namespace?: string
}

export type XmlHead =
  | {kind: 'root'; root: XmlRoot}
  | {kind: 'not-xml'}
  | {kind: 'no-root'}
  | {kind: 'compressed'}
  | {kind: 'utf16'}
  | {kind: 'doctype'}

const plainName = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/

/** Reads the root element from the start of a document (`head` need not be the whole file). */
export function readXmlHead(head: Buffer): XmlHead {
  if (head.subarray(0, 3).toString('latin1') === 'BZh' || (head[0] === 0x1f && head[1] === 0x8b))
    return {kind: 'compressed'}
  if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe))
    return {kind: 'utf16'}
  let text = head.toString('utf8')
  if (text.startsWith('\ufeff')) text = text.slice(1)
  let at = 0
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at += 1
    if (at >= text.length) return {kind: 'no-root'}
    if (text[at] !== '<') return {kind: 'not-xml'}
    if (text.startsWith('<?', at)) {
      const end = text.indexOf('?>', at)
      if (end < 0) return {kind: 'no-root'}
      at = end + 2
    } else if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at)
      if (end < 0) return {kind: 'no-root'}
      at = end + 3
    } else if (text.startsWith('<!', at)) {
      // SCAP content never has one, and entities could pull in files: refused (content-safety.ts).
      return /^<!DOCTYPE/i.test(text.slice(at)) ? {kind: 'doctype'} : {kind: 'not-xml'}
    } else break
  }
  const tag = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?([^>]*)>?/.exec(text.slice(at))
  if (tag === null) return {kind: 'not-xml'}
  const [prefix, local] = tag[2] === undefined ? ['', tag[1] as string] : [tag[1] as string, tag[2]]
  const attrs = tag[3] ?? ''
  const declaration = new RegExp(
    `\\sxmlns${prefix === '' ? '' : `:${prefix.replace(/[.-]/g, '\\$&')}`}\\s*=\\s*(["'])([^"'<>]*)\\1`
  )
  const namespace = declaration.exec(attrs)?.[2]
  return {
    kind: 'root',
    root: {name: local, ...(namespace === undefined ? {} : {namespace})}
  }
}

/** The root's name for a message: itself when it is a plain, short XML name, else a description. */
export function describeRoot(root: XmlRoot): string {
  return plainName.test(root.name) ? `<${root.name}>` : 'an element with an unusual name'
}

export const dataStreamNamespace = 'http://scap.nist.gov/schema/scap/source/1.2'
export const xccdfNamespaces = [
  'http://checklists.nist.gov/xccdf/1.2',
  'http://checklists.nist.gov/xccdf/1.1'
]
