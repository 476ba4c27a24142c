/**
 * ARF 1.1 (as written by `oscap xccdf eval --results-arf`) → {@link ParsedArf}.
 *
 * Validates from unknown: required attributes and values are checked and a missing or malformed
 * one is an {@link InvalidArfError} naming the file, the element and what was found. Namespaces
 * are matched by URI (docs/reference/openscap.md §9). Does not judge results (that is `gate/`), does not read the
 * OVAL definitions copy, and does not follow remote references.
 */
import {InvalidArfError, sanitizeForDisplay} from '../errors.js'
import {
  ruleResultValues,
  severities,
  type RuleResultValue,
  type Severity
} from '../results/model.js'
import {ns} from './namespaces.js'
import {readOvalResults} from './oval-results.js'
import {frameworkForHref} from './reference-frameworks.js'
import type {
  ParsedArf,
  ParsedBenchmark,
  ParsedRule,
  ParsedRuleResult,
  ParsedTestResult
} from './types.js'
import {flattenXccdfText, type SubResolver} from './xccdf-text.js'
import {parseXml, readXmlFile, type ReadXmlOptions, type XmlElement} from './xml-parser.js'
import type {ExciseRule} from './xml-excise.js'
import {child, children, descendants, text} from './xml-tree.js'

export type ParseArfOptions = ReadXmlOptions

/** Reads, parses and validates an ARF file (plain or gzipped). */
export async function parseArf(path: string, options: ParseArfOptions = {}): Promise<ParsedArf> {
  return parseArfText(await readXmlFile(path, options), path)
}

/**
 * Parts of the ARF that nothing here reads, left out of the tree (still checked for
 * well-formedness): the OVAL definitions (the data stream's copy and the one inside each
 * oval_results, about 40% of an SSG ARF), the OCIL questionnaires and the CPE dictionary.
 */
const unread = new Set([
  'http://oval.mitre.org/XMLSchema/oval-definitions-5 oval_definitions',
  'http://scap.nist.gov/schema/ocil/2.0 ocil',
  'http://cpe.mitre.org/dictionary/2.0 cpe-list'
])
const skipUnread = (uri: string, name: string): boolean => unread.has(`${uri} ${name}`)

/** The OVAL definitions' parts other than `variables` (which blame follows, oval-variables.ts). */
const ovalDefinitionParts = new Set(['definitions', 'tests', 'objects', 'states'])
const skipUnreadButVariables = (uri: string, name: string): boolean =>
  uri === 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
    ? ovalDefinitionParts.has(name)
    : unread.has(`${uri} ${name}`)

/** The same parts, hollowed out of the text before parsing (`xml-excise.ts`). */
const exciseUnread: ExciseRule[] = [{names: ['oval_definitions', 'ocil', 'cpe-list']}]
const exciseUnreadButVariables: ExciseRule[] = [
  {names: ['ocil', 'cpe-list']},
  {names: [...ovalDefinitionParts], within: 'oval_definitions'}
]

export interface ParseArfTextOptions {
  /**
   * Called with the parsed tree before it is dropped, so that a second reader of the same ARF
   * (blame's OVAL variable sources) needs no second parse. With it, the OVAL definitions'
   * `variables` stay in the tree (their other parts are still left out).
   */
  alsoRead?: (root: XmlElement) => void
}

/** As {@link parseArf}, from a string already in memory; `source` names it in errors. */
export function parseArfText(
  xml: string,
  source: string,
  options: ParseArfTextOptions = {}
): ParsedArf {
  const root = parseXml(
    xml,
    source,
    options.alsoRead === undefined
      ? {skip: skipUnread, excise: exciseUnread}
      : {skip: skipUnreadButVariables, excise: exciseUnreadButVariables}
  )
  options.alsoRead?.(root)
  const fail = (message: string): never => {
    throw new InvalidArfError(`${message} in ${source}`, source)
  }
  if (root.ns !== ns.arf || root.name !== 'asset-report-collection') {
    fail(`Expected an ARF 1.1 <asset-report-collection> (${ns.arf}), found <${describe(root)}>`)
  }

  const reports = new Map<string, XmlElement>()
  for (const report of children(child(root, ns.arf, 'reports') ?? root, ns.arf, 'report')) {
    const content = child(report, ns.arf, 'content')
    const first = content && children(content, undefined)[0]
    if (first !== undefined) reports.set(report.attrs.get('id') ?? '', first)
  }
  const testResults = [...reports.values()].filter(
    e => e.ns === ns.xccdf && e.name === 'TestResult'
  )
  if (testResults.length !== 1) {
    fail(`Expected exactly one XCCDF 1.2 TestResult report, found ${testResults.length}`)
  }
  const testResult = readTestResult(testResults[0] as XmlElement, fail)

  const requests = child(root, ns.arf, 'report-requests')
  const benchmarkElement = (
    requests ? descendants(requests, ns.xccdf, 'Benchmark', {stopAtMatch: true}) : []
  ).find(b => b.attrs.get('id') === testResult.benchmarkId)
  if (benchmarkElement === undefined) {
    fail(`Expected the data stream to contain Benchmark ${testResult.benchmarkId}, found none`)
  }
  const tailoringProfiles = requests
    ? descendants(requests, ns.xccdf, 'Tailoring', {stopAtMatch: true}).flatMap(t =>
        children(t, ns.xccdf, 'Profile')
      )
    : []
  const benchmark = readBenchmark(
    benchmarkElement as XmlElement,
    tailoringProfiles,
    testResult.setValues,
    fail
  )

  const oval = new Map<string, ReturnType<typeof readOvalResults>>()
  for (const [id, content] of reports) {
    if (content.ns === ns.ovalRes && content.name === 'oval_results')
      oval.set(id, readOvalResults(content, source))
  }
  return {source, testResult, benchmark, oval}
}

type Fail = (message: string) => never

function required(element: XmlElement, name: string, fail: Fail): string {
  const value = element.attrs.get(name)
  if (value === undefined || value === '')
    fail(`Expected <${element.name}> to have a non-empty @${name}`)
  return value as string
}

function readTestResult(element: XmlElement, fail: Fail): ParsedTestResult {
  const id = required(element, 'id', fail)
  const benchmark = child(element, ns.xccdf, 'benchmark')
  if (benchmark === undefined) fail(`Expected TestResult ${id} to have a <benchmark>`)
  const profileId = child(element, ns.xccdf, 'profile')?.attrs.get('idref')

  const scores = children(element, ns.xccdf, 'score').map(score => {
    const value = Number(text(score).trim())
    const maximum = Number(score.attrs.get('maximum') ?? '100')
    if (!Number.isFinite(value) || !Number.isFinite(maximum)) {
      fail(
        `Expected TestResult score to be a number, got \`${sanitizeForDisplay(text(score), 40)}\``
      )
    }
    return {system: score.attrs.get('system') ?? 'urn:xccdf:scoring:default', value, maximum}
  })

  const setValues = new Map<string, string>()
  for (const setValue of children(element, ns.xccdf, 'set-value')) {
    setValues.set(required(setValue, 'idref', fail), text(setValue))
  }

  const seen = new Map<string, number>()
  const ruleResults = children(element, ns.xccdf, 'rule-result').map(rr => {
    const idref = required(rr, 'idref', fail)
    const index = seen.get(idref) ?? 0
    seen.set(idref, index + 1)
    return readRuleResult(rr, idref, index, fail)
  })

  const result: ParsedTestResult = {
    id,
    startTime: element.attrs.get('start-time') ?? '',
    endTime: required(element, 'end-time', fail),
    testSystem: element.attrs.get('test-system') ?? '',
    version: element.attrs.get('version') ?? '',
    benchmarkId: required(benchmark as XmlElement, 'id', fail),
    target: text(child(element, ns.xccdf, 'target') ?? element).trim(),
    facts: children(child(element, ns.xccdf, 'target-facts') ?? element, ns.xccdf, 'fact').map(
      fact => ({
        name: fact.attrs.get('name') ?? '',
        type: fact.attrs.get('type') ?? 'string',
        value: text(fact)
      })
    ),
    scores,
    setValues,
    platforms: children(element, ns.xccdf, 'platform').flatMap(p => p.attrs.get('idref') ?? []),
    ruleResults
  }
  if (profileId !== undefined) result.profileId = profileId
  return result
}

function readRuleResult(
  element: XmlElement,
  idref: string,
  index: number,
  fail: Fail
): ParsedRuleResult {
  const resultElement = child(element, ns.xccdf, 'result')
  const result = resultElement === undefined ? undefined : text(resultElement).trim()
  if (result === undefined || !(ruleResultValues as readonly string[]).includes(result)) {
    fail(
      `Expected rule-result ${idref} to have a <result> of ${ruleResultValues.join('|')}, got ${result === undefined ? 'none' : `\`${sanitizeForDisplay(result, 40)}\``}`
    )
  }
  const parsed: ParsedRuleResult = {
    idref,
    index,
    severity: readSeverity(element, `rule-result ${idref}`, fail),
    result: result as RuleResultValue,
    identifiers: readIdents(element),
    checks: children(element, ns.xccdf, 'check').flatMap(check => {
      const exports = children(check, ns.xccdf, 'check-export').map(e => ({
        valueId: e.attrs.get('value-id') ?? '',
        exportName: e.attrs.get('export-name') ?? ''
      }))
      return readCheckRefs(check).map(ref => ({...ref, exports}))
    }),
    messages: children(element, ns.xccdf, 'message').map(m => {
      const severity = m.attrs.get('severity')
      return severity === undefined ? {text: text(m)} : {severity, text: text(m)}
    })
  }
  for (const name of ['role', 'weight', 'time'] as const) {
    const value = element.attrs.get(name)
    if (value !== undefined) parsed[name] = value
  }
  return parsed
}

function readSeverity(element: XmlElement, what: string, fail: Fail): Severity {
  const severity = element.attrs.get('severity') ?? 'unknown'
  if (!(severities as readonly string[]).includes(severity)) {
    fail(
      `Expected ${what} to have @severity ${severities.join('|')}, got \`${sanitizeForDisplay(severity, 40)}\``
    )
  }
  return severity as Severity
}

function readIdents(element: XmlElement): {system: string; value: string}[] {
  return children(element, ns.xccdf, 'ident').map(i => ({
    system: i.attrs.get('system') ?? '',
    value: text(i).trim()
  }))
}

function readCheckRefs(check: XmlElement): {system: string; name?: string; href?: string}[] {
  const system = check.attrs.get('system') ?? ''
  const refs = children(check, ns.xccdf, 'check-content-ref')
  if (refs.length === 0) return [{system}]
  return refs.map(ref => {
    const out: {system: string; name?: string; href?: string} = {system}
    const name = ref.attrs.get('name')
    const href = ref.attrs.get('href')
    if (name !== undefined) out.name = name
    if (href !== undefined) out.href = href
    return out
  })
}

function readBenchmark(
  element: XmlElement,
  tailoringProfiles: XmlElement[],
  setValues: ReadonlyMap<string, string>,
  fail: Fail
): ParsedBenchmark {
  const defaults = new Map<string, string>()
  for (const value of descendants(element, ns.xccdf, 'Value')) {
    const plain = children(value, ns.xccdf, 'value').find(v => !v.attrs.has('selector'))
    const id = value.attrs.get('id')
    if (id !== undefined && plain !== undefined) defaults.set(id, text(plain))
  }
  const resolveSub: SubResolver = idref => setValues.get(idref) ?? defaults.get(idref)

  const profiles = new Map<string, string>()
  for (const profile of [...children(element, ns.xccdf, 'Profile'), ...tailoringProfiles]) {
    const id = profile.attrs.get('id')
    if (id !== undefined)
      profiles.set(id, flattenXccdfText(child(profile, ns.xccdf, 'title'), resolveSub))
  }

  const rules = new Map<string, ParsedRule>()
  const visit = (container: XmlElement, inherited: string[]): void => {
    const platforms = [
      ...inherited,
      ...children(container, ns.xccdf, 'platform').flatMap(p => p.attrs.get('idref') ?? [])
    ]
    for (const node of children(container, ns.xccdf)) {
      if (node.name === 'Group') visit(node, platforms)
      else if (node.name === 'Rule') {
        const rule = readRule(node, platforms, resolveSub, fail)
        rules.set(rule.id, rule)
      }
    }
  }
  visit(element, [])

  return {
    id: required(element, 'id', fail),
    version: text(child(element, ns.xccdf, 'version') ?? element).trim(),
    title: flattenXccdfText(child(element, ns.xccdf, 'title'), resolveSub),
    profiles,
    rules
  }
}

function readRule(
  element: XmlElement,
  inherited: string[],
  resolveSub: SubResolver,
  fail: Fail
): ParsedRule {
  const id = required(element, 'id', fail)
  const flat = (name: string): string =>
    flattenXccdfText(child(element, ns.xccdf, name), resolveSub)
  return {
    id,
    severity: readSeverity(element, `Rule ${id}`, fail),
    title: flat('title'),
    description: flat('description'),
    rationale: flat('rationale'),
    references: children(element, ns.xccdf, 'reference').map(r => {
      const href = r.attrs.get('href') ?? ''
      const framework = frameworkForHref(href)
      const reference = {href, text: text(r).trim()}
      return framework === undefined ? reference : {...reference, framework}
    }),
    identifiers: readIdents(element),
    fixes: [
      ...new Set(children(element, ns.xccdf, 'fix').flatMap(f => f.attrs.get('system') ?? []))
    ].sort(),
    checks: children(element, ns.xccdf, 'check').flatMap(readCheckRefs),
    platforms: [
      ...new Set([
        ...inherited,
        ...children(element, ns.xccdf, 'platform').flatMap(p => p.attrs.get('idref') ?? [])
      ])
    ]
  }
}

function describe(element: XmlElement): string {
  return sanitizeForDisplay(
    element.ns === '' ? element.name : `${element.name} xmlns="${element.ns}"`,
    120
  )
}
