/**
 * Reduces an OVAL results document (`arf:report id="oval0"`) to definition → result + collected
 * items, for blame (which file or package made a rule fail). Only the first `results/system` is
 * read: oscap writes one. Objects and states are not modelled yet; add them here when needed.
 */
import {InvalidArfError} from '../errors.js'
import {ns} from './namespaces.js'
import type {OvalDefinitionResult, OvalItem, OvalResults, OvalResultValue} from './types.js'
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
  if (system === undefined) return {definitions}

  const items = new Map<string, OvalItem>()
  const characteristics = child(system, ns.ovalSc, 'oval_system_characteristics')
  const systemData = characteristics && child(characteristics, ns.ovalSc, 'system_data')
  for (const item of systemData ? children(systemData, undefined) : []) {
    const id = item.attrs.get('id')
    if (id !== undefined) items.set(id, readItem(id, item))
  }

  const testItems = new Map<string, string[]>()
  for (const test of children(child(system, ns.ovalRes, 'tests') ?? system, ns.ovalRes, 'test')) {
    const testId = test.attrs.get('test_id')
    if (testId === undefined) continue
    const ids = children(test, ns.ovalRes, 'tested_item').flatMap(t => t.attrs.get('item_id') ?? [])
    testItems.set(testId, [...(testItems.get(testId) ?? []), ...ids])
  }

  const raw = new Map<string, {result: OvalResultValue; testIds: string[]; extends: string[]}>()
  for (const definition of children(
    child(system, ns.ovalRes, 'definitions') ?? system,
    ns.ovalRes,
    'definition'
  )) {
    const id = definition.attrs.get('definition_id')
    const result = definition.attrs.get('result')
    if (id === undefined) continue
    if (result === undefined || !ovalResultValues.includes(result)) {
      throw new InvalidArfError(
        `Expected OVAL definition ${id} in ${source} to have a result (${ovalResultValues.join('|')}), got ${String(result)}`,
        source
      )
    }
    raw.set(id, {
      result: result as OvalResultValue,
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
    const seen = new Set<string>()
    const collected: OvalItem[] = []
    for (const testId of testIds) {
      for (const itemId of testItems.get(testId) ?? []) {
        const item = items.get(itemId)
        if (item === undefined || seen.has(itemId)) continue
        seen.add(itemId)
        collected.push(item)
      }
    }
    definitions.set(id, {id, result: definition.result, testIds, items: collected})
  }
  return {definitions}
}

/** Test ids of a definition and, depth first, of the definitions it extends; cycles are cut. */
function collectTests(
  id: string,
  raw: ReadonlyMap<string, {testIds: string[]; extends: string[]}>,
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

function readItem(id: string, element: XmlElement): OvalItem {
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
