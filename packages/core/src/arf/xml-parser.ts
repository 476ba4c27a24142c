/**
 * The one place fast-xml-parser is configured (`docs/reference/security.md` §4.3).
 *
 * Pipeline: size cap → strict UTF-8 → reject DOCTYPE/ENTITY → well-formedness check → parse in
 * document order → namespace-resolved element tree with our own entity decoding.
 *
 * Choices and why:
 * - `preserveOrder: true`: XCCDF descriptions are mixed XHTML content, and text order matters; it
 *   also makes every child list an array, so one `rule-result` and many have the same shape.
 * - `processEntities: false` + {@link decodeText}: the library's decoder leaves numeric character
 *   references alone unless `htmlEntities` (which also accepts HTML-only names) is on, and its
 *   expansion limits count the millions of `&lt;` in real OVAL content. Ours decodes the five XML
 *   entities and NCRs in one linear pass and rejects anything else.
 * - `parseTagValue`/`parseAttributeValue: false`, `trimValues: false`: strings stay exactly as
 *   written (`1.10`, `0755`, leading spaces in collected file content).
 * - `XMLValidator` first: the parser silently returns a partial tree for a truncated file.
 * - Namespaces are resolved from `xmlns` declarations: oscap writes the TestResult in the default
 *   namespace and the data stream with `xccdf-1.2:`; callers match on URI + local name.
 *
 * - `skip`: subtrees nobody reads (the ARF's copies of the OVAL definitions, OCIL, the CPE
 *   dictionary: about 40% of an SSG ARF) are parsed and checked but not converted into the tree,
 *   where most of the time went.
 *
 * Not done: attribute-value whitespace normalisation (oscap writes none that matters), DTD
 * validation (there is no DTD), streaming (an 8 MB ARF parses in well under a second).
 */
import {readFile, stat} from 'node:fs/promises'
import {constants as bufferConstants} from 'node:buffer'
import {gunzipSync} from 'node:zlib'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {
  ConfigurationError,
  InvalidArfError,
  LimitExceededError,
  sanitizeForDisplay
} from '../errors.js'
import {ns as nsUris} from './namespaces.js'
import {decodeText} from './xml-text.js'
import {exciseSubtrees, type ExciseRule} from './xml-excise.js'

export {decodeText} from './xml-text.js'

/** Elements to leave out of the tree (matched on namespace URI and local name). */
export interface ParseXmlOptions {
  skip?: (ns: string, name: string) => boolean
  /**
   * Elements `skip` drops, hollowed out of the text before parsing so that the parser never
   * allocates them (`xml-excise.ts`; never changes the tree: a miss falls back to a full parse).
   */
  excise?: readonly ExciseRule[]
}

export interface XmlElement {
  /** Namespace URI, `''` when the element is in no namespace. */
  readonly ns: string
  /** Local name, without prefix. */
  readonly name: string
  /** Unprefixed attributes by local name; prefixed ones as `{uri}local`. `xmlns` declarations are dropped. */
  readonly attrs: ReadonlyMap<string, string>
  /** Elements and decoded text, in document order. */
  readonly children: readonly XmlNode[]
}
export type XmlNode = XmlElement | string

/**
 * 256 MiB. V8 cannot hold a string above ~512 Mi UTF-16 units (`ERR_STRING_TOO_LONG`), and the
 * parsed tree needs several times the input; real ARFs are 8–100 MB (docs/reference/openscap.md §8).
 */
export const defaultMaxXmlBytes = 256 * 1024 * 1024

export interface ReadXmlOptions {
  /** Cap on the (decompressed) document size in bytes. */
  maxBytes?: number
}

const maxNestedTags = 256

/**
 * Reads an XML file as strict UTF-8 (a BOM is accepted and dropped), transparently gunzipping
 * `1f 8b` input. Throws {@link LimitExceededError} above `maxBytes`, {@link InvalidArfError} for
 * bytes that are not UTF-8. Does not parse.
 */
export async function readXmlFile(path: string, options: ReadXmlOptions = {}): Promise<string> {
  const maxBytes = checkMaxBytes(options.maxBytes ?? defaultMaxXmlBytes)
  const size = await stat(path).then(
    s => s.size,
    (error: unknown) => {
      const code = (error as {code?: unknown}).code
      throw new InvalidArfError(
        `Expected a readable XML file at ${path}, got ${typeof code === 'string' ? code : String(error)}`,
        path,
        {cause: error}
      )
    }
  )
  if (size > maxBytes) throw tooLarge(path, maxBytes, `${size} bytes`)
  let bytes: Buffer = await readFile(path)
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, {maxOutputLength: maxBytes})
    } catch (error) {
      if ((error as {code?: unknown}).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(path, maxBytes, 'more than that once decompressed')
      }
      throw new InvalidArfError(`Expected ${path} to be valid gzip, got: ${String(error)}`, path, {
        cause: error
      })
    }
  }
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch (error) {
    throw new InvalidArfError(
      `Expected ${path} to be UTF-8 XML, found bytes that are not UTF-8`,
      path,
      {
        cause: error
      }
    )
  }
}

function checkMaxBytes(maxBytes: number): number {
  if (
    !Number.isSafeInteger(maxBytes) ||
    maxBytes <= 0 ||
    maxBytes > bufferConstants.MAX_STRING_LENGTH
  ) {
    throw new ConfigurationError(
      `Expected the XML size cap to be a positive integer up to ${bufferConstants.MAX_STRING_LENGTH} bytes, got ${maxBytes}`
    )
  }
  return maxBytes
}

function tooLarge(path: string, maxBytes: number, found: string): LimitExceededError {
  return new LimitExceededError(
    `${path} is too large to parse: the cap is ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB), the file is ${found}`,
    'xml-bytes'
  )
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags,
  onDangerousProperty: name => {
    throw new Error(`element or attribute named \`${name}\``)
  }
})

/**
 * Parses an XML document into a namespace-resolved tree. `source` names the input in errors.
 * Rejects (InvalidArfError) any document with a DOCTYPE or ENTITY declaration — oscap never writes
 * one — including the string inside CDATA, which oscap does not write either.
 */
export function parseXml(text: string, source: string, options: ParseXmlOptions = {}): XmlElement {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text)
  if (declaration) {
    throw new InvalidArfError(
      `Expected ${source} to have no <!${declaration[1]?.toUpperCase()}> declaration (oscap never writes one), found one at offset ${declaration.index}`,
      source
    )
  }
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new InvalidArfError(
      `Expected ${source} to be well-formed XML, found at line ${valid.err.line} column ${valid.err.col}: ${sanitizeForDisplay(valid.err.msg)}`,
      source
    )
  }
  if (options.excise !== undefined && options.skip !== undefined) {
    const excised = exciseSubtrees(text, options.excise)
    if (excised.count > 0) {
      try {
        return buildTree(parser.parse(excised.text), source, options.skip, excised.marker)
      } catch {
        // A hollowed element that is not dropped, or a cut the parser did not accept: the
        // original text decides (and reports any error) below.
      }
    }
  }
  let raw: unknown
  try {
    raw = parser.parse(text)
  } catch (error) {
    throw new InvalidArfError(
      `Could not parse ${source} as XML: ${sanitizeForDisplay(String(error instanceof Error ? error.message : error))}`,
      source,
      {cause: error}
    )
  }
  return buildTree(raw, source, options.skip)
}

/** Thrown by {@link toElement} when an excision marker survives into the tree. */
class ExcisionMiss extends Error {}

function buildTree(
  raw: unknown,
  source: string,
  skip: ((ns: string, name: string) => boolean) | undefined,
  marker?: string
): XmlElement {
  const roots = (Array.isArray(raw) ? raw : []).filter(isElementEntry)
  const root = roots[0]
  if (roots.length !== 1 || root === undefined) {
    if (marker !== undefined) throw new ExcisionMiss()
    throw new InvalidArfError(
      `Expected ${source} to have one root element, found ${roots.length}`,
      source
    )
  }
  return toElement(root, rootScope, source, skip, marker)
}

type RawEntry = Record<string, unknown>
type Scope = ReadonlyMap<string, string>
const rootScope: Scope = new Map([['xml', nsUris.xml]])

function isElementEntry(entry: unknown): entry is RawEntry {
  return typeof entry === 'object' && entry !== null && elementName(entry as RawEntry) !== undefined
}

function elementName(entry: RawEntry): string | undefined {
  return Object.keys(entry).find(k => k !== ':@' && k !== '#text' && k !== '#cdata')
}

function toElement(
  entry: RawEntry,
  parentScope: Scope,
  source: string,
  skip?: (ns: string, name: string) => boolean,
  marker?: string
): XmlElement {
  const qname = elementName(entry) ?? ''
  const rawAttrs = (entry[':@'] ?? {}) as Record<string, unknown>
  let scope = parentScope
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope)
      ;(scope as Map<string, string>).set(
        key === 'xmlns' ? '' : key.slice(6),
        decodeText(String(value), source)
      )
    }
  }
  const attrs = new Map<string, string>()
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue
    const colon = key.indexOf(':')
    const name =
      colon < 0 ? key : `{${resolve(key.slice(0, colon), scope, source)}}${key.slice(colon + 1)}`
    attrs.set(name, decodeText(String(value), source))
  }
  const colon = qname.indexOf(':')
  const children: XmlNode[] = []
  for (const child of (entry[qname] ?? []) as RawEntry[]) {
    if ('#text' in child) {
      const raw = String(child['#text'])
      if (marker !== undefined && raw.includes(marker)) throw new ExcisionMiss()
      children.push(decodeText(raw, source))
    } else if ('#cdata' in child) {
      for (const part of child['#cdata'] as RawEntry[]) {
        const raw = String(part['#text'] ?? '')
        if (marker !== undefined && raw.includes(marker)) throw new ExcisionMiss()
        children.push(raw)
      }
    } else if (isElementEntry(child)) {
      if (skip !== undefined && isSkipped(child, scope, source, skip)) continue
      children.push(toElement(child, scope, source, skip, marker))
    }
  }
  return {
    ns: resolve(colon < 0 ? '' : qname.slice(0, colon), scope, source),
    name: colon < 0 ? qname : qname.slice(colon + 1),
    attrs,
    children
  }
}

/** True when `skip` names this element; its own `xmlns` declarations count for its name. */
function isSkipped(
  entry: RawEntry,
  parentScope: Scope,
  source: string,
  skip: (ns: string, name: string) => boolean
): boolean {
  const qname = elementName(entry) ?? ''
  const colon = qname.indexOf(':')
  const prefix = colon < 0 ? '' : qname.slice(0, colon)
  const attrs = (entry[':@'] ?? {}) as Record<string, unknown>
  const declared = attrs[prefix === '' ? 'xmlns' : `xmlns:${prefix}`]
  const uri =
    declared === undefined
      ? resolve(prefix, parentScope, source)
      : decodeText(String(declared), source)
  return skip(uri, colon < 0 ? qname : qname.slice(colon + 1))
}

function resolve(prefix: string, scope: Scope, source: string): string {
  const uri = scope.get(prefix)
  if (uri !== undefined) return uri
  if (prefix === '') return ''
  throw new InvalidArfError(
    `Expected every namespace prefix in ${source} to be declared, found \`${sanitizeForDisplay(prefix, 60)}\` undeclared`,
    source
  )
}
