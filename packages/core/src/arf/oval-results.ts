/**
 * Reduces an OVAL results document (`arf:report id="oval0"`) to definition → result + collected
 * items, for blame (which file or package made a rule fail), with each test's per-item results so
 * blame can tell the items that failed from those that passed. Only the first `results/system` is
 * read: oscap writes one. Objects and states are not modelled yet; add them here when needed.
 */
import {InvalidArfError} from '../errors.js'
import {ns} from './namespaces.js'
import type {
  OvalDefinitionResult,
  OvalItem,
  OvalResults,
  OvalResultValue,
  OvalTestResult
} from './types.js'
import type {XmlElement} from './xml-parser.js'
import {child, children, descendants, text} from './xml-tree.js'

const ovalResultValues: readonly string[] = [
  'true',
  'false',
  'unknown',
  'error',
  'not evaluated',
  'not applicable'
]

export function readOvalResults(root: XmlElement, source: string): OvalResults {
  const system = child(child(root, ns.ovalRes, 'results') ?? root, ns.ovalRes, 'system')
  const definitions = new Map<string, OvalDefinitionResult>()
  const tests = new Map<string, OvalTestResult>()
  if (system === undefined) return {definitions, tests}

  const items = new Map<string, OvalItem>()
  const characteristics = child(system, ns.ovalSc, 'oval_system_characteristics')
  const systemData = characteristics && child(characteristics, ns.ovalSc, 'system_data')
  for (const item of systemData ? children(systemData, undefined) : []) {
    const id = item.attrs.get('id')
    if (id !== undefined) items.set(id, readOvalItem(id, item))
  }

  for (const test of children(child(system, ns.ovalRes, 'tests') ?? system, ns.ovalRes, 'test')) {
    const testId = test.attrs.get('test_id')
    if (testId === undefined) continue
    const tested = children(test, ns.ovalRes, 'tested_item').flatMap(t => {
      const itemId = t.attrs.get('item_id')
      if (itemId === undefined) return []
      return [
        {
          itemId,
          result: resultValue(
            t.attrs.get('result'),
            `tested_item ${itemId} of OVAL test ${testId}`,
            source
          )
        }
      ]
    })
    const previous = tests.get(testId)
    tests.set(testId, {
      id: testId,
      result: resultValue(test.attrs.get('result'), `OVAL test ${testId}`, source),
      check: test.attrs.get('check') ?? 'all',
      checkExistence: test.attrs.get('check_existence') ?? 'at_least_one_exists',
      items: [...(previous?.items ?? []), ...tested]
    })
  }

  const raw = new Map<string, RawDefinition>()
  for (const definition of children(
    child(system, ns.ovalRes, 'definitions') ?? system,
    ns.ovalRes,
    'definition'
  )) {
    const id = definition.attrs.get('definition_id')
    if (id === undefined) continue
    raw.set(id, {
      element: definition,
      result: resultValue(definition.attrs.get('result'), `OVAL definition ${id}`, source),
      testIds: descendants(definition, ns.ovalRes, 'criterion').flatMap(
        c => c.attrs.get('test_ref') ?? []
      ),
      extends: descendants(definition, ns.ovalRes, 'extend_definition').flatMap(
        e => e.attrs.get('definition_ref') ?? []
      )
    })
  }

  for (const [id, definition] of raw) {
    const testIds = collectTests(id, raw)
    const failing = definition.result === 'false' ? failingItems(id, raw, tests) : new Set<string>()
    const collected = new Map<string, OvalItem>()
    for (const testId of testIds) {
      for (const {itemId} of tests.get(testId)?.items ?? []) {
        const item = items.get(itemId)
        if (item === undefined || collected.has(itemId)) continue
        collected.set(
          itemId,
          definition.result === 'false' ? {...item, failing: failing.has(itemId)} : item
        )
      }
    }
    definitions.set(id, {id, result: definition.result, testIds, items: [...collected.values()]})
  }
  return {definitions, tests}
}

interface RawDefinition {
  element: XmlElement
  result: OvalResultValue
  testIds: string[]
  extends: string[]
}

function resultValue(value: string | undefined, what: string, source: string): OvalResultValue {
  if (value === undefined || !ovalResultValues.includes(value)) {
    throw new InvalidArfError(
      `Expected ${what} in ${source} to have a result (${ovalResultValues.join('|')}), got ${String(value)}`,
      source
    )
  }
  return value as OvalResultValue
}

/**
 * Ids of the items that made the failed definition `id` fail. Walks the criteria tree down the
 * branches whose result is the failing one (`false`, flipped under each `negate="true"`: a node's
 * `@result` already has its own negation applied), through `extend_definition`, to the tests
 * that decided it; then, in each such test, the items whose own result decided the test.
 */
function failingItems(
  id: string,
  raw: ReadonlyMap<string, RawDefinition>,
  tests: ReadonlyMap<string, OvalTestResult>
): Set<string> {
  const out = new Set<string>()
  const visiting = new Set<string>()
  const walk = (node: XmlElement, bad: 'true' | 'false'): void => {
    for (const next of children(node, ns.ovalRes)) {
      if (next.attrs.get('result') !== bad) continue
      const inner = next.attrs.get('negate') === 'true' ? flip(bad) : bad
      if (next.name === 'criteria') walk(next, inner)
      else if (next.name === 'criterion') {
        const test = tests.get(next.attrs.get('test_ref') ?? '')
        if (test !== undefined) for (const itemId of decidingItems(test, inner)) out.add(itemId)
      } else if (next.name === 'extend_definition') {
        const ref = next.attrs.get('definition_ref') ?? ''
        const extended = raw.get(ref)
        if (extended === undefined || visiting.has(ref)) continue
        visiting.add(ref)
        walk(extended.element, inner)
      }
    }
  }
  const definition = raw.get(id)
  if (definition !== undefined) {
    visiting.add(id)
    walk(definition.element, 'false')
  }
  return out
}

function flip(value: 'true' | 'false'): 'true' | 'false' {
  return value === 'true' ? 'false' : 'true'
}

/**
 * Items of `test` (whose result is `result`) that made it come out that way. Against a state:
 * `check="all"`/`at least one` fail on the items that did not match and pass on those that did,
 * `none satisfy` the other way round, `only one` fails on the matches when there are several.
 * Without a state (every item `not evaluated`), or when existence alone decided it, every item.
 */
function decidingItems(test: OvalTestResult, result: 'true' | 'false'): string[] {
  const evaluated = test.items.filter(i => i.result === 'true' || i.result === 'false')
  if (evaluated.length === 0) return test.items.map(i => i.itemId)
  const matching = evaluated.filter(i => i.result === 'true').length
  const wanted: OvalResultValue =
    test.check === 'none satisfy'
      ? flip(result)
      : test.check === 'only one' && result === 'false' && matching > 1
        ? 'true'
        : result
  const deciding = evaluated.filter(i => i.result === wanted).map(i => i.itemId)
  return deciding.length > 0 ? deciding : test.items.map(i => i.itemId)
}

/** Test ids of a definition and, depth first, of the definitions it extends; cycles are cut. */
function collectTests(
  id: string,
  raw: ReadonlyMap<string, Pick<RawDefinition, 'testIds' | 'extends'>>,
  visiting = new Set<string>()
): string[] {
  const definition = raw.get(id)
  if (definition === undefined || visiting.has(id)) return []
  visiting.add(id)
  const ids = [
    ...definition.testIds,
    ...definition.extends.flatMap(e => collectTests(e, raw, visiting))
  ]
  return [...new Set(ids)]
}

/** An OVAL system-characteristics item: its type, status, file path or package name and version. */
export function readOvalItem(id: string, element: XmlElement): OvalItem {
  const field = (name: string): string | undefined => {
    const found = child(element, undefined, name)
    return found === undefined ? undefined : text(found)
  }
  const item: OvalItem = {id, itemType: element.name}
  const status = element.attrs.get('status')
  if (status !== undefined) item.status = status
  const path = field('path')
  const filename = field('filename')
  const filepath =
    field('filepath') ??
    (path !== undefined && filename !== undefined ? joinPath(path, filename) : undefined)
  if (filepath !== undefined) item.filepath = filepath
  if (path !== undefined) item.path = path
  if (/^(dpkg|rpm)info_item$/.test(element.name)) {
    const name = field('name')
    const evr = field('evr')
    if (name !== undefined) item.name = name
    if (evr !== undefined) item.evr = evr
  }
  return item
}

function joinPath(path: string, filename: string): string {
  return path.endsWith('/') ? `${path}${filename}` : `${path}/${filename}`
}
