/**
 * Hollows out subtrees that the tree builder would drop anyway, before fast-xml-parser sees the
 * text, so that it never allocates them (issue 11 §6: the ARF's copies of the OVAL definitions,
 * OCIL and CPE dictionary are about a third of an SSG ARF; parsing them was most of the garbage).
 *
 * Contract: this is an optimisation that can never change the tree. It runs only on text that
 * `XMLValidator` accepted. Each hollowed element keeps its start and end tags, and its content is
 * replaced by a marker holding a per-call nonce. The caller (`parseXml`) drops elements by
 * namespace URI and local name as before; if the marker shows up anywhere else (in the text of an
 * element that was not dropped, in CDATA), or the excised text does not parse, the caller parses
 * the original text instead. Elements whose content holds a comment, CDATA, a processing
 * instruction or a nested element of the same name are left whole, so a cut never lands inside
 * one of them.
 */
import {randomBytes} from 'node:crypto'

export interface ExciseRule {
  /** Local names of the elements to hollow (any prefix). */
  names: readonly string[]
  /** Only inside elements of this local name, with the same prefix as the hollowed element. */
  within?: string
}

export interface Excised {
  text: string
  /** The marker text each hollowed element now holds. */
  marker: string
  count: number
}

const guards = ['<!--', '-->', '<![CDATA[', ']]>', '<?']

export function exciseSubtrees(text: string, rules: readonly ExciseRule[]): Excised {
  const marker = `scapgate-excised-${randomBytes(12).toString('hex')}`
  const cuts: Array<[number, number]> = []
  for (const rule of rules) {
    if (rule.within === undefined) {
      collect(text, rule.names, 0, text.length, undefined, cuts)
      continue
    }
    for (const span of elementSpans(text, [rule.within], 0, text.length, undefined)) {
      collect(text, rule.names, span.contentStart, span.contentEnd, span.prefix, cuts)
    }
  }
  cuts.sort((a, b) => a[0] - b[0])
  const parts: string[] = []
  let position = 0
  let count = 0
  for (const [start, end] of cuts) {
    if (start < position) continue // inside an earlier cut
    parts.push(text.slice(position, start), marker)
    position = end
    count++
  }
  parts.push(text.slice(position))
  return {text: count === 0 ? text : parts.join(''), marker, count}
}

function collect(
  text: string,
  names: readonly string[],
  from: number,
  to: number,
  prefix: string | undefined,
  cuts: Array<[number, number]>
): void {
  for (const span of elementSpans(text, names, from, to, prefix)) {
    cuts.push([span.contentStart, span.contentEnd])
  }
}

interface Span {
  prefix: string
  contentStart: number
  contentEnd: number
}

/** Elements named `names` between `from` and `to` whose content is safe to cut (see the guards). */
function* elementSpans(
  text: string,
  names: readonly string[],
  from: number,
  to: number,
  prefix: string | undefined
): Generator<Span> {
  const alternatives = names.map(escapeRegExp).join('|')
  const prefixPattern = prefix === undefined ? '(?:([A-Za-z_][\\w.-]*):)?' : escapePrefix(prefix)
  const start = new RegExp(`<${prefixPattern}(${alternatives})(?=[\\s/>])`, 'g')
  start.lastIndex = from
  for (let match = start.exec(text); match !== null; match = start.exec(text)) {
    if (match.index >= to) return
    const found = prefix ?? match[1] ?? ''
    const name = (prefix === undefined ? match[2] : match[1]) as string
    const qname = found === '' ? name : `${found}:${name}`
    const tagEnd = startTagEnd(text, start.lastIndex)
    if (tagEnd < 0 || tagEnd > to) return
    start.lastIndex = tagEnd
    if (text[tagEnd - 2] === '/') continue // <x/>: nothing inside
    const close = new RegExp(`</${escapeRegExp(qname)}\\s*>`, 'g')
    close.lastIndex = tagEnd
    const end = close.exec(text)
    if (end === null || end.index > to) continue
    start.lastIndex = close.lastIndex
    const content = text.slice(tagEnd, end.index)
    if (guards.some(g => content.includes(g))) continue
    if (new RegExp(`<${escapeRegExp(qname)}(?=[\\s/>])`).test(content)) continue
    yield {prefix: found, contentStart: tagEnd, contentEnd: end.index}
  }
}

/** The index just past the `>` of the start tag whose name ends at `from` (quotes respected). */
function startTagEnd(text: string, from: number): number {
  let quote: string | undefined
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return i + 1
    else if (c === '<') return -1
  }
  return -1
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')
}

function escapePrefix(prefix: string): string {
  return prefix === '' ? '' : `${escapeRegExp(prefix)}:`
}
