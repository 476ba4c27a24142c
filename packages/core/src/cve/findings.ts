import {decodeText} from '../arf/xml-parser.js'
import {compareDpkgVersions} from './dpkg-version.js'
import type {Criteria} from './oval-elements.js'
import type {FeedIndex} from './prefilter.js'
import {compareRpmEvr} from './rpm-version.js'
import type {CveFinding, CveSeverity} from './types.js'

/** Installed package versions by database, for the finding's installed version and the fixed-version check. */
export interface InstalledVersions {
  dpkg?: ReadonlyMap<string, string>
  rpm?: ReadonlyMap<string, string>
  /** Binary name → the source it was built from and that source's version (dpkg's `Source:`). */
  dpkgSources?: ReadonlyMap<string, {name: string; version: string}>
}

const CVE_ID = /CVE-\d{4}-\d{4,}/g
const MAX_REFERENCES = 20

/**
 * Turns the definitions oscap found true into findings, one per vulnerable (binary) package. For
 * a source-named feed the package tests were rewritten to the source's installed binaries
 * (`source-matching.ts`): the bound is then compared with the source version. The package,
 * installed and fixed versions come from the definition's package tests (dpkginfo/rpminfo/manifest
 * with an `evr less than` state), compared with the distribution's own order; metadata (CVE ids,
 * advisory, severity, CVSS, references) from the definition's `<metadata>`. A true definition
 * whose package cannot be identified still yields one finding (package from `<affected><product>`),
 * so nothing oscap reported is lost.
 */
export function buildFindings(
  trueIds: readonly string[],
  index: FeedIndex,
  installed: InstalledVersions
): CveFinding[] {
  const findings: CveFinding[] = []
  for (const id of trueIds) {
    const text = index.definitions.get(id)
    if (text === undefined) continue
    const meta = readMetadata(text)
    const packages = vulnerablePackages(index.criteria.get(id), index, installed)
    const base = {
      id: meta.cves[0] ?? meta.advisory ?? id,
      cves: meta.cves,
      ...(meta.advisory === undefined ? {} : {advisory: meta.advisory}),
      definitionId: id,
      title: meta.title,
      severity: meta.severity,
      ...(meta.cvss === undefined ? {} : {cvss: meta.cvss}),
      references: meta.references
    }
    if (packages.length === 0) {
      findings.push({...base, package: meta.product ?? 'unknown'})
      continue
    }
    for (const pkg of packages) {
      findings.push({
        ...base,
        package: pkg.name,
        ...(pkg.source === undefined
          ? {}
          : {sourcePackage: pkg.source.name, sourceVersion: pkg.source.version}),
        ...(pkg.installed === undefined ? {} : {installedVersion: pkg.installed}),
        ...(pkg.fixed === undefined ? {} : {fixedVersion: pkg.fixed})
      })
    }
  }
  return findings.sort((a, b) => a.id.localeCompare(b.id) || a.package.localeCompare(b.package))
}

interface VulnerablePackage {
  name: string
  source?: {name: string; version: string}
  installed?: string
  fixed?: string
}

function vulnerablePackages(
  tree: Criteria | undefined,
  index: FeedIndex,
  installed: InstalledVersions
): VulnerablePackage[] {
  const found = new Map<string, VulnerablePackage>()
  const visit = (node: Criteria): void => {
    if (node.kind === 'criteria') return node.children.forEach(visit)
    if (node.kind !== 'criterion' || node.negate) return
    const test = index.tests.get(node.testRef)
    const object = test?.objectRef === undefined ? undefined : index.objects.get(test.objectRef)
    if (test === undefined || object?.packageName === undefined || object.packageKind === undefined)
      return
    const versions = installed[object.packageKind]
    const current = versions?.get(object.packageName)
    if (versions !== undefined && current === undefined) return
    const source =
      object.source ??
      (object.packageKind === 'dpkg' ? installed.dpkgSources?.get(object.packageName) : undefined)
    if (test.stateRefs.length === 0) {
      // No state at all: "affected, no fix yet" (Canonical's unfixed CVEs).
      if (!found.has(object.packageName)) {
        found.set(object.packageName, {
          name: object.packageName,
          ...(source === undefined ? {} : {source}),
          ...(current === undefined ? {} : {installed: current})
        })
      }
      return
    }
    // A state without a version bound (Red Hat's signature key check) says nothing about the fix.
    const state = test.stateRefs
      .map(ref => index.states.get(ref))
      .find(s => s?.version !== undefined)
    if (state?.version === undefined) return
    if (state.operation !== 'less than') return
    const compare = object.packageKind === 'dpkg' ? compareDpkgVersions : compareRpmEvr
    // Matched through its source: the feed's bound is on the source version (oscap compared it).
    const compared = object.source?.version ?? current
    if (compared !== undefined && compare(compared, state.version) >= 0) return
    found.set(object.packageName, {
      name: object.packageName,
      ...(source === undefined ? {} : {source}),
      ...(current === undefined ? {} : {installed: current}),
      fixed: displayVersion(state.version)
    })
  }
  if (tree !== undefined) visit(tree)
  return [...found.values()]
}

/** Feeds write `0:1.2-3`; the epoch 0 is implicit everywhere users read versions. */
function displayVersion(version: string): string {
  return version.startsWith('0:') ? version.slice(2) : version
}

interface Metadata {
  title: string
  cves: string[]
  advisory?: string
  product?: string
  severity: CveSeverity
  cvss?: {score: number; vector?: string}
  references: string[]
}

function text(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  try {
    return decodeText(raw, 'a feed definition').trim()
  } catch {
    return raw.trim()
  }
}

export function readMetadata(definition: string): Metadata {
  const title = text(/<(?:[\w.-]+:)?title>([^<]*)</.exec(definition)?.[1]) ?? ''
  const cves = new Set<string>()
  const references = new Set<string>()
  let advisory: string | undefined
  for (const match of definition.matchAll(/<(?:[\w.-]+:)?reference\b([^>]*)>/g)) {
    const attrs = match[1] ?? ''
    const source = /\ssource="([^"]*)"/.exec(attrs)?.[1] ?? ''
    const refId = text(/\sref_id="([^"]*)"/.exec(attrs)?.[1]) ?? ''
    const url = text(/\sref_url="([^"]*)"/.exec(attrs)?.[1])
    if (source === 'CVE') for (const id of refId.match(CVE_ID) ?? []) cves.add(id)
    else if (/^(RHSA|USN|DSA|DLA|ELSA|ALSA)/.test(refId) || /^(RHSA|USN|DSA|DLA)$/.test(source))
      advisory ??= refId
    if (url !== undefined && /^https?:\/\//.test(url)) references.add(url)
  }
  let cvss: Metadata['cvss']
  let cveSeverity: CveSeverity | undefined
  for (const match of definition.matchAll(/<(?:[\w.-]+:)?cve\b([^>]*)>([^<]*)</g)) {
    const attrs = match[1] ?? ''
    for (const id of (match[2] ?? '').match(CVE_ID) ?? []) cves.add(id)
    const href = text(/\shref="([^"]*)"/.exec(attrs)?.[1])
    if (href !== undefined && /^https?:\/\//.test(href)) references.add(href)
    // Red Hat: cvss3="7.5/CVSS:3.1/AV:N/…"; Canonical: cvss_score="7.5" cvss_vector="CVSS:3.1/…".
    const rh = /\scvss3="([\d.]+)\/([^"]*)"/.exec(attrs)
    const score = Number(rh?.[1] ?? /\scvss_score="([\d.]+)"/.exec(attrs)?.[1] ?? NaN)
    const vector = rh?.[2] ?? /\scvss_vector="([^"]*)"/.exec(attrs)?.[1]
    if (
      Number.isFinite(score) &&
      score >= 0 &&
      score <= 10 &&
      (cvss === undefined || score > cvss.score)
    ) {
      cvss = {score, ...(vector === undefined || vector === '' ? {} : {vector})}
    }
    const level = normalizeSeverity(/\s(?:impact|severity)="([^"]*)"/.exec(attrs)?.[1])
    if (level !== 'unknown' && (cveSeverity === undefined || rank(level) > rank(cveSeverity)))
      cveSeverity = level
  }
  const advisorySeverity = normalizeSeverity(
    /<(?:[\w.-]+:)?severity>([^<]*)</.exec(definition)?.[1]
  )
  const product = text(/<(?:[\w.-]+:)?product>([^<]*)</.exec(definition)?.[1])
  if (cves.size === 0) for (const id of title.match(CVE_ID) ?? []) cves.add(id)
  return {
    title,
    cves: [...cves],
    ...(advisory === undefined ? {} : {advisory}),
    ...(product === undefined ? {} : {product}),
    severity: advisorySeverity !== 'unknown' ? advisorySeverity : (cveSeverity ?? 'unknown'),
    ...(cvss === undefined ? {} : {cvss}),
    references: [...references].slice(0, MAX_REFERENCES)
  }
}

const severityRank: Record<CveSeverity, number> = {
  unknown: 0,
  negligible: 1,
  low: 2,
  medium: 3,
  high: 4,
  critical: 5
}
const rank = (s: CveSeverity): number => severityRank[s]

/** Red Hat (Low/Moderate/Important/Critical) and Canonical (negligible … critical) words. */
export function normalizeSeverity(word: string | undefined): CveSeverity {
  switch ((word ?? '').trim().toLowerCase()) {
    case 'critical':
      return 'critical'
    case 'high':
    case 'important':
      return 'high'
    case 'medium':
    case 'moderate':
      return 'medium'
    case 'low':
      return 'low'
    case 'negligible':
    case 'none':
      return 'negligible'
    default:
      return 'unknown'
  }
}
