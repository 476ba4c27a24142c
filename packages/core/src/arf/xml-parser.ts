/**
 * The one place XML is parsed (`reference/security.md` §4.3).
 *
 * Pipeline: size cap → strict UTF-8 → reject DOCTYPE/ENTITY → one strict pass
 * ({@link scanXml}: well-formedness, nesting cap, namespaces, our own entity decoding) → tree.
 *
 * Choices and why:
 * - Document order is kept: XCCDF descriptions are mixed XHTML content, and text order matters;
 *   every child list is an array, so one `rule-result` and many have the same shape.
 * - {@link decodeText} decodes the five XML entities and NCRs in one linear pass and rejects
 *   anything else (no DTD, so no other entity can be defined).
 * - Strings stay exactly as written (`1.10`, `0755`, leading spaces in collected file content).
 * - A truncated file is an error, never a partial tree.
 * - Namespaces are resolved from `xmlns` declarations: oscap writes the TestResult in the default
 *   namespace and the data stream with `xccdf-1.2:`; callers match on URI + local name.
 * - A hand-written scanner rather than fast-xml-parser: the library's validator, parser and the
 *   conversion of its output were three passes and ~1.5 s for an 8 MB ARF; one pass is ~10× faster.
 *
 * Not done: attribute-value whitespace normalisation (oscap writes none that matters), DTD
 * validation (there is no DTD), streaming (an 8 MB ARF parses in well under a second).
 */
import {readFile, stat} from 'node:fs/promises'
import {constants as bufferConstants} from 'node:buffer'
import {gunzipSync} from 'node:zlib'
import {ConfigurationError, InvalidArfError, LimitExceededError} from '../errors.js'
import {scanXml, type ScanOptions} from './xml-scanner.js'

export {decodeText} from './xml-text.js'

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
 * parsed tree needs several times the input; real ARFs are 8–100 MB (openscap.md §8).
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

/**
 * Parses an XML document into a namespace-resolved tree. `source` names the input in errors.
 * Rejects (InvalidArfError) any document with a DOCTYPE or ENTITY declaration — oscap never writes
 * one — including the string inside CDATA, which oscap does not write either. Elements for which
 * `options.skip(ns, name)` holds are checked but left out of the tree (see {@link ScanOptions}).
 */
export function parseXml(
  text: string,
  source: string,
  options: Pick<ScanOptions, 'skip'> = {}
): XmlElement {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text)
  if (declaration) {
    throw new InvalidArfError(
      `Expected ${source} to have no <!${declaration[1]?.toUpperCase()}> declaration (oscap never writes one), found one at offset ${declaration.index}`,
      source
    )
  }
  return scanXml(text, source, {maxDepth: maxNestedTags, ...options})
}
