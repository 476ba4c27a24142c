/**
 * Follows OVAL `variable_item`s back to the items they were computed from. SSG config-line checks
 * (`accounts_umask_etc_profile`, …) test a `variable_item` whose value a `local_variable`
 * extracted from a `textfilecontent54_object`; the file is only reachable through the
 * definitions: variable_item/var_ref → local_variable → object_component/@object_ref (and nested
 * variable_component/@var_ref) → collected object → its items.
 *
 * A second, narrow pass over the ARF (the parsed ARF keeps neither variables nor objects). The
 * XML goes through the same hardened parser as `arf/`.
 */
import {ns} from '../arf/namespaces.js'
import {readOvalItem} from '../arf/oval-results.js'
import type {OvalItem} from '../arf/types.js'
import {parseXml, readXmlFile, type XmlElement} from '../arf/xml-parser.js'
import {child, children, descendants, text} from '../arf/xml-tree.js'

const ovalDef = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'

/** Variable item id → the file items its variable was computed from. */
export type VariableSources = Map<string, OvalItem[]>

export async function readVariableSources(arfPath: string): Promise<VariableSources> {
  return variableSources(parseXml(await readXmlFile(arfPath), arfPath))
}

export function variableSources(root: XmlElement): VariableSources {
  const variables = new Map<string, {objects: string[]; vars: string[]}>()
  for (const variable of descendants(root, ovalDef, 'local_variable')) {
    const id = variable.attrs.get('id')
    if (id === undefined) continue
    variables.set(id, {
      objects: descendants(variable, ovalDef, 'object_component').flatMap(
        c => c.attrs.get('object_ref') ?? []
      ),
      vars: descendants(variable, ovalDef, 'variable_component').flatMap(
        c => c.attrs.get('var_ref') ?? []
      )
    })
  }
  const out: VariableSources = new Map()
  for (const report of descendants(root, ns.ovalRes, 'oval_results')) {
    for (const system of descendants(report, ns.ovalSc, 'oval_system_characteristics')) {
      const objects = new Map<string, string[]>()
      const collected = child(system, ns.ovalSc, 'collected_objects')
      for (const object of collected ? children(collected, ns.ovalSc, 'object') : []) {
        const id = object.attrs.get('id')
        if (id === undefined) continue
        const refs = children(object, ns.ovalSc, 'reference').flatMap(
          r => r.attrs.get('item_ref') ?? []
        )
        objects.set(id, [...(objects.get(id) ?? []), ...refs])
      }
      const items = new Map<string, XmlElement>()
      const data = child(system, ns.ovalSc, 'system_data')
      for (const item of data ? children(data, undefined) : []) {
        const id = item.attrs.get('id')
        if (id !== undefined) items.set(id, item)
      }
      const resolveVar = (varId: string, seen: Set<string>): string[] => {
        const variable = variables.get(varId)
        if (variable === undefined || seen.has(varId)) return []
        seen.add(varId)
        return [
          ...variable.objects.flatMap(o => objects.get(o) ?? []),
          ...variable.vars.flatMap(v => resolveVar(v, seen))
        ]
      }
      for (const [id, item] of items) {
        if (item.name !== 'variable_item') continue
        const varRef = child(item, undefined, 'var_ref')
        if (varRef === undefined) continue
        const sources = resolveVar(text(varRef).trim(), new Set())
          .flatMap(itemId => {
            const source = items.get(itemId)
            return source === undefined ? [] : [readOvalItem(itemId, source)]
          })
          .filter(source => source.filepath !== undefined)
        if (sources.length > 0) out.set(id, sources)
      }
    }
  }
  return out
}
