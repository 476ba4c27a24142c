/**
 * Matching Debian's source-named definitions to the binary packages an image installs.
 *
 * Debian's feeds name **source** packages (`<name>openssl</name>`), images install **binary**
 * packages built from them (`libssl3`, `Source: openssl`). oscap's dpkginfo probe looks a name up
 * among binaries, so this module rewrites the prefiltered copy of a source-named feed: each
 * criterion on a package test of source S becomes an OR over one test per installed binary of S,
 * and oscap decides every one of them on the image (its results stay the evidence):
 *
 * - a binary whose version is its source's version (the usual case: dpkg then writes no version
 *   in `Source:`) gets a `dpkginfo_test` on its own name with the feed's own states: comparing
 *   the binary's evr is comparing the source's;
 * - a binary whose version differs from its source's (binNMUs `+bN`, sources whose binaries carry
 *   their own version: `telnetd 0.17+2.4-2+deb12u3` from `inetutils (2:2.4-2+deb12u3)`) gets a
 *   `textfilecontent54_test` that reads the source version from that binary's paragraph of the
 *   image's `/var/lib/dpkg/status` (`Source: S (version)`, the line dpkg writes exactly then) and
 *   compares it with the feed's bound as `debian_evr_string`. A dpkginfo test would compare the
 *   binary's version with a source version, which is wrong (`bash 5.2.15-2+b13` is not earlier
 *   than `5.2.15-2+b1`, its source `5.2.15-2` is).
 *
 * Names and versions come from the dpkg database scapgate parsed; the comparison is oscap's.
 */
import {hasFilesOnDisk} from '../packages/dpkg-status.js'
import {type DpkgPackage, sourceOf} from './installed-packages.js'
import type {Criteria, ObjectInfo, StateInfo, TestInfo} from './oval-elements.js'

/** An installed binary package and the source it was built from. */
export interface SourceBinary {
  name: string
  version: string
  source: string
  sourceVersion: string
}

/** Source name → the installed binaries built from it (binaries named like their source included). */
export type BinariesBySource = ReadonlyMap<string, readonly SourceBinary[]>

/**
 * Groups the dpkg database's binaries by source. Packages whose files are gone (`config-files`,
 * `not-installed`) are left out; unpacked or half-configured ones stay (their files are there).
 * One entry per binary name: multi-arch instances (`libc6:amd64`, `libc6:i386`) are one binary
 * to oscap, whose probes collect every instance of the name.
 */
export function binariesBySource(packages: readonly DpkgPackage[]): Map<string, SourceBinary[]> {
  const bySource = new Map<string, SourceBinary[]>()
  const seen = new Map<string, SourceBinary>()
  for (const pkg of packages) {
    if (!hasFilesOnDisk(pkg)) continue
    const source = sourceOf(pkg)
    const known = seen.get(pkg.name)
    if (known !== undefined) {
      // A multi-arch instance whose version differs from its source's: read source versions for all.
      if (source.version !== pkg.version) known.sourceVersion = source.version
      continue
    }
    const binary: SourceBinary = {
      name: pkg.name,
      version: pkg.version,
      source: source.name,
      sourceVersion: source.version
    }
    seen.set(pkg.name, binary)
    const list = bySource.get(source.name)
    if (list === undefined) bySource.set(source.name, [binary])
    else list.push(binary)
  }
  for (const list of bySource.values()) list.sort((a, b) => a.name.localeCompare(b.name))
  return bySource
}

/**
 * Whether a feed names source packages in its dpkginfo objects: Debian's per-release feeds
 * (generator product `Debian`, definition ids `oval:org.debian:def:…`, made by the security
 * tracker's OVAL generator from its per-source data). Canonical's feeds name binaries (a
 * `constant_variable` of binary names, or one manifest pattern per binary) and Red Hat's name
 * binary RPMs: they are evaluated as they are.
 */
export function namesSourcePackages(generator: string, firstDefinitionId: string): boolean {
  const product = /<(?:[\w.-]+:)?product_name>\s*([^<]*?)\s*</.exec(generator)?.[1] ?? ''
  return /^debian\b/i.test(product) || firstDefinitionId.startsWith('oval:org.debian:')
}

const LINUX_NS = 'http://oval.mitre.org/XMLSchema/oval-definitions-5#linux'
const INDEPENDENT_NS = 'http://oval.mitre.org/XMLSchema/oval-definitions-5#independent'
/** dpkg's package states whose files are on disk (not `config-files`, `not-installed`). */
const PRESENT =
  '(?:installed|unpacked|half-configured|half-installed|triggers-awaited|triggers-pending)'

/** What the rewrite needs from the kept elements, and what it adds to them. */
export interface SourceRewriteInput {
  bySource: BinariesBySource
  /** Kept definitions' criteria (replaced in place for the rewritten ones). */
  criteria: Map<string, Criteria | undefined>
  tests: Map<string, TestInfo>
  objects: Map<string, ObjectInfo>
  states: Map<string, StateInfo>
  /** Raw text of every kept element (latin1 bytes), by id; definitions are replaced in place. */
  texts: Map<string, Buffer>
}

export interface SourceRewrite {
  /** New tests, objects and states, as text, per section. */
  added: {tests: string[]; objects: string[]; states: string[]}
  /** How many package tests were rewritten, and into how many per-binary tests. */
  rewrittenTests: number
  binaryTests: number
}

/**
 * Rewrites, in `input`, every kept definition's criterion on a dpkginfo test whose object names a
 * source with installed binaries (see the module comment). Tests on a source with no installed
 * binary are left as they are (oscap then looks the name up as a binary, as before). The added
 * tests, objects and states are indexed in `input` for the findings, objects with `source` set.
 */
export function rewriteForSources(input: SourceRewriteInput): SourceRewrite {
  const added: SourceRewrite['added'] = {tests: [], objects: [], states: []}
  const counters = {tst: 0, obj: 0, ste: 0}
  const newId = (kind: 'tst' | 'obj' | 'ste'): string =>
    `oval:scapgate.source:${kind}:${++counters[kind]}`
  const dpkgObjects = new Map<string, string>()
  const statusObjects = new Map<string, string>()
  const statusStates = new Map<string, string | null>()
  /** Original test id → its per-binary tests, with the binary each one checks. */
  const plan = new Map<string, {testId: string; binary: SourceBinary}[]>()

  const dpkgObject = (binary: SourceBinary): string => {
    let id = dpkgObjects.get(binary.name)
    if (id === undefined) {
      id = newId('obj')
      dpkgObjects.set(binary.name, id)
      added.objects.push(
        `<dpkginfo_object xmlns="${LINUX_NS}" id="${id}" version="1" comment="${xml(`binary ${binary.name} of source ${binary.source}`)}"><name>${xml(binary.name)}</name></dpkginfo_object>`
      )
      input.objects.set(id, {
        localName: 'dpkginfo_object',
        packageName: binary.name,
        packageKind: 'dpkg',
        source: {name: binary.source, version: binary.sourceVersion}
      })
    }
    return id
  }
  const statusObject = (binary: SourceBinary): string => {
    let id = statusObjects.get(binary.name)
    if (id === undefined) {
      id = newId('obj')
      statusObjects.set(binary.name, id)
      const pattern = `^Package: ${regex(binary.name)}\\n(?:[^\\n]+\\n)*?Status: [a-z-]+ [a-z-]+ ${PRESENT}\\n(?:[^\\n]+\\n)*?Source: ${regex(binary.source)} \\(([^()\\s]+)\\)\\n`
      added.objects.push(
        `<textfilecontent54_object xmlns="${INDEPENDENT_NS}" id="${id}" version="1" comment="${xml(`source version of binary ${binary.name} (source ${binary.source}) in the dpkg database`)}"><path>/var/lib/dpkg</path><filename>status</filename><pattern operation="pattern match">${xml(pattern)}</pattern><instance datatype="int" operation="greater than or equal">1</instance></textfilecontent54_object>`
      )
      input.objects.set(id, {
        localName: 'textfilecontent54_object',
        packageName: binary.name,
        packageKind: 'dpkg',
        source: {name: binary.source, version: binary.sourceVersion}
      })
    }
    return id
  }
  /** The feed's `evr` bound as a bound on the status line's subexpression; null when not only that. */
  const statusState = (stateId: string): string | null => {
    let id = statusStates.get(stateId)
    if (id !== undefined) return id
    const text = input.texts.get(stateId)?.toString('latin1') ?? ''
    const info = input.states.get(stateId)
    const children = text.match(/<(?:[\w.-]+:)?[\w.-]+\b/g)?.length ?? 0
    const evr = /<(?:[\w.-]+:)?evr\b[^>]*datatype="debian_evr_string"/.test(text)
    if (info?.version === undefined || info.operation === undefined || children !== 2 || !evr) {
      statusStates.set(stateId, null)
      return null
    }
    id = newId('ste')
    statusStates.set(stateId, id)
    added.states.push(
      `<textfilecontent54_state xmlns="${INDEPENDENT_NS}" id="${id}" version="1" comment="${xml(`source version bound of ${stateId}`)}"><subexpression datatype="debian_evr_string" operation="${xml(info.operation)}">${xml(info.version)}</subexpression></textfilecontent54_state>`
    )
    input.states.set(id, {operation: info.operation, version: info.version})
    return id
  }

  // A snapshot: the per-binary tests added below must not be rewritten again.
  for (const [testId, test] of [...input.tests]) {
    if (test.localName !== 'dpkginfo_test' || test.objectRef === undefined) continue
    const object = input.objects.get(test.objectRef)
    if (object?.localName !== 'dpkginfo_object' || object.packageName === undefined) continue
    const binaries = input.bySource.get(object.packageName)
    if (binaries === undefined || binaries.length === 0) continue
    const start = /^<[^>]*>/.exec(input.texts.get(testId)?.toString('latin1') ?? '')?.[0] ?? ''
    const attrs = ['check', 'check_existence', 'state_operator']
      .map(name => [name, new RegExp(`\\s${name}="([^"]*)"`).exec(start)?.[1]] as const)
      .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('')
    const perBinary: {testId: string; binary: SourceBinary}[] = []
    for (const binary of binaries) {
      const id = newId('tst')
      const sameVersion = binary.sourceVersion === binary.version
      const states = sameVersion ? [] : test.stateRefs.map(statusState)
      const viaStatus = !sameVersion && states.length > 0 && states.every(s => s !== null)
      const comment = xml(
        `${binary.name} (binary of source ${binary.source} ${binary.sourceVersion}) for ${testId}`
      )
      if (viaStatus) {
        const stateRefs = states as string[]
        added.tests.push(
          `<textfilecontent54_test xmlns="${INDEPENDENT_NS}"${attrs} comment="${comment}" id="${id}" version="1"><object object_ref="${statusObject(binary)}"/>${stateRefs.map(ref => `<state state_ref="${ref}"/>`).join('')}</textfilecontent54_test>`
        )
        input.tests.set(id, {
          localName: 'textfilecontent54_test',
          objectRef: statusObjects.get(binary.name) as string,
          stateRefs,
          checkExistence: test.checkExistence
        })
      } else {
        // Same version, or a test without a version state (existence only): the binary's own entry.
        added.tests.push(
          `<dpkginfo_test xmlns="${LINUX_NS}"${attrs} comment="${comment}" id="${id}" version="1"><object object_ref="${dpkgObject(binary)}"/>${test.stateRefs.map(ref => `<state state_ref="${ref}"/>`).join('')}</dpkginfo_test>`
        )
        input.tests.set(id, {
          localName: 'dpkginfo_test',
          objectRef: dpkgObjects.get(binary.name) as string,
          stateRefs: [...test.stateRefs],
          checkExistence: test.checkExistence
        })
      }
      perBinary.push({testId: id, binary})
    }
    plan.set(testId, perBinary)
  }
  if (plan.size === 0) return {added, rewrittenTests: 0, binaryTests: 0}

  for (const [defId, tree] of input.criteria) {
    if (tree === undefined || !mentions(tree, plan)) continue
    input.criteria.set(defId, replaceCriteria(tree, plan))
    const text = input.texts.get(defId)?.toString('latin1')
    if (text === undefined) continue
    const rewritten = text.replace(
      /<([\w.-]+:)?criterion\b([^>]*?)\/>/g,
      (whole, prefix: string | undefined, attrs: string) => {
        const ref = /\stest_ref="([^"]*)"/.exec(attrs)?.[1]
        const binaries = ref === undefined ? undefined : plan.get(ref)
        if (binaries === undefined) return whole
        const p = prefix ?? ''
        const negate = /\snegate="(?:true|1)"/.test(attrs) ? ' negate="true"' : ''
        const applicability = /\sapplicability_check="[^"]*"/.exec(attrs)?.[0] ?? ''
        const children = binaries
          .map(
            b =>
              `<${p}criterion comment="${xml(`${b.binary.name} (from source ${b.binary.source})`)}" test_ref="${b.testId}"/>`
          )
          .join('')
        return `<${p}criteria operator="OR" comment="${xml(`installed binaries of the source named by ${ref}`)}"${negate}${applicability}>${children}</${p}criteria>`
      }
    )
    input.texts.set(defId, Buffer.from(rewritten, 'latin1'))
  }
  let binaryTests = 0
  for (const list of plan.values()) binaryTests += list.length
  return {added, rewrittenTests: plan.size, binaryTests}
}

function mentions(node: Criteria, plan: ReadonlyMap<string, unknown>): boolean {
  if (node.kind === 'criterion') return plan.has(node.testRef)
  if (node.kind === 'extend') return false
  return node.children.some(child => mentions(child, plan))
}

function replaceCriteria(
  node: Criteria,
  plan: ReadonlyMap<string, readonly {testId: string}[]>
): Criteria {
  if (node.kind === 'extend') return node
  if (node.kind === 'criterion') {
    const binaries = plan.get(node.testRef)
    if (binaries === undefined) return node
    return {
      kind: 'criteria',
      operator: 'OR',
      negate: node.negate,
      children: binaries.map(b => ({kind: 'criterion', testRef: b.testId, negate: false}))
    }
  }
  return {...node, children: node.children.map(child => replaceCriteria(child, plan))}
}

function xml(text: string): string {
  return text.replace(/[&<>"]/g, c => `&#${c.charCodeAt(0)};`)
}

function regex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
