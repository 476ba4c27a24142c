import {open} from 'node:fs/promises'
import {
  type Criteria,
  type ObjectInfo,
  type StateInfo,
  type TestInfo,
  own,
  readCriteria,
  readGeneratorTimestamp,
  readObject,
  readState,
  readTest,
  referencedIds
} from './oval-elements.js'
import {type OvalSection, ovalSections, scanOval} from './oval-stream.js'
import {type BinariesBySource, namesSourcePackages, rewriteForSources} from './source-matching.js'

/** Package names present in the image, per database. `undefined`: not known, nothing is pruned on it. */
export interface InstalledNames {
  dpkg?: ReadonlySet<string>
  rpm?: ReadonlySet<string>
}

export interface PrefilterOptions {
  feedPath: string
  /** Names the feed in messages, e.g. its URL. */
  label: string
  outputPath: string
  installed: InstalledNames
  /**
   * The image's binaries by source package. With a feed that names source packages (Debian's),
   * a package test on source S is kept when a binary of S is installed, and rewritten to the
   * installed binaries of S (`source-matching.ts`), also when `installed` prunes nothing.
   */
  sources?: BinariesBySource
  signal?: AbortSignal
}

/** What the findings need from the filtered feed, kept in memory (small: kept elements only). */
export interface FeedIndex {
  definitions: Map<string, string>
  criteria: Map<string, Criteria | undefined>
  tests: Map<string, TestInfo>
  objects: Map<string, ObjectInfo>
  states: Map<string, StateInfo>
}

export interface PrefilterResult extends FeedIndex {
  totalDefinitions: number
  keptDefinitions: number
  generatorTimestamp?: string
  /** The feed names source packages (Debian) and was matched through them. */
  namesSources: boolean
  /** Package tests on a source rewritten to its installed binaries, and the per-binary tests made. */
  sourceMatching: {rewrittenTests: number; binaryTests: number}
}

type Truth = 'true' | 'false' | 'unknown'

/**
 * Writes a copy of the feed that holds only the definitions that can be true for an image with
 * these packages, plus every test, object, state and variable they reference (transitively).
 *
 * Sound by construction: a definition is dropped only when its criteria are provably `false`
 * given that a package test on a package absent from the image is false (dpkginfo/rpminfo with a
 * literal name, or a Canonical OCI manifest lookup, whose `check_existence` fails without items).
 * Everything else is `unknown` and kept, so oscap's true definitions are the same on both feeds.
 * For a feed that names source packages (Debian's) and `sources`, "absent" means no installed
 * binary built from that source (nor one of that name), and the kept package tests are rewritten
 * to the source's installed binaries (`source-matching.ts`), in both the pruned and the whole copy.
 *
 * One streaming pass records, per element, only what the pruning needs: a definition's criteria,
 * a test's object and existence check, a package object's name, and every element's byte range.
 * The kept elements are then read back by range (a few thousand small reads), which is when their
 * references are followed and the findings' index is built; the rest is never looked at again.
 * Memory: the largest element plus a 1 MB buffer, and these compact facts.
 */
export async function prefilterFeed(options: PrefilterOptions): Promise<PrefilterResult> {
  const criteria = new Map<string, Criteria | undefined>()
  const tests = new Map<string, {objectRef: string; absentMeansFalse: boolean}>()
  const packageObjects = new Map<string, ObjectInfo>()
  const layout: Layout = {root: '', generator: '', sections: new Map(), ranges: new Map()}
  let generatorTimestamp: string | undefined
  let firstDefinition: string | undefined

  await scanOval(
    options.feedPath,
    options.label,
    event => {
      switch (event.type) {
        case 'root':
          layout.root = own(event.text)
          return
        case 'generator':
          layout.generator = own(event.text)
          generatorTimestamp = readGeneratorTimestamp(event.text)
          return
        case 'section-open':
          layout.sections.set(event.section, own(event.text))
          return
        case 'element':
          break
        default:
          return
      }
      if (event.id === '') return
      const id = own(event.id)
      layout.ranges.set(id, {section: event.section, start: event.start, end: event.end})
      if (event.section === 'definitions') {
        firstDefinition ??= id
        criteria.set(id, readCriteria(event.text))
      } else if (event.section === 'tests') {
        const test = readTestObject(event.text)
        if (test !== undefined) tests.set(id, test)
      } else if (event.section === 'objects' && mayNamePackage(event.localName)) {
        const object = readObject(event.localName, event.text)
        if (object.packageName !== undefined) packageObjects.set(id, object)
      }
    },
    options.signal === undefined ? {} : {signal: options.signal}
  )

  const bySource =
    options.sources !== undefined && namesSourcePackages(layout.generator, firstDefinition ?? '')
      ? options.sources
      : undefined
  const testTruth = (id: string): Truth => {
    const test = tests.get(id)
    // With no item collected these existence checks fail, so the test is false (OVAL 5.11 §5.3.3).
    if (test === undefined || !test.absentMeansFalse) return 'unknown'
    const object = packageObjects.get(test.objectRef)
    if (object?.packageName === undefined || object.packageKind === undefined) return 'unknown'
    const names = options.installed[object.packageKind]
    if (names === undefined) return 'unknown'
    if (names.has(object.packageName)) return 'unknown'
    // Source-named feed: a test on source S is rewritten to the binaries of S (see below).
    const viaSource = bySource !== undefined && object.localName === 'dpkginfo_object'
    return viaSource && bySource.has(object.packageName) ? 'unknown' : 'false'
  }
  const kept: string[] = []
  for (const [id, tree] of criteria) {
    if (tree === undefined || evaluate(tree, testTruth) !== 'false') kept.push(id)
  }
  const closed = await closeOverReferences(options.feedPath, layout, kept, criteria)
  // Every definition read back, extended ones included: their criteria are rewritten alike.
  const keptCriteria = new Map(
    [...closed.texts.keys()]
      .filter(id => layout.ranges.get(id)?.section === 'definitions')
      .map(id => [id, criteria.get(id)])
  )
  const rewrite =
    bySource === undefined
      ? undefined
      : rewriteForSources({bySource, criteria: keptCriteria, ...closed})
  await writeFiltered(options.outputPath, layout, closed.texts, rewrite?.added)
  const definitions = new Map<string, string>()
  for (const [id, bytes] of closed.texts) {
    if (layout.ranges.get(id)?.section === 'definitions')
      definitions.set(id, bytes.toString('utf8'))
  }
  return {
    totalDefinitions: criteria.size,
    keptDefinitions: definitions.size,
    ...(generatorTimestamp === undefined ? {} : {generatorTimestamp}),
    namesSources: bySource !== undefined,
    sourceMatching: {
      rewrittenTests: rewrite?.rewrittenTests ?? 0,
      binaryTests: rewrite?.binaryTests ?? 0
    },
    definitions,
    criteria: new Map([...definitions.keys()].map(id => [id, keptCriteria.get(id)])),
    tests: closed.tests,
    objects: closed.objects,
    states: closed.states
  }
}

const absentMeansFalse = new Set(['at_least_one_exists', 'only_one_exists', 'all_exist'])

/** A test's object and whether "no item" makes it false: the prefilter's only question about it. */
function readTestObject(text: string): {objectRef: string; absentMeansFalse: boolean} | undefined {
  const at = text.indexOf('object_ref="')
  if (at < 0) return undefined
  const start = at + 'object_ref="'.length
  const tagEnd = text.indexOf('>')
  const existence = /\scheck_existence="([^"]*)"/.exec(text.slice(0, tagEnd))?.[1]
  return {
    objectRef: own(text.slice(start, text.indexOf('"', start))),
    absentMeansFalse: absentMeansFalse.has(existence ?? 'at_least_one_exists')
  }
}

/** Object kinds {@link readObject} can find a literal package name in. */
function mayNamePackage(localName: string): boolean {
  return (
    localName === 'dpkginfo_object' ||
    localName === 'rpminfo_object' ||
    localName === 'textfilecontent54_object'
  )
}

interface Layout {
  root: string
  generator: string
  /** Start tags of the sections, as written. */
  sections: Map<OvalSection, string>
  ranges: Map<string, {section: OvalSection; start: number; end: number}>
}

/**
 * Reads back, by byte range, the kept definitions and everything they reference (extended
 * definitions, tests, objects, states, variables, transitively), and indexes the tests, objects
 * and states for the findings. Returns the elements' bytes, keyed by id.
 */
async function closeOverReferences(
  feedPath: string,
  layout: Layout,
  kept: readonly string[],
  criteria: ReadonlyMap<string, Criteria | undefined>
): Promise<{
  texts: Map<string, Buffer>
  tests: Map<string, TestInfo>
  objects: Map<string, ObjectInfo>
  states: Map<string, StateInfo>
}> {
  const texts = new Map<string, Buffer>()
  const tests = new Map<string, TestInfo>()
  const objects = new Map<string, ObjectInfo>()
  const states = new Map<string, StateInfo>()
  const input = await open(feedPath, 'r')
  try {
    const queue = [...kept]
    while (queue.length > 0) {
      const id = queue.pop() as string
      const where = layout.ranges.get(id)
      if (texts.has(id) || where === undefined) continue
      const bytes = Buffer.alloc(where.end - where.start)
      await input.read(bytes, 0, bytes.length, where.start)
      texts.set(id, bytes)
      if (where.section === 'definitions') {
        // A definition references other elements only through its criteria.
        const tree = criteria.get(id)
        if (tree !== undefined) queue.push(...criteriaRefs(tree))
        continue
      }
      const text = bytes.toString('latin1')
      queue.push(...referencedIds(text, id))
      const localName = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(text)?.[1] ?? ''
      if (where.section === 'tests') tests.set(id, readTest(localName, text))
      else if (where.section === 'objects') objects.set(id, readObject(localName, text))
      else if (where.section === 'states') states.set(id, readState(text))
    }
  } finally {
    await input.close()
  }
  return {texts, tests, objects, states}
}

/**
 * Writes the filtered document: the root and generator as they were, then per section the kept
 * elements in their original order. Empty sections are left out (the schema wants at least one
 * child).
 */
async function writeFiltered(
  outputPath: string,
  layout: Layout,
  texts: ReadonlyMap<string, Buffer>,
  added: Partial<Record<OvalSection, readonly string[]>> = {}
): Promise<void> {
  const output = await open(outputPath, 'w', 0o600)
  try {
    const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1')
    await output.write(
      Buffer.concat([
        Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n'),
        latin1(`${layout.root}\n${layout.generator}\n`)
      ])
    )
    for (const section of ovalSections) {
      const kept = [...texts.keys()]
        .map(id => ({id, where: layout.ranges.get(id)}))
        .filter(e => e.where?.section === section)
        .sort((a, b) => (a.where?.start ?? 0) - (b.where?.start ?? 0))
      const extra = added[section] ?? []
      if (kept.length === 0 && extra.length === 0) continue
      const closing = /^<([^\s/>]+)/.exec(layout.sections.get(section) ?? '')?.[1] ?? section
      const parts = [latin1(`${layout.sections.get(section) ?? `<${section}>`}\n`)]
      for (const {id} of kept) parts.push(texts.get(id) as Buffer, Buffer.from('\n'))
      for (const text of extra) parts.push(Buffer.from(`${text}\n`, 'utf8'))
      parts.push(Buffer.from(`</${closing}>\n`))
      await output.write(Buffer.concat(parts))
    }
    const rootName = /^<([^\s/>]+)/.exec(layout.root)?.[1] ?? 'oval_definitions'
    await output.write(Buffer.from(`</${rootName}>\n`))
  } finally {
    await output.close()
  }
}

function criteriaRefs(node: Criteria): string[] {
  if (node.kind === 'criterion') return [node.testRef]
  if (node.kind === 'extend') return [node.definitionRef]
  return node.children.flatMap(criteriaRefs)
}

/** Three-valued OVAL criteria logic where only "package absent → false" is known. */
export function evaluate(node: Criteria, test: (id: string) => Truth): Truth {
  let value: Truth
  if (node.kind === 'criterion') value = test(node.testRef)
  else if (node.kind === 'extend') value = 'unknown'
  else
    value = combine(
      node.operator,
      node.children.map(child => evaluate(child, test))
    )
  if (!node.negate || value === 'unknown') return value
  return value === 'true' ? 'false' : 'true'
}

function combine(operator: string, values: Truth[]): Truth {
  const trues = values.filter(v => v === 'true').length
  const falses = values.filter(v => v === 'false').length
  const unknowns = values.length - trues - falses
  switch (operator) {
    case 'AND':
      return falses > 0 ? 'false' : unknowns > 0 ? 'unknown' : 'true'
    case 'OR':
      return trues > 0 ? 'true' : unknowns > 0 ? 'unknown' : 'false'
    case 'ONE':
      if (trues > 1) return 'false'
      return unknowns > 0 ? 'unknown' : trues === 1 ? 'true' : 'false'
    case 'XOR':
      return unknowns > 0 ? 'unknown' : trues % 2 === 1 ? 'true' : 'false'
    default:
      return 'unknown'
  }
}
