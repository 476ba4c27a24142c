/**
 * {@link ScanResults} → SARIF 2.1.0 for code-scanning upload (GitHub, GitLab).
 *
 * One run; `tool.driver` is scapgate, OpenSCAP is a `tool.extensions` entry. Results are the rules
 * ending `fail`, `error` or `unknown` (one per rule-result, so a multi-check rule can appear
 * more than once); passes are not reported. GitHub rules (docs/reference/platform-limits.md §1.2) are respected:
 * descriptions ≤ 1,024 characters, numeric `security-severity`, at least one location, at most
 * 25,000 results (kept by severity, then id; the run says how many were dropped).
 *
 * Locations come from blame (`blame/`): each result sits on the Dockerfile instruction that
 * introduced its evidence, on the final FROM line ("inherited from the base image", or "not
 * attributable" and why), or on the caller's fallback location. The message says what was found
 * and why it is there. Rules carry rationale, references (CCE, NIST 800-53, CIS …) and the fix,
 * with a ready `RUN` snippet when the content has a bash fix.
 *
 * Limits: when the log written by {@link serializeSarif} would exceed `maxGzipBytes` gzipped
 * (GitHub: 10 MB), the least important results are dropped (severity, then result kind, then
 * id), and the run's `properties.truncated` says how many and why. This module does not read
 * files. Untrusted text goes into `text` fields as is and into `markdown` fields escaped.
 */
import {createHash} from 'node:crypto'
import {gzipSync} from 'node:zlib'
import type {Log, ReportingDescriptor, Result, Run} from 'sarif'
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import type {RuleOutcome, ScanResults, Severity} from '../results/model.js'
import {securitySeverityScore, securitySeverityText} from '../results/security-severity.js'
import {
  escapeMarkdown,
  escapeMarkdownCode,
  fencedBlock,
  stripControls,
  truncate
} from '../escape/escape.js'

export interface SarifOptions {
  /** Where results point: a repository-relative file and line, e.g. the Dockerfile's FROM line. */
  location: {uri: string; startLine: number}
  /** scapgate's own version, for `tool.driver.version`. */
  toolVersion: string
  /** Cap on results (GitHub accepts 25,000 per run). */
  maxResults?: number
  /** Per rule-result attribution (`ruleKey` → where and why); rules without one use `location`. */
  blame?: ReadonlyMap<string, Attribution>
  /** Content fixes by full rule id: the bash fix and the Dockerfile `RUN` snippet. */
  fixes?: {bash: ReadonlyMap<string, string>; run: ReadonlyMap<string, string>}
  /** Budget for the gzipped log (GitHub rejects more than 10 MB). */
  maxGzipBytes?: number
}

export const maxSarifResults = 25_000
/** GitHub's limit is 10 MB gzipped; keep a margin for the upload's own envelope. */
export const defaultMaxGzipBytes = 9_500_000

/** What {@link toSarif} left out, also recorded in `runs[0].properties.truncated`. */
export interface SarifTrim {
  total: number
  kept: number
  reason: string
}

/** The exact bytes scapgate writes: the size limit is measured on these. */
export function serializeSarif(log: Log): string {
  return `${JSON.stringify(log, null, 2)}\n`
}

export function sarifTrim(log: Log): SarifTrim | undefined {
  const truncated = log.runs[0]?.properties?.['truncated'] as SarifTrim | undefined
  return truncated
}

const reported = new Set(['fail', 'error', 'unknown'])
const order: Record<Severity, number> = {high: 0, unknown: 0, medium: 1, low: 2, info: 3}

const resultRank: Record<string, number> = {fail: 0, error: 1, unknown: 2}

export function toSarif(results: ScanResults, options: SarifOptions): Log {
  const max = Math.min(options.maxResults ?? maxSarifResults, maxSarifResults)
  const budget = options.maxGzipBytes ?? defaultMaxGzipBytes
  const findings = results.rules
    .filter(r => reported.has(r.result))
    .sort(
      (a, b) =>
        order[a.severity] - order[b.severity] ||
        (resultRank[a.result] ?? 0) - (resultRank[b.result] ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index)
    )
  const byCount = Math.min(findings.length, max)
  const gzipped = (count: number): number =>
    gzipSync(serializeSarif(buildLog(results, findings, count, undefined, options))).length
  let kept = byCount
  const full = gzipped(kept)
  if (full > budget) {
    // Results are in priority order, so the tail goes first. Start from a proportional estimate,
    // then binary-search the largest count that fits between two measured bounds.
    let high = kept - 1
    let low = Math.floor((kept * budget) / full)
    while (low > 0 && gzipped(low) > budget) {
      high = low - 1
      low = Math.floor(low * 0.9)
    }
    while (low < high) {
      const mid = Math.ceil((low + high) / 2)
      if (gzipped(mid) <= budget) low = mid
      else high = mid - 1
    }
    kept = low
  }
  const trim: SarifTrim | undefined =
    kept < findings.length
      ? {
          total: findings.length,
          kept,
          reason:
            kept < byCount
              ? `the log must stay under ${budget} bytes gzipped (GitHub accepts 10 MB)`
              : `at most ${max} results per run (GitHub accepts 25,000)`
        }
      : undefined
  return buildLog(results, findings, kept, trim, options)
}

function buildLog(
  results: ScanResults,
  findings: readonly RuleOutcome[],
  count: number,
  trim: SarifTrim | undefined,
  options: SarifOptions
): Log {
  const kept = findings.slice(0, count)
  const rules: ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  for (const rule of kept) {
    if (ruleIndex.has(rule.id)) continue
    ruleIndex.set(rule.id, rules.length)
    rules.push(toDescriptor(rule, options))
  }

  const imageName = imageRepository(results)
  const selection = results.scanner.content.selection
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
            profileId: results.scanner.profile.id,
            ...(results.scanner.content.sceChecksRemoved === undefined
              ? {}
              : {sceChecksRemoved: results.scanner.content.sceChecksRemoved})
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
      // notchecked rules are not results; those scapgate chose not to run are named here.
      ...notEvaluated(results),
      ...(selection === undefined
        ? {}
        : {
            content: {
              ssgVersion: selection.ssgVersion ?? '',
              origin: selection.origin,
              reason: stripControls(selection.reason)
            }
          }),
      ...(trim === undefined ? {} : {truncated: trim})
    }
  }
  return {$schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run]}
}

function toDescriptor(rule: RuleOutcome, options: SarifOptions): ReportingDescriptor {
  const title = stripControls(rule.title)
  const description = rule.description || title
  return {
    id: rule.id,
    name: truncate(rule.shortId, 255),
    shortDescription: {text: truncate(title, 1024)},
    fullDescription: {text: truncate(description, 1024)},
    help: {text: helpText(rule, options), markdown: helpMarkdown(rule, options)},
    properties: {
      'security-severity': securitySeverityText(securitySeverityScore[rule.severity]),
      precision: 'very-high',
      tags: [
        'security',
        'compliance',
        'openscap',
        ...new Set(rule.references.flatMap(r => r.framework ?? []))
      ].slice(0, 10)
    }
  }
}

function helpText(rule: RuleOutcome, options: SarifOptions): string {
  const parts = [rule.description]
  if (rule.rationale) parts.push(`Rationale: ${rule.rationale}`)
  const references = groupReferences(rule)
  if (references.length > 0)
    parts.push(`References: ${references.map(([f, ids]) => `${f} ${ids.join(', ')}`).join('; ')}`)
  const run = options.fixes?.run.get(rule.id)
  if (run !== undefined) parts.push(`Fix in the Dockerfile:\n${run}`)
  else
    parts.push(
      rule.fixes.length > 0
        ? `Fix available: ${rule.fixes.map(fixName).join(', ')} (see fixes/ in the scan output).`
        : 'No automated fix in the content.'
    )
  return parts.filter(p => p !== '').join('\n\n')
}

function helpMarkdown(rule: RuleOutcome, options: SarifOptions): string {
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
  const run = options.fixes?.run.get(rule.id)
  if (run !== undefined) {
    lines.push('**Fix:** add this to the Dockerfile after the line the finding points at:', '')
    lines.push(fencedBlock(run, 'dockerfile'), '')
  }
  lines.push(
    rule.fixes.length > 0
      ? `**Fix available:** ${rule.fixes.map(fixName).join(', ')} (\`fixes/remediation.sh\`, \`fixes/playbook.yml\` in the scan output)`
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
      : `could not be checked in image ${image} (result: ${rule.result}${rule.reason === undefined ? '' : `: ${stripControls(rule.reason)}`}); unverified is not compliant`
  const notes = rule.messages.map(m => stripControls(m).trim()).filter(m => m !== '')
  const blame = options.blame?.get(ruleKey(rule))
  const what = `${title} (${rule.shortId}, ${rule.severity}) ${found}`
  const head =
    blame === undefined
      ? `${what}.`
      : blame.evidence !== ''
        ? `${stripControls(blame.evidence)} (${stripControls(blame.cause)}). ${what}.`
        : `${what} (${stripControls(blame.cause)}).`
  const why = rule.reason === undefined ? '' : ` (${rule.reason})`
  const text = `${head}${why}${notes.length > 0 ? ` oscap: ${notes.join(' / ')}` : ''}`
  const location = blame?.location ?? options.location
  const endLine = blame?.location.endLine
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
    // GitLab keeps 2,048 characters of message.text.
    message: {text: truncate(text, 2048)},
    locations: [
      {
        physicalLocation: {
          artifactLocation: {uri: location.uri},
          region: {
            startLine: location.startLine,
            ...(endLine !== undefined && endLine > location.startLine ? {endLine} : {})
          }
        }
      }
    ],
    partialFingerprints: {
      'scapgate/v1': fingerprint(rule, results.scanner.profile.id, imageName)
    },
    properties: {
      result: rule.result,
      severity: rule.severity,
      ...(rule.reason === undefined ? {} : {reason: rule.reason}),
      ...(blame === undefined
        ? {}
        : {
            attribution: blame.kind,
            ...(blame.layerIndex === undefined ? {} : {layer: blame.layerIndex})
          })
    }
  }
}

/** `{notEvaluated: [{ruleId, result, reason}]}` for rules with a reason (SCE-only), else nothing. */
function notEvaluated(results: ScanResults): {notEvaluated?: object[]} {
  const rules = results.rules.filter(r => r.reason !== undefined)
  if (rules.length === 0) return {}
  return {notEvaluated: rules.map(r => ({ruleId: r.id, result: r.result, reason: r.reason}))}
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

const identifierSystems: Record<string, string> = {'https://nvd.nist.gov/cce/index.cfm': 'CCE'}

function groupReferences(rule: RuleOutcome): [string, string[]][] {
  const groups = new Map<string, string[]>()
  const add = (key: string, value: string): void => {
    groups.set(key, [...(groups.get(key) ?? []), stripControls(value)])
  }
  for (const identifier of rule.identifiers)
    add(
      identifierSystems[identifier.system] ?? (identifier.system || 'identifier'),
      identifier.value
    )
  for (const reference of rule.references)
    add(reference.framework ?? (reference.href || 'other'), reference.text)
  return [...groups]
}

function fixName(system: string): string {
  return system.replace(/^urn:xccdf:fix:script:/, '').replace(/^urn:redhat:osbuild:/, '')
}
