/**
 * Compact, regex-level readings of single OVAL elements, as the prefilter and the findings need
 * them. Each function takes the raw text of one element from {@link scanOval}; none of them
 * validates the element (oscap does).
 */
import {decodeText} from '../arf/xml-parser.js'

/**
 * A flat copy of `text`. Substrings in V8 keep their parent alive, and every string here is cut
 * from a 1 MB read buffer: storing them as they are would retain the whole feed in memory.
 * Concatenating then slicing forces V8 to flatten into a fresh string that holds only these
 * characters (one more), in the JS heap: ~20× cheaper than a Buffer round trip, which was most
 * of the prefilter's time on a full-size feed.
 */
export function own(text: string): string {
  return ` ${text}`.slice(1)
}

const OVAL_ID = /oval:[A-Za-z0-9_.-]+:(?:def|tst|obj|ste|var):\d+/g

/** Every OVAL id the element mentions other than its own: test_ref, object_ref, var_ref, filter … */
export function referencedIds(text: string, ownId: string): string[] {
  const ids = new Set(text.match(OVAL_ID) ?? [])
  ids.delete(ownId)
  return [...ids].map(own)
}

export type Criteria =
  | {kind: 'criteria'; operator: string; negate: boolean; children: Criteria[]}
  | {kind: 'criterion'; testRef: string; negate: boolean}
  | {kind: 'extend'; definitionRef: string; negate: boolean}

const attrPatterns = new Map<string, RegExp>()

/** An attribute's value, copied ({@link own}). */
function attr(tag: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name)
  if (pattern === undefined) {
    pattern = new RegExp(`\\s${name}="([^"]*)"`)
    attrPatterns.set(name, pattern)
  }
  const value = pattern.exec(tag)?.[1]
  return value === undefined ? undefined : own(value)
}

/** The criteria tree of a `<definition>`, or `undefined` when it has none (deprecated definitions). */
export function readCriteria(definition: string): Criteria | undefined {
  const tags = /<(\/?)(?:[\w.-]+:)?(criteria|criterion|extend_definition)\b([^>]*?)(\/?)>/g
  const stack: Extract<Criteria, {kind: 'criteria'}>[] = []
  let root: Criteria | undefined
  // Metadata is most of a definition's text; the criteria follow it.
  const from = definition.indexOf('criteria')
  if (from < 0) return undefined
  tags.lastIndex = Math.max(0, definition.lastIndexOf('<', from))
  for (const match of definition.matchAll(tags)) {
    const [, close, name, attrs = '', empty] = match
    if (close === '/') {
      if (name === 'criteria') {
        const done = stack.pop()
        if (done !== undefined && stack.length === 0) root = done
      }
      continue
    }
    const negate = attr(attrs, 'negate') === 'true'
    let node: Criteria
    if (name === 'criteria') {
      node = {kind: 'criteria', operator: attr(attrs, 'operator') ?? 'AND', negate, children: []}
    } else if (name === 'criterion') {
      node = {kind: 'criterion', testRef: attr(attrs, 'test_ref') ?? '', negate}
    } else {
      node = {kind: 'extend', definitionRef: attr(attrs, 'definition_ref') ?? '', negate}
    }
    const parent = stack[stack.length - 1]
    if (parent !== undefined) parent.children.push(node)
    if (node.kind === 'criteria' && empty !== '/') stack.push(node)
    else if (node.kind === 'criteria' && stack.length === 0) root = node
  }
  return root
}

export interface TestInfo {
  localName: string
  objectRef?: string
  stateRefs: string[]
  checkExistence: string
}

export function readTest(name: string, text: string): TestInfo {
  const localName = own(name)
  const start = /^<[^>]*>/.exec(text)?.[0] ?? text
  const objectRef = /<(?:[\w.-]+:)?object\s[^>]*object_ref="([^"]*)"/.exec(text)?.[1]
  const stateRefs = [...text.matchAll(/<(?:[\w.-]+:)?state\s[^>]*state_ref="([^"]*)"/g)].map(
    m => m[1] as string
  )
  return {
    localName,
    ...(objectRef === undefined ? {} : {objectRef: own(objectRef)}),
    stateRefs: stateRefs.map(own),
    checkExistence: attr(start, 'check_existence') ?? 'at_least_one_exists'
  }
}

/**
 * What package an object looks up, when that is a plain literal: the `name` of a dpkginfo or
 * rpminfo object (operation `equals`, no variable), or the package a Canonical OCI feed's
 * `textfilecontent54_object` reads from `./manifest` (pattern `^name(?::\w+|)\s+(.*)$`).
 */
export interface ObjectInfo {
  localName: string
  packageName?: string
  /** `dpkg` for dpkginfo and manifest lookups (Debian versions), `rpm` for rpminfo. */
  packageKind?: 'dpkg' | 'rpm'
  /** A Canonical OCI lookup in `./manifest` (oscap then runs on a root holding only the manifest). */
  manifest?: true
  /**
   * Set on the objects scapgate adds for a source-named feed (`source-matching.ts`): the binary
   * `packageName` is checked as built from this source, and the feed's bound applies to this
   * source version.
   */
  source?: {name: string; version: string}
}

export function readObject(name: string, text: string): ObjectInfo {
  const localName = own(name)
  if (localName === 'dpkginfo_object' || localName === 'rpminfo_object') {
    const name = /<(?:[\w.-]+:)?name\b([^>]*)>([^<]*)<\//.exec(text)
    const attrs = name?.[1] ?? ''
    const operation = attr(attrs, 'operation') ?? 'equals'
    if (
      name === null ||
      operation !== 'equals' ||
      /var_ref=/.test(attrs) ||
      /<set\b|:set\b/.test(text)
    ) {
      return {localName}
    }
    return {
      localName,
      packageName: own(decodeText((name[2] as string).trim(), 'an OVAL object')),
      packageKind: localName === 'dpkginfo_object' ? 'dpkg' : 'rpm'
    }
  }
  if (localName === 'textfilecontent54_object') {
    const filename = /<(?:[\w.-]+:)?filename\b[^>]*>([^<]*)</.exec(text)?.[1]
    const pattern = /<(?:[\w.-]+:)?pattern\b[^>]*>([^<]*)</.exec(text)?.[1]
    if (filename === 'manifest' && pattern !== undefined) {
      const decoded = decodeText(pattern, 'an OVAL object')
      const match = /^\^([a-z0-9][a-z0-9+.-]*)\(\?::\\w\+\|\)\\s\+\(\.\*\)\$$/.exec(decoded)
      if (match) {
        return {
          localName,
          packageName: own(match[1] as string),
          packageKind: 'dpkg',
          manifest: true
        }
      }
    }
  }
  return {localName}
}

/** The version bound a state puts on a package: `evr less than 1:2.3-4` (or the subexpression form). */
export interface StateInfo {
  operation?: string
  version?: string
}

export function readState(text: string): StateInfo {
  const match = /<(?:[\w.-]+:)?(?:evr|version|subexpression)\b([^>]*)>([^<]*)</.exec(text)
  if (match === null) return {}
  const attrs = match[1] ?? ''
  if (!/datatype="(?:debian_)?evr_string"/.test(attrs)) return {}
  return {
    operation: attr(attrs, 'operation') ?? 'equals',
    version: own(decodeText((match[2] as string).trim(), 'an OVAL state'))
  }
}

/** `<oval:timestamp>` of the generator, as written (`2024-05-01T03:04:05`), if any. */
export function readGeneratorTimestamp(generator: string): string | undefined {
  const value = /<(?:[\w.-]+:)?timestamp\b[^>]*>([^<]+)</.exec(generator)?.[1]?.trim()
  return value === undefined ? undefined : own(value)
}
