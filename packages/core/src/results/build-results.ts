/**
 * {@link ParsedArf} + what the caller knows about the image and the run → {@link ScanResults}.
 *
 * - `rules` holds one entry per rule-result **except `notselected`** (SSG data streams list every
 *   rule of the benchmark, most of them unselected); `counts` covers every rule-result, so
 *   `counts.notselected` still says how many were skipped.
 * - Severity, identifiers and checks come from the rule-result (a tailoring can refine the
 *   severity); title, text, references and fixes from the benchmark Rule.
 * - Order is deterministic: by rule id, then multi-check index.
 * Does not judge anything (`gate/`) and does not read files.
 */
import type {ParsedArf, ParsedRule, ParsedRuleResult} from '../arf/types.js'
import {SCRIPT_CHECK_REMOVED_SYSTEM} from '../content/strip-sce.js'
import {
  emptyCounts,
  SCRIPT_CHECK_NOT_RUN_REASON,
  type ContentSelectionInfo,
  type ImageInfo,
  type RuleOutcome,
  type ScannerInfo,
  type ScanResults
} from './model.js'

export interface BuildResultsOptions {
  image: ImageInfo
  /** What only the caller knows about the run; the rest of {@link ScannerInfo} comes from the ARF. */
  scanner: {
    content: {
      path: string
      sha256: string
      sceChecksRemoved?: number
      selection?: ContentSelectionInfo
    }
    tailoring?: {path: string; sha256: string}
    durationSeconds: number
    notes?: string[]
  }
}

export const defaultScoreSystem = 'urn:xccdf:scoring:default'

export function buildScanResults(parsed: ParsedArf, options: BuildResultsOptions): ScanResults {
  const {testResult, benchmark} = parsed
  const counts = emptyCounts()
  const rules: RuleOutcome[] = []
  for (const ruleResult of testResult.ruleResults) {
    counts[ruleResult.result] += 1
    if (ruleResult.result === 'notselected') continue
    rules.push(toOutcome(ruleResult, benchmark.rules.get(ruleResult.idref)))
  }
  rules.sort((a, b) => compareStrings(a.id, b.id) || a.index - b.index)

  const score = testResult.scores.find(s => s.system === defaultScoreSystem) ??
    testResult.scores[0] ?? {system: defaultScoreSystem, value: 0, maximum: 100}

  const profileId = testResult.profileId ?? ''
  const scanner: ScannerInfo = {
    name: 'OpenSCAP',
    version: scannerVersion(parsed),
    content: {
      path: options.scanner.content.path,
      sha256: options.scanner.content.sha256,
      benchmarkId: benchmark.id,
      benchmarkVersion: benchmark.version,
      ...(options.scanner.content.sceChecksRemoved === undefined
        ? {}
        : {sceChecksRemoved: options.scanner.content.sceChecksRemoved}),
      ...(options.scanner.content.selection === undefined
        ? {}
        : {selection: options.scanner.content.selection})
    },
    profile: {
      id: profileId,
      title:
        benchmark.profiles.get(profileId) ??
        (profileId === '' ? 'No profile (default benchmark)' : profileId)
    },
    durationSeconds: options.scanner.durationSeconds
  }
  if (options.scanner.tailoring !== undefined) scanner.tailoring = options.scanner.tailoring
  if (options.scanner.notes !== undefined && options.scanner.notes.length > 0) {
    scanner.notes = [...options.scanner.notes]
  }

  return {
    image: options.image,
    scanner,
    testResultId: testResult.id,
    startTime: testResult.startTime,
    endTime: testResult.endTime,
    score: {system: score.system, value: score.value, maximum: score.maximum},
    counts,
    rules
  }
}

/** `xccdf_org.ssgproject.content_rule_package_telnetd_removed` → `package_telnetd_removed`. */
export function shortRuleId(id: string): string {
  return /^xccdf_[^_]+_rule_(.+)$/.exec(id)?.[1] ?? id
}

function toOutcome(ruleResult: ParsedRuleResult, rule: ParsedRule | undefined): RuleOutcome {
  const outcome: RuleOutcome = {
    id: ruleResult.idref,
    shortId: shortRuleId(ruleResult.idref),
    index: ruleResult.index,
    title: rule?.title || shortRuleId(ruleResult.idref),
    severity: ruleResult.severity,
    result: ruleResult.result,
    description: rule?.description ?? '',
    rationale: rule?.rationale ?? '',
    references: rule?.references ?? [],
    identifiers:
      ruleResult.identifiers.length > 0 ? ruleResult.identifiers : (rule?.identifiers ?? []),
    fixes: rule?.fixes ?? [],
    checks:
      ruleResult.checks.length > 0
        ? ruleResult.checks.map(({exports: _exports, ...check}) => check)
        : (rule?.checks ?? []),
    messages: ruleResult.messages.map(m => m.text)
  }
  if (scriptCheckNotRun(ruleResult, rule)) outcome.reason = SCRIPT_CHECK_NOT_RUN_REASON
  return outcome
}

/**
 * `notchecked` because scapgate replaced the rule's SCE-only checks by the marker check
 * (`content/strip-sce.ts`): oscap evaluated no check (the rule-result names none) and the rule,
 * as evaluated (the ARF's copy of the content), holds the marker.
 */
function scriptCheckNotRun(ruleResult: ParsedRuleResult, rule: ParsedRule | undefined): boolean {
  return (
    ruleResult.result === 'notchecked' &&
    ruleResult.checks.length === 0 &&
    (rule?.checks ?? []).some(check => check.system === SCRIPT_CHECK_REMOVED_SYSTEM)
  )
}

function scannerVersion(parsed: ParsedArf): string {
  const fact = parsed.testResult.facts.find(f => f.name === 'urn:xccdf:fact:scanner:version')
  if (fact !== undefined && fact.value !== '') return fact.value
  return /^cpe:\/a:[^:]+:openscap:([^:]+)/.exec(parsed.testResult.testSystem)?.[1] ?? ''
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
