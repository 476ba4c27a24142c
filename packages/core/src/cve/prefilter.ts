import {createWriteStream} from 'node:fs'
import {finished} from 'node:stream/promises'
import {
  type Criteria,
  type ObjectInfo,
  type StateInfo,
  type TestInfo,
  readCriteria,
  readGeneratorTimestamp,
  readObject,
  readState,
  readTest,
  referencedIds
} from './oval-elements.js'
import {type OvalSection, scanOval} from './oval-stream.js'

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
 * Two streaming passes; memory holds compact per-element facts, not the document.
 */
export async function prefilterFeed(options: PrefilterOptions): Promise<PrefilterResult> {
  const refs = new Map<string, string[]>()
  const criteria = new Map<string, Criteria | undefined>()
  const tests = new Map<string, TestInfo>()
  const objects = new Map<string, ObjectInfo>()
  const states = new Map<string, StateInfo>()
  let generatorTimestamp: string | undefined
  const scanOptions = options.signal === undefined ? {} : {signal: options.signal}

  await scanOval(
    options.feedPath,
    options.label,
    event => {
      if (event.type === 'generator') generatorTimestamp = readGeneratorTimestamp(event.text)
      if (event.type !== 'element' || event.id === '') return
      refs.set(event.id, referencedIds(event.text, event.id))
      if (event.section === 'definitions') criteria.set(event.id, readCriteria(event.text))
      else if (event.section === 'tests') tests.set(event.id, readTest(event.localName, event.text))
      else if (event.section === 'objects')
        objects.set(event.id, readObject(event.localName, event.text))
      else if (event.section === 'states') states.set(event.id, readState(event.text))
    },
    scanOptions
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

  const definitions = new Map<string, string>()
  await writeFiltered(options, needed, definitions, scanOptions)
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

async function writeFiltered(
  options: PrefilterOptions,
  needed: ReadonlySet<string>,
  definitions: Map<string, string>,
  scanOptions: {signal?: AbortSignal}
): Promise<void> {
  const out = createWriteStream(options.outputPath, {mode: 0o600})
  // The filtered feed is small; the write stream's own buffer is the only one needed.
  const write = (text: string): void => {
    out.write(text)
  }
  // Sections are written lazily so that an empty one is left out (the schema wants ≥ 1 child).
  let openSection: {section: OvalSection; text: string; written: boolean} | undefined
  try {
    await scanOval(
      options.feedPath,
      options.label,
      event => {
        switch (event.type) {
          case 'root':
            write(`<?xml version="1.0" encoding="UTF-8"?>\n${event.text}\n`)
            break
          case 'generator':
            write(`${event.text}\n`)
            break
          case 'section-open':
            openSection = {section: event.section, text: event.text, written: false}
            break
          case 'element':
            if (!needed.has(event.id) || openSection === undefined) break
            if (event.section === 'definitions') definitions.set(event.id, event.text)
            if (!openSection.written) {
              openSection.written = true
              write(`${openSection.text}\n`)
            }
            write(`${event.text}\n`)
            break
          case 'section-close':
            if (openSection?.written === true) write(`${event.text}\n`)
            openSection = undefined
            break
          case 'root-close':
            write(`${event.text}\n`)
            break
        }
      },
      scanOptions
    )
  } catch (error) {
    out.destroy()
    throw error
  }
  out.end()
  await finished(out)
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
