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
}

type Truth = 'true' | 'false' | 'unknown'

const absentMeansFalse = new Set(['at_least_one_exists', 'only_one_exists', 'all_exist'])

/**
 * Writes a copy of the feed that holds only the definitions that can be true for an image with
 * these packages, plus every test, object, state and variable they reference (transitively).
 *
 * Sound by construction: a definition is dropped only when its criteria are provably `false`
 * given that a package test on a package absent from the image is false (dpkginfo/rpminfo with a
 * literal name, or a Canonical OCI manifest lookup, whose `check_existence` fails without items).
 * Everything else is `unknown` and kept, so oscap's true definitions are the same on both feeds.
 * One streaming pass, then positional reads of the kept elements; memory holds compact
 * per-element facts (ids, offsets, package names), not the document.
 */
export async function prefilterFeed(options: PrefilterOptions): Promise<PrefilterResult> {
  const refs = new Map<string, string[]>()
  const criteria = new Map<string, Criteria | undefined>()
  const tests = new Map<string, TestInfo>()
  const objects = new Map<string, ObjectInfo>()
  const states = new Map<string, StateInfo>()
  const layout: Layout = {root: '', generator: '', sections: new Map(), elements: new Map()}
  let generatorTimestamp: string | undefined

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
      layout.elements.set(id, {section: event.section, start: event.start, end: event.end})
      if (event.section === 'definitions') {
        const tree = readCriteria(event.text)
        criteria.set(id, tree)
        // A definition references other elements only through its criteria.
        refs.set(id, tree === undefined ? [] : criteriaRefs(tree))
        return
      }
      refs.set(id, referencedIds(event.text, event.id))
      if (event.section === 'tests') tests.set(id, readTest(event.localName, event.text))
      else if (event.section === 'objects') objects.set(id, readObject(event.localName, event.text))
      else if (event.section === 'states') states.set(id, readState(event.text))
    },
    options.signal === undefined ? {} : {signal: options.signal}
  )

  const testTruth = (id: string): Truth => {
    const test = tests.get(id)
    if (test === undefined || test.objectRef === undefined) return 'unknown'
    // With no item collected these existence checks fail, so the test is false (OVAL 5.11 §5.3.3).
    if (!absentMeansFalse.has(test.checkExistence)) return 'unknown'
    const object = objects.get(test.objectRef)
    if (object?.packageName === undefined || object.packageKind === undefined) return 'unknown'
    const names = options.installed[object.packageKind]
    if (names === undefined) return 'unknown'
    return names.has(object.packageName) ? 'unknown' : 'false'
  }
  const kept = new Set<string>()
  for (const [id, tree] of criteria) {
    if (tree === undefined || evaluate(tree, testTruth) !== 'false') kept.add(id)
  }

  // Close over references: extended definitions, tests, objects, states, variables.
  const needed = new Set<string>()
  const queue = [...kept]
  while (queue.length > 0) {
    const id = queue.pop() as string
    if (needed.has(id)) continue
    needed.add(id)
    for (const ref of refs.get(id) ?? []) if (!needed.has(ref)) queue.push(ref)
  }

  const definitions = await writeFiltered(options.feedPath, options.outputPath, layout, needed)
  const keepOnly = <T>(map: Map<string, T>): Map<string, T> =>
    new Map([...map].filter(([id]) => needed.has(id)))
  return {
    totalDefinitions: criteria.size,
    keptDefinitions: definitions.size,
    ...(generatorTimestamp === undefined ? {} : {generatorTimestamp}),
    definitions,
    criteria: keepOnly(criteria),
    tests: keepOnly(tests),
    objects: keepOnly(objects),
    states: keepOnly(states)
  }
}

interface Layout {
  root: string
  generator: string
  /** Start tags of the sections, as written. */
  sections: Map<OvalSection, string>
  elements: Map<string, {section: OvalSection; start: number; end: number}>
}

/**
 * Writes the filtered document: the root and generator as they were, then per section the needed
 * elements read back by byte range (a few hundred small reads, not a second pass over the file).
 * Empty sections are left out (the schema wants at least one child). Returns the kept
 * definitions' text (UTF-8).
 */
async function writeFiltered(
  feedPath: string,
  outputPath: string,
  layout: Layout,
  needed: ReadonlySet<string>
): Promise<Map<string, string>> {
  const definitions = new Map<string, string>()
  const input = await open(feedPath, 'r')
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
      const kept = [...needed]
        .map(id => ({id, where: layout.elements.get(id)}))
        .filter(e => e.where?.section === section)
        .sort((a, b) => (a.where?.start ?? 0) - (b.where?.start ?? 0))
      if (kept.length === 0) continue
      const closing = /^<([^\s/>]+)/.exec(layout.sections.get(section) ?? '')?.[1] ?? section
      await output.write(latin1(`${layout.sections.get(section) ?? `<${section}>`}\n`))
      for (const {id, where} of kept) {
        if (where === undefined) continue
        const bytes = Buffer.alloc(where.end - where.start)
        await input.read(bytes, 0, bytes.length, where.start)
        if (section === 'definitions') definitions.set(id, bytes.toString('utf8'))
        await output.write(Buffer.concat([bytes, Buffer.from('\n')]))
      }
      await output.write(Buffer.from(`</${closing}>\n`))
    }
    const rootName = /^<([^\s/>]+)/.exec(layout.root)?.[1] ?? 'oval_definitions'
    await output.write(Buffer.from(`</${rootName}>\n`))
  } finally {
    await input.close()
    await output.close()
  }
  return definitions
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
