import {createReadStream} from 'node:fs'
import {ConfigurationError, LimitExceededError, sanitizeForDisplay} from '../errors.js'

/** The five top-level sections of an OVAL definitions document that hold identified elements. */
export const ovalSections = ['definitions', 'tests', 'objects', 'states', 'variables'] as const
export type OvalSection = (typeof ovalSections)[number]

export type OvalEvent =
  /** The `<oval_definitions …>` start tag, namespace declarations included. */
  | {type: 'root'; text: string}
  /** The whole `<generator>` element. */
  | {type: 'generator'; text: string}
  /** One child of a section, e.g. a whole `<definition>` or `<linux-def:dpkginfo_test/>`. */
  | {
      type: 'element'
      section: OvalSection
      localName: string
      id: string
      text: string
      /** Byte offsets of the element in the file: `[start, end)`. */
      start: number
      end: number
    }
  | {type: 'section-open'; section: OvalSection; text: string}
  | {type: 'section-close'; section: OvalSection; text: string}
  | {type: 'root-close'; text: string}

export interface ScanOvalOptions {
  /** Cap on one element's text (a definition, a test …): memory stays bounded by it. */
  maxElementBytes?: number
  signal?: AbortSignal
}

const DEFAULT_MAX_ELEMENT = 16 * 1024 * 1024

/**
 * Streams an OVAL definitions file and reports its structure: the root start tag, the generator,
 * and every child of the five sections as raw text with its byte offsets. The text is decoded as
 * latin1 so that string offsets are byte offsets: markup is ASCII, and a caller that needs the
 * characters of some text re-decodes it as UTF-8 ({@link utf8}). It is a tag-level scanner, not a validating
 * parser: it tracks depth through start, end and empty-element tags, skips comments, CDATA and
 * processing instructions, and rejects any `<!DOCTYPE`/`<!ENTITY` (no DTD processing, ever).
 * Memory is bounded by the largest element plus one read chunk. Elements are passed through as
 * written; checking them is oscap's job (it validates the filtered feed against the schema).
 *
 * Throws {@link ConfigurationError} naming `label` for a document that is not OVAL-shaped or is
 * truncated.
 */
export async function scanOval(
  path: string,
  label: string,
  visit: (event: OvalEvent) => void,
  options: ScanOvalOptions = {}
): Promise<void> {
  const maxElement = options.maxElementBytes ?? DEFAULT_MAX_ELEMENT
  const bad = (what: string): ConfigurationError =>
    new ConfigurationError(`Expected ${label} to be an OVAL definitions document, ${what}`)
  let buf = ''
  /** File offset of `buf[0]`. */
  let base = 0
  let pos = 0
  let depth = 0
  let section: OvalSection | undefined
  let captureStart = -1
  let captureKind: 'element' | 'generator' | undefined
  let captureName = ''
  /** The captured element's qualified name, while its end is still to be found. */
  let captureQName = ''
  let captureId = ''
  let sawRoot = false
  let ended = false

  const handleTag = (tag: string, start: number, end: number): void => {
    if (tag.startsWith('</')) {
      depth--
      if (depth < 0) throw bad('found an end tag without a start tag')
      if (captureKind === 'element' && depth === 2) {
        emitCapture(end)
      } else if (captureKind === 'generator' && depth === 1) {
        visit({type: 'generator', text: buf.slice(captureStart, end)})
        captureKind = undefined
        captureStart = -1
      } else if (depth === 1 && section !== undefined) {
        visit({type: 'section-close', section, text: tag})
        section = undefined
      } else if (depth === 0) {
        visit({type: 'root-close', text: tag})
        ended = true
      }
      return
    }
    const selfClosing = tag.endsWith('/>')
    const qname = /^<([^\s/>]+)/.exec(tag)?.[1] ?? ''
    const localName = qname.slice(qname.indexOf(':') + 1)
    if (depth === 0) {
      if (sawRoot) throw bad('found a second root element')
      if (localName !== 'oval_definitions') {
        throw bad(`found the root element \`${sanitizeForDisplay(qname, 60)}\``)
      }
      sawRoot = true
      visit({type: 'root', text: tag})
    } else if (depth === 1) {
      if (localName === 'generator') {
        captureKind = 'generator'
        captureStart = start
        if (selfClosing) throw bad('found an empty generator')
      } else if ((ovalSections as readonly string[]).includes(localName)) {
        section = localName as OvalSection
        visit({type: 'section-open', section, text: tag})
        if (selfClosing) {
          visit({type: 'section-close', section, text: ''})
          section = undefined
        }
      }
      // Any other top-level element (xml:Signature) is dropped from the filtered copy.
    } else if (depth === 2 && section !== undefined && captureKind === undefined) {
      captureKind = 'element'
      captureStart = start
      captureName = localName
      captureQName = qname
      captureId = /\sid="([^"]*)"/.exec(tag)?.[1] ?? ''
      if (selfClosing) {
        emitCapture(end)
        return
      }
    }
    if (!selfClosing) depth++
  }

  const emitCapture = (end: number): void => {
    if (section === undefined) return
    visit({
      type: 'element',
      section,
      localName: captureName,
      id: captureId,
      text: buf.slice(captureStart, end),
      start: base + captureStart,
      end: base + end
    })
    captureKind = undefined
    captureStart = -1
  }

  /** Processes complete tags from `pos`; returns when the rest of `buf` is an incomplete tag. */
  const drain = (): void => {
    for (;;) {
      const lt = buf.indexOf('<', pos)
      if (lt < 0) {
        pos = buf.length
        return
      }
      pos = lt
      let end: number
      if (buf.startsWith('<!--', lt)) {
        end = buf.indexOf('-->', lt + 4)
        if (end < 0) return
        pos = end + 3
        continue
      }
      if (buf.startsWith('<![CDATA[', lt)) {
        end = buf.indexOf(']]>', lt + 9)
        if (end < 0) return
        pos = end + 3
        continue
      }
      if (buf.startsWith('<?', lt)) {
        end = buf.indexOf('?>', lt + 2)
        if (end < 0) return
        pos = end + 2
        continue
      }
      if (buf.startsWith('<!', lt)) {
        if (buf.length - lt < 9) return
        throw bad('found a DOCTYPE or entity declaration (not allowed)')
      }
      end = tagEnd(buf, lt + 1)
      if (end < 0) return
      if (ended) throw bad('found content after the root element')
      handleTag(buf.slice(lt, end + 1), lt, end + 1)
      pos = end + 1
      if (captureKind === 'element' && depth === 3) {
        const skipped = skipToEnd()
        if (skipped === 'incomplete') return
      }
    }
  }

  /**
   * Fast path for the inside of a captured element (most of the feed's tags): jump to its end
   * tag instead of tokenizing every tag in between. Taken only when that is provably the same:
   * the text before the first `</qname>` holds no comment, CDATA, processing instruction or
   * nested element of the same name, so it is tags and character data only, in which `<` starts
   * a tag and the first such end tag closes the element. Otherwise the tag-level loop goes on.
   */
  const skipToEnd = (): 'done' | 'incomplete' | 'slow' => {
    const close = `</${captureQName}`
    let at = buf.indexOf(close, pos)
    for (;;) {
      if (at < 0) return 'incomplete'
      const next = buf.charCodeAt(at + close.length)
      if (Number.isNaN(next)) return 'incomplete'
      if (next === 0x3e || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d) break
      at = buf.indexOf(close, at + 1)
    }
    const gt = buf.indexOf('>', at)
    if (gt < 0) return 'incomplete'
    const inner = buf.slice(pos, at)
    if (inner.includes('<!') || inner.includes('<?') || nestsSame(inner, captureQName))
      return 'slow'
    depth--
    emitCapture(gt + 1)
    pos = gt + 1
    return 'done'
  }

  const stream = createReadStream(path, {encoding: 'latin1', highWaterMark: 1024 * 1024})
  const onAbort = (): void => {
    stream.destroy(new Error('aborted'))
  }
  options.signal?.addEventListener('abort', onAbort, {once: true})
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      // Keep only what an unfinished element or tag still needs.
      const keepFrom = captureStart >= 0 ? captureStart : pos
      buf = buf.slice(keepFrom) + chunk
      base += keepFrom
      pos -= keepFrom
      if (captureStart >= 0) captureStart = 0
      if (buf.length > maxElement) {
        throw new LimitExceededError(
          `An element of ${label} is larger than ${maxElement} bytes`,
          'maxElementBytes'
        )
      }
      drain()
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort)
  }
  if (!sawRoot) throw bad('found no root element')
  if (!ended) throw bad('but it is truncated (the root element is not closed)')
}

/** Re-decodes latin1 text from {@link scanOval} as the UTF-8 it was. */
export function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8')
}

/** Index of the `>` closing the tag whose name starts at `from`, skipping quoted values; -1 if not in `buf`. */
function tagEnd(buf: string, from: number): number {
  // Fast path: no quote character can hide a `>` when the quotes before the first `>` pair up.
  const gt = buf.indexOf('>', from)
  if (gt < 0) return -1
  // Searches stay inside the tag: a search to the end of a 1 MB buffer per tag is quadratic.
  const tag = buf.slice(from, gt)
  let quotes = 0
  for (let q = tag.indexOf('"'); q >= 0; q = tag.indexOf('"', q + 1)) quotes++
  if (quotes % 2 === 0 && !tag.includes("'")) return gt
  let quote = ''
  for (let i = from; i < buf.length; i++) {
    const c = buf[i]
    if (quote !== '') {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") {
      quote = c
    } else if (c === '>') {
      return i
    }
  }
  return -1
}

/** Whether `inner` holds a start tag `<qname` (followed by whitespace, `>` or `/`). */
function nestsSame(inner: string, qname: string): boolean {
  const open = `<${qname}`
  for (let at = inner.indexOf(open); at >= 0; at = inner.indexOf(open, at + 1)) {
    const next = inner.charCodeAt(at + open.length)
    if (Number.isNaN(next) || next === 0x3e || next === 0x2f || next <= 0x20) return true
  }
  return false
}
