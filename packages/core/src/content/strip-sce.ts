/**
 * Removes Script Check Engine (SCE) checks from a source data stream, so that content which mixes
 * SCE and OVAL checks (SSG ≥ 0.1.7x: AppArmor, journald, ip6tables … rules) can be evaluated
 * without ever running a script from the content on the scanning machine.
 *
 * What is removed or replaced (elements matched by local name and decoded attribute values, so
 * that a namespace prefix or a character reference cannot hide a check):
 * - every `check` whose `@system` is the SCE URI (compared trimmed and ignoring case: stricter than
 *   oscap's exact comparison);
 * - in a Rule, checks are alternatives within a selector group (XCCDF 1.2 §6.4.4.4): an SCE check
 *   next to another check of its group is dropped (oscap then evaluates the other one, as it
 *   already did by default); a group of SCE checks only is replaced by one
 *   {@link SCRIPT_CHECK_REMOVED_SYSTEM} check, which no engine supports, so oscap reports the rule
 *   `notchecked` and the ARF still says why. The group is kept (not emptied) because an empty
 *   selector group would make oscap fall back to the default group: a different check;
 * - a `complex-check` with an SCE operand anywhere inside is replaced by that marker check as a
 *   whole: dropping an operand changes its meaning (AND becomes weaker, OR stricter);
 * - `extended-component`s holding SCE scripts, the `component-ref`s that point at them, the
 *   catalog `uri`s that point at those refs, and any container these removals leave empty.
 *
 * It is a tag-level scanner over the whole text, not a validating parser: it tracks start, end and
 * empty-element tags with quoted attributes, skips comments, CDATA and processing instructions,
 * and refuses `<!DOCTYPE`/`<!ENTITY` and anything it cannot read as a tag. oscap validates the
 * result against the SCAP schemas before evaluating it. Throws {@link ConfigurationError} naming
 * `label`.
 */
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'

/** The `check/@system` of Script Check Engine checks. */
export const SCE_SYSTEM = 'http://open-scap.org/page/SCE'
/** Namespace of the scripts inside SCE extended components. */
export const SCE_SCRIPT_NAMESPACE = 'http://open-scap.org/page/SCE_xccdf_stream'
/**
 * `check/@system` of the check that replaces a Rule's SCE-only checks. No engine supports it, so
 * oscap reports the rule `notchecked` ("No candidate or applicable check found").
 */
export const SCRIPT_CHECK_REMOVED_SYSTEM = 'urn:scapgate:check:script-not-run'

export interface StrippedContent {
  /** The data stream without SCE checks and scripts (the input itself when there was nothing to remove). */
  xml: string
  /** SCE `check` elements removed (including those inside replaced complex checks). */
  removedChecks: number
  /** SCE script components removed. */
  removedScripts: number
  /** Rule ids left with no check but the {@link SCRIPT_CHECK_REMOVED_SYSTEM} one (in some selector group). */
  scriptOnlyRules: string[]
}

interface Edit {
  start: number
  end: number
  replacement: string
}

interface Frame {
  qname: string
  local: string
  start: number
  /** Namespace bindings in scope (prefix → URI); shared with the parent unless this tag declares some. */
  scope: ReadonlyMap<string, string>
  attrs: Map<string, string>
  /** Set on Rule frames. */
  rule?: RuleState
  /** Set on outermost complex-check frames inside a Rule: true once an SCE operand is seen. */
  taintedComplex?: boolean
  /** Set when an SCE script element is inside (extended components). */
  holdsScript?: boolean
  /** Element children, by range, for containers that may end up empty. */
  children?: {start: number; end: number}[]
}

interface RuleState {
  id: string
  checks: {start: number; end: number; qname: string; selector: string; system: string}[]
}

interface Ranged {
  start: number
  end: number
  attrs: Map<string, string>
}

const CONTAINERS = new Set([
  'checklists',
  'checks',
  'extended-components',
  'dictionaries',
  'catalog'
])
const XLINK = 'http://www.w3.org/1999/xlink'
const INTERESTING = new Set([
  'check',
  'complex-check',
  'Rule',
  'extended-component',
  'component-ref',
  'uri'
])
const NO_ATTRIBUTES = new Map<string, string>()
/** Checks oscap evaluates itself; a group without one of these is script-only once SCE goes. */
const EVALUATED_SYSTEMS = new Set(['http://oval.mitre.org/XMLSchema/oval-definitions-5'])

/** Decoded, trimmed, lower-cased: how SCE systems are recognised. */
const isSceSystem = (value: string | undefined): boolean =>
  value !== undefined && value.trim().toLowerCase() === SCE_SYSTEM.toLowerCase()

/** Strips SCE checks and scripts from `xml` (a source data stream); see the module comment. */
export function stripScriptChecks(xml: string, label: string): StrippedContent {
  const bad = (what: string, at: number): ConfigurationError =>
    new ConfigurationError(`Expected ${label} to be well-formed XML, ${what} at offset ${at}`)
  const edits: Edit[] = []
  const extendedComponents: (Ranged & {script: boolean})[] = []
  const componentRefs: Ranged[] = []
  const catalogUris: Ranged[] = []
  const containers: {start: number; end: number; children: {start: number; end: number}[]}[] = []
  const scriptOnly = new Set<string>()
  let removedChecks = 0
  const stack: Frame[] = []
  /** The open extended-component, if any. */
  let extended: Frame | undefined
  const rootScope: ReadonlyMap<string, string> = new Map([
    ['xml', 'http://www.w3.org/XML/1998/namespace']
  ])
  const tagPattern = /<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y
  const attrPattern = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

  const closeElement = (frame: Frame, end: number): void => {
    const parent = stack[stack.length - 1]
    parent?.children?.push({start: frame.start, end})
    if (extended !== undefined && resolve(frame.qname, frame.scope) === SCE_SCRIPT_NAMESPACE)
      extended.holdsScript = true
    if (frame === extended) extended = undefined
    if (frame.local === 'check' && isSceSystem(frame.attrs.get('system'))) {
      removedChecks += 1
      const complex = outermostComplexInRule(stack)
      if (complex !== undefined) complex.taintedComplex = true
      else if (parent?.rule !== undefined) {
        parent.rule.checks.push({
          start: frame.start,
          end,
          qname: frame.qname,
          selector: frame.attrs.get('selector') ?? '',
          system: SCE_SYSTEM
        })
      } else {
        // Outside a Rule (a TestResult's rule-result …): nothing chooses between checks there.
        edits.push({start: frame.start, end, replacement: ''})
      }
      return
    }
    if (frame.local === 'check' && parent?.rule !== undefined) {
      parent.rule.checks.push({
        start: frame.start,
        end,
        qname: frame.qname,
        selector: frame.attrs.get('selector') ?? '',
        system: (frame.attrs.get('system') ?? '').trim()
      })
    } else if (frame.local === 'complex-check' && frame.taintedComplex === true) {
      edits.push({
        start: frame.start,
        end,
        replacement: markerCheck(siblingQName(frame.qname, 'check'), '')
      })
      const rule = [...stack].reverse().find(f => f.rule !== undefined)?.rule
      if (rule !== undefined) scriptOnly.add(rule.id)
    } else if (frame.rule !== undefined) {
      finishRule(frame.rule, edits, scriptOnly)
    } else if (frame.local === 'extended-component') {
      extendedComponents.push({
        start: frame.start,
        end,
        attrs: frame.attrs,
        script: frame.holdsScript === true
      })
    } else if (frame.local === 'component-ref') {
      componentRefs.push({start: frame.start, end, attrs: frame.attrs})
    } else if (frame.local === 'uri' && stack.some(f => f.local === 'catalog')) {
      catalogUris.push({start: frame.start, end, attrs: frame.attrs})
    }
    if (frame.children !== undefined)
      containers.push({start: frame.start, end, children: frame.children})
  }

  let pos = xml.indexOf('<')
  while (pos !== -1) {
    if (xml.startsWith('<!--', pos)) {
      const end = xml.indexOf('-->', pos + 4)
      if (end === -1) throw bad('found an unterminated comment', pos)
      pos = xml.indexOf('<', end + 3)
      continue
    }
    if (xml.startsWith('<![CDATA[', pos)) {
      const end = xml.indexOf(']]>', pos + 9)
      if (end === -1) throw bad('found an unterminated CDATA section', pos)
      pos = xml.indexOf('<', end + 3)
      continue
    }
    if (xml.startsWith('<?', pos)) {
      const end = xml.indexOf('?>', pos + 2)
      if (end === -1) throw bad('found an unterminated processing instruction', pos)
      pos = xml.indexOf('<', end + 2)
      continue
    }
    if (xml.startsWith('<!', pos)) {
      throw new ConfigurationError(
        `Expected ${label} without <!DOCTYPE> or <!ENTITY> declarations, found one at offset ${pos}`
      )
    }
    if (xml.startsWith('</', pos)) {
      const end = xml.indexOf('>', pos + 2)
      if (end === -1) throw bad('found an unterminated end tag', pos)
      const name = xml.slice(pos + 2, end).trim()
      const frame = stack.pop()
      if (frame === undefined || frame.qname !== name) {
        throw bad(`found </${sanitizeForDisplay(name, 60)}> not matching its start tag`, pos)
      }
      closeElement(frame, end + 1)
      pos = xml.indexOf('<', end + 1)
      continue
    }
    tagPattern.lastIndex = pos
    const tag = tagPattern.exec(xml)
    if (tag === null) throw bad('found a tag it cannot read', pos)
    const qname = tag[1] as string
    const parentScope = stack[stack.length - 1]?.scope ?? rootScope
    const local = qname.slice(qname.indexOf(':') + 1)
    const rawAttrs = tag[2] as string
    // Attributes are decoded only where they matter: most of the ~10^6 tags are OVAL and prose.
    const needed = INTERESTING.has(local) || rawAttrs.includes('xmlns')
    const attrs = needed ? new Map<string, string>() : NO_ATTRIBUTES
    let scope = parentScope
    for (const [, name, dq, sq] of needed ? rawAttrs.matchAll(attrPattern) : []) {
      const value = decodeAttribute(dq ?? sq ?? '', label)
      if (name === 'xmlns' || name?.startsWith('xmlns:')) {
        if (scope === parentScope) scope = new Map(parentScope)
        ;(scope as Map<string, string>).set(name === 'xmlns' ? '' : name.slice(6), value)
      } else if (name !== undefined) attrs.set(name, value)
    }
    const frame: Frame = {qname, local, start: pos, scope, attrs}
    // Prefixed attributes are kept by local name, plus `{uri}local` for xlink:href.
    for (const [name, value] of [...attrs]) {
      const colon = name.indexOf(':')
      if (colon > 0 && scope.get(name.slice(0, colon)) === XLINK)
        attrs.set(`{${XLINK}}${name.slice(colon + 1)}`, value)
    }
    if (local === 'extended-component') extended = frame
    if (local === 'Rule') frame.rule = {id: attrs.get('id') ?? '', checks: []}
    if (CONTAINERS.has(local)) frame.children = []
    if (
      local === 'complex-check' &&
      stack.some(f => f.rule !== undefined) &&
      outermostComplexInRule(stack) === undefined
    ) {
      frame.taintedComplex = false
    }
    const end = pos + tag[0].length
    stack.push(frame)
    if (tag[3] === '/') closeElement(stack.pop() as Frame, end)
    pos = xml.indexOf('<', end)
  }
  if (stack.length > 0)
    throw bad(`found <${sanitizeForDisplay(stack[0]?.qname ?? '', 60)}> never closed`, xml.length)

  const removedScripts = removeScriptComponents(
    extendedComponents,
    componentRefs,
    catalogUris,
    edits
  )
  removeEmptiedContainers(containers, edits)
  return {
    xml: applyEdits(xml, edits),
    removedChecks,
    removedScripts,
    scriptOnlyRules: [...scriptOnly].sort()
  }
}

/** The outermost complex-check frame below the innermost Rule in `stack`, if any. */
function outermostComplexInRule(stack: readonly Frame[]): Frame | undefined {
  let ruleIndex = -1
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i]?.rule !== undefined) {
      ruleIndex = i
      break
    }
  }
  if (ruleIndex === -1) return undefined
  return stack.slice(ruleIndex + 1).find(f => f.taintedComplex !== undefined)
}

/** Per selector group: drop SCE checks that have an alternative, replace an SCE-only group. */
function finishRule(rule: RuleState, edits: Edit[], scriptOnly: Set<string>): void {
  const groups = new Map<string, RuleState['checks']>()
  for (const check of rule.checks) {
    groups.set(check.selector, [...(groups.get(check.selector) ?? []), check])
  }
  for (const [selector, checks] of groups) {
    const sce = checks.filter(c => c.system === SCE_SYSTEM)
    if (sce.length === 0) continue
    // An OCIL questionnaire left alone (SSG's set_nftables_base_chain …) is not evaluated either.
    const onlySce = !checks.some(c => EVALUATED_SYSTEMS.has(c.system))
    sce.forEach((check, i) => {
      const replacement = onlySce && i === 0 ? markerCheck(check.qname, selector) : ''
      edits.push({start: check.start, end: check.end, replacement})
    })
    if (onlySce) scriptOnly.add(rule.id)
  }
}

function removeScriptComponents(
  extended: readonly (Ranged & {script: boolean})[],
  refs: readonly Ranged[],
  uris: readonly Ranged[],
  edits: Edit[]
): number {
  const scriptIds = new Set(extended.filter(c => c.script).map(c => `#${c.attrs.get('id') ?? ''}`))
  for (const component of extended) {
    if (component.script) edits.push({start: component.start, end: component.end, replacement: ''})
  }
  const refIds = new Set<string>()
  for (const ref of refs) {
    if (scriptIds.has(ref.attrs.get(`{${XLINK}}href`) ?? '')) {
      refIds.add(`#${ref.attrs.get('id') ?? ''}`)
      edits.push({start: ref.start, end: ref.end, replacement: ''})
    }
  }
  for (const uri of uris) {
    if (refIds.has(uri.attrs.get('uri') ?? ''))
      edits.push({start: uri.start, end: uri.end, replacement: ''})
  }
  return scriptIds.size
}

/** A container (`ds:checks`, `cat:catalog` …) whose element children all went is removed too. */
function removeEmptiedContainers(
  containers: readonly {start: number; end: number; children: {start: number; end: number}[]}[],
  edits: Edit[]
): void {
  // Innermost first (they close first), so an emptied catalog can empty its parent in turn.
  const removed = new Set(edits.filter(e => e.replacement === '').map(e => e.start))
  for (const container of containers) {
    const {children} = container
    if (children.length > 0 && children.every(child => removed.has(child.start))) {
      edits.push({start: container.start, end: container.end, replacement: ''})
      removed.add(container.start)
    }
  }
}

/** Applies non-overlapping-or-nested edits; an edit inside a larger one is dropped. */
function applyEdits(xml: string, edits: Edit[]): string {
  if (edits.length === 0) return xml
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end)
  const parts: string[] = []
  let cursor = 0
  for (const edit of sorted) {
    if (edit.start < cursor) continue
    parts.push(xml.slice(cursor, edit.start), edit.replacement)
    cursor = edit.end
  }
  parts.push(xml.slice(cursor))
  return parts.join('')
}

function markerCheck(qname: string, selector: string): string {
  const selectorAttribute = selector === '' ? '' : ` selector="${escapeAttribute(selector)}"`
  return `<${qname} system="${SCRIPT_CHECK_REMOVED_SYSTEM}"${selectorAttribute}/>`
}

/** `xccdf-1.2:complex-check` → `xccdf-1.2:check`. */
function siblingQName(qname: string, local: string): string {
  const colon = qname.indexOf(':')
  return colon < 0 ? local : `${qname.slice(0, colon)}:${local}`
}

function resolve(qname: string, scope: ReadonlyMap<string, string>): string | undefined {
  const colon = qname.indexOf(':')
  return scope.get(colon < 0 ? '' : qname.slice(0, colon))
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
}

const NAMED: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

function decodeAttribute(raw: string, label: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(/&(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z]+);|&/g, (whole, ref?: string) => {
    if (ref === undefined) {
      throw new ConfigurationError(`Expected ${label} to escape every & in attribute values`)
    }
    const named = NAMED[ref]
    if (named !== undefined) return named
    if (!ref.startsWith('#')) {
      throw new ConfigurationError(
        `Expected ${label} to use only XML's predefined entities, found \`&${sanitizeForDisplay(ref, 20)};\``
      )
    }
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
