/**
 * The findings to annotate, read from each image's `results.sarif` (which carries the blamed
 * Dockerfile lines) and ranked with the verdict: new failures first, then what fails the gate,
 * then everything else by severity. The SARIF file is our own output, but it is still parsed as
 * `unknown` and checked field by field.
 */
import {readFile} from 'node:fs/promises'
import type {GateVerdict} from '@scapgate/core'

export type AnnotationLevel = 'failure' | 'warning' | 'notice'

export interface Finding {
  ruleId: string
  shortId: string
  severity: string
  /** Repository-relative path (the Dockerfile, or where the image came from). */
  path: string
  startLine: number
  endLine: number
  level: AnnotationLevel
  /** 0: new failure against the baseline, 1: fails the gate, 2: reported only. */
  rank: number
  title: string
  message: string
}

const severityOrder = ['high', 'unknown', 'medium', 'low', 'info']

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function gatingRuleIds(verdict: GateVerdict): {fresh: Set<string>; gating: Set<string>} {
  const fresh = new Set([
    ...(verdict.baseline?.changes['new-failure'] ?? []),
    ...(verdict.baseline?.changes.regression ?? [])
  ])
  const gating = new Set<string>()
  // Rule reasons name rules; CVE reasons name findings (the SARIF ruleId of a CVE result).
  for (const reason of verdict.reasons) {
    for (const id of 'ruleIds' in reason ? reason.ruleIds : []) gating.add(id)
    for (const id of 'cveIds' in reason ? reason.cveIds : []) gating.add(id)
  }
  return {fresh, gating}
}

/** Findings of one image, most important first. Unreadable or malformed SARIF gives none. */
export async function readFindings(sarifPath: string, verdict: GateVerdict): Promise<Finding[]> {
  let sarif: unknown
  try {
    sarif = JSON.parse(await readFile(sarifPath, 'utf8')) as unknown
  } catch {
    return []
  }
  const runs = isRecord(sarif) && Array.isArray(sarif.runs) ? sarif.runs : []
  const {fresh, gating} = gatingRuleIds(verdict)
  const findings: Finding[] = []
  for (const run of runs) {
    const rules =
      isRecord(run) &&
      isRecord(run.tool) &&
      isRecord(run.tool.driver) &&
      Array.isArray(run.tool.driver.rules)
        ? run.tool.driver.rules
        : []
    const results = isRecord(run) && Array.isArray(run.results) ? run.results : []
    for (const result of results) {
      if (!isRecord(result) || typeof result.ruleId !== 'string') continue
      const location = Array.isArray(result.locations) ? result.locations[0] : undefined
      const physical =
        isRecord(location) && isRecord(location.physicalLocation)
          ? location.physicalLocation
          : undefined
      const uri =
        isRecord(physical) && isRecord(physical.artifactLocation)
          ? physical.artifactLocation.uri
          : undefined
      const region = isRecord(physical) && isRecord(physical.region) ? physical.region : {}
      if (typeof uri !== 'string' || uri === '') continue
      const startLine =
        typeof region.startLine === 'number' && region.startLine >= 1 ? region.startLine : 1
      const endLine =
        typeof region.endLine === 'number' && region.endLine >= startLine
          ? region.endLine
          : startLine
      const properties = isRecord(result.properties) ? result.properties : {}
      const severity = typeof properties.severity === 'string' ? properties.severity : 'unknown'
      const rule = typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined
      const shortId = isRecord(rule) && typeof rule.name === 'string' ? rule.name : result.ruleId
      const ruleTitle =
        isRecord(rule) &&
        isRecord(rule.shortDescription) &&
        typeof rule.shortDescription.text === 'string'
          ? rule.shortDescription.text
          : shortId
      const message =
        isRecord(result.message) && typeof result.message.text === 'string'
          ? result.message.text
          : ruleTitle
      const rank = fresh.has(result.ruleId) ? 0 : gating.has(result.ruleId) ? 1 : 2
      findings.push({
        ruleId: result.ruleId,
        shortId,
        severity,
        path: uri.replace(/^file:\/\//, ''),
        startLine,
        endLine,
        level:
          rank < 2 ? 'failure' : severity === 'low' || severity === 'info' ? 'notice' : 'warning',
        rank,
        title: `${rank === 0 ? 'New failure: ' : ''}${shortId} (${severity})`,
        message
      })
    }
  }
  return sortFindings(findings)
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  const severityRank = (s: string): number => {
    const i = severityOrder.indexOf(s)
    return i === -1 ? severityOrder.length : i
  }
  return [...findings].sort(
    (a, b) =>
      a.rank - b.rank ||
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  )
}
