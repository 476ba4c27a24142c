/**
 * {@link ScanResults} → SARIF 2.1.0 for code-scanning upload (GitHub, GitLab).
 *
 * One run; `tool.driver` is scapgate, OpenSCAP is a `tool.extensions` entry. Results are the rules
 * ending `fail`, `error` or `unknown` (one per rule-result, so a multi-check rule can appear
 * more than once); passes are not reported. GitHub rules (platform-limits.md §1.2) are respected:
 * descriptions ≤ 1,024 characters, numeric `security-severity`, at least one location, at most
 * 25,000 results (kept by severity, then id; the run says how many were dropped).
 *
 * Untrusted text (titles, descriptions, image names) goes into `text` fields as is and into
 * `markdown` fields escaped. The location is supplied by the caller (e.g. the Dockerfile's FROM
 * line); this module does not read files. Not done yet: size trimming below GitHub's 10 MB
 * gzip limit.
 */
import {createHash} from 'node:crypto'
import type {Log, ReportingDescriptor, Result, Run} from 'sarif'
import type {RuleOutcome, ScanResults, Severity} from '../results/model.js'
import {escapeMarkdown, escapeMarkdownCode, stripControls, truncate} from './escape.js'

export interface SarifOptions {
  /** Where results point: a repository-relative file and line, e.g. the Dockerfile's FROM line. */
  location: {uri: string; startLine: number}
  /** scapgate's own version, for `tool.driver.version`. */
  toolVersion: string
  /** Cap on results (GitHub accepts 25,000 per run). */
  maxResults?: number
}

export const maxSarifResults = 25_000

/**
 * GitHub's bands: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. `unknown` severity
 * maps like `high`, matching the gate, which ranks it as high.
 */
export const securitySeverity: Record<Severity, string> = {
  high: '8.0',
  unknown: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0'
}

const reported = new Set(['fail', 'error', 'unknown'])
const order: Record<Severity, number> = {high: 0, unknown: 0, medium: 1, low: 2, info: 3}

export function toSarif(results: ScanResults, options: SarifOptions): Log {
  const max = Math.min(options.maxResults ?? maxSarifResults, maxSarifResults)
  const findings = results.rules
    .filter(r => reported.has(r.result))
    .sort(
      (a, b) =>
        order[a.severity] - order[b.severity] ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index)
    )
  const kept = findings.slice(0, max)

  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  for (const rule of kept) {
    if (ruleIndex.has(rule.id)) continue
    ruleIndex.set(rule.id, rules.length)
    rules.push(toDescriptor(rule))
  }

  const imageName = imageRepository(results)
  const profile = shortProfileId(results.scanner.profile.id)
  const run: Run = {
    tool: {
      driver: {
        name: 'scapgate',
        version: options.toolVersion,
        rules
      },
      extensions: [
        {
          name: 'OpenSCAP',
          version: results.scanner.version,
          informationUri: 'https://www.open-scap.org/',
          properties: {
            benchmarkId: results.scanner.content.benchmarkId,
            benchmarkVersion: results.scanner.content.benchmarkVersion,
            profileId: results.scanner.profile.id
          }
        }
      ]
    },
    automationDetails: {id: `scapgate/${slug(imageName)}/${slug(profile)}/`},
    results: kept.map(rule =>
      toResult(rule, ruleIndex.get(rule.id) as number, results, imageName, options)
    ),
    properties: {
      image: stripControls(results.image.reference),
      imageConfigDigest: results.image.configDigest,
      profile: results.scanner.profile.id,
      score: results.score.value,
      ...(kept.length < findings.length
        ? {truncated: {total: findings.length, kept: kept.length}}
        : {})
    }
  }
  return {$schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run]}
}

function toDescriptor(rule: RuleOutcome): ReportingDescriptor {
  const title = stripControls(rule.title)
  const description = rule.description || title
  return {
    id: rule.id,
    name: truncate(rule.shortId, 255),
    shortDescription: {text: truncate(title, 1024)},
    fullDescription: {text: truncate(description, 1024)},
    help: {text: helpText(rule), markdown: helpMarkdown(rule)},
    properties: {
      'security-severity': securitySeverity[rule.severity],
      precision: 'very-high',
      tags: [
        'security',
        'compliance',
        'openscap',
        ...new Set(rule.references.flatMap(r => r.framework ?? []))
      ].slice(0, 20)
    }
  }
}

function helpText(rule: RuleOutcome): string {
  const parts = [rule.description]
  if (rule.rationale) parts.push(`Rationale: ${rule.rationale}`)
  const references = groupReferences(rule)
  if (references.length > 0)
    parts.push(`References: ${references.map(([f, ids]) => `${f} ${ids.join(', ')}`).join('; ')}`)
  parts.push(
    rule.fixes.length > 0
      ? `Fix available: ${rule.fixes.map(fixName).join(', ')}.`
      : 'No automated fix in the content.'
  )
  return parts.filter(p => p !== '').join('\n\n')
}

function helpMarkdown(rule: RuleOutcome): string {
  const lines = [`**${escapeMarkdown(rule.title)}** ${escapeMarkdownCode(rule.shortId)}`, '']
  if (rule.description) lines.push(escapeMarkdown(rule.description), '')
  if (rule.rationale) lines.push(`**Rationale:** ${escapeMarkdown(rule.rationale)}`, '')
  const references = groupReferences(rule)
  if (references.length > 0) {
    lines.push('**References:**', '')
    for (const [framework, ids] of references)
      lines.push(`- ${escapeMarkdown(framework)}: ${escapeMarkdown(ids.join(', '))}`)
    lines.push('')
  }
  lines.push(
    rule.fixes.length > 0
      ? `**Fix available:** ${rule.fixes.map(fixName).join(', ')}`
      : 'No automated fix in the content.'
  )
  return lines.join('\n')
}

function toResult(
  rule: RuleOutcome,
  ruleIndex: number,
  results: ScanResults,
  imageName: string,
  options: SarifOptions
): Result {
  const title = stripControls(rule.title)
  const image = stripControls(imageName)
  const found =
    rule.result === 'fail'
      ? `failed in image ${image}`
      : `could not be checked in image ${image} (result: ${rule.result}); unverified is not compliant`
  const notes = rule.messages.map(m => stripControls(m).trim()).filter(m => m !== '')
  const text = `${title} (${rule.shortId}, ${rule.severity}) ${found}.${notes.length > 0 ? ` oscap: ${notes.join(' / ')}` : ''}`
  return {
    ruleId: rule.id,
    ruleIndex,
    kind: rule.result === 'fail' ? 'fail' : 'review',
    level:
      rule.result !== 'fail'
        ? 'warning'
        : rule.severity === 'high' || rule.severity === 'unknown'
          ? 'error'
          : rule.severity === 'medium'
            ? 'warning'
            : 'note',
    message: {text: truncate(text, 4000)},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: options.location.uri},
          region: {startLine: options.location.startLine}
        }
      }
    ],
    partialFingerprints: {
      'scapgate/v1': fingerprint(rule, results.scanner.profile.id, imageName)
    },
    properties: {result: rule.result, severity: rule.severity}
  }
}

/** Stable across rebuilds: rule, multi-check index, profile and image repository — no tag, no digest. */
export function fingerprint(
  rule: Pick<RuleOutcome, 'id' | 'index'>,
  profileId: string,
  imageName: string
): string {
  return createHash('sha256')
    .update([rule.id, String(rule.index), profileId, imageName].join('\u0000'))
    .digest('hex')
}

/** The image's repository without tag or digest: `registry.example/team/app:1.2@sha256:…` → `registry.example/team/app`. */
export function imageRepository(results: ScanResults): string {
  const name = results.image.names[0] ?? results.image.reference
  const withoutDigest = name.split('@')[0] ?? name
  const lastSlash = withoutDigest.lastIndexOf('/')
  const colon = withoutDigest.indexOf(':', lastSlash + 1)
  return colon < 0 ? withoutDigest : withoutDigest.slice(0, colon)
}

/** `xccdf_org.ssgproject.content_profile_standard` → `standard`. */
export function shortProfileId(id: string): string {
  return /^xccdf_[^_]+_profile_(.+)$/.exec(id)?.[1] ?? (id || 'default')
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'unnamed'
  )
}

function groupReferences(rule: RuleOutcome): [string, string[]][] {
  const groups = new Map<string, string[]>()
  for (const reference of rule.references) {
    const key = reference.framework ?? (reference.href || 'other')
    groups.set(key, [...(groups.get(key) ?? []), stripControls(reference.text)])
  }
  return [...groups]
}

function fixName(system: string): string {
  return system.replace(/^urn:xccdf:fix:script:/, '').replace(/^urn:redhat:osbuild:/, '')
}
