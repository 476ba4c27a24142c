/**
 * Annotations without the Checks API: workflow commands (`::error file=…,line=…::`), which work
 * even with a fork PR's read-only token. The runner keeps 10 per type per step
 * (https://github.com/actions/toolkit/blob/main/docs/problem-matchers.md, "Limitations"), so the
 * most important are sent and one notice says how many were left out. `@actions/core` escapes the
 * message and the properties, so titles and paths from the image cannot forge commands.
 * Annotations are shown as plain text: titles become one clean line and messages lose control
 * and bidi characters (they could reorder what a reviewer reads), keeping their newlines.
 */
import * as core from '@actions/core'
import {plainText, stripControls} from '@scapgate/core'
import type {AnnotationLevel, Finding} from './findings.js'

export const perTypeLimit = 10

export interface WorkflowAnnotationPlan {
  sent: Finding[]
  leftOut: number
}

/**
 * Picks at most `perTypeLimit` findings per level, in the given (importance) order, leaving
 * `reserved` slots per level for the step's own messages.
 */
export function planWorkflowAnnotations(
  findings: readonly Finding[],
  reserved: Partial<Record<AnnotationLevel, number>> = {}
): WorkflowAnnotationPlan {
  const used: Record<AnnotationLevel, number> = {
    failure: reserved.failure ?? 0,
    warning: reserved.warning ?? 0,
    notice: reserved.notice ?? 0
  }
  const sent: Finding[] = []
  for (const finding of findings) {
    if (used[finding.level] >= perTypeLimit) continue
    used[finding.level] += 1
    sent.push(finding)
  }
  return {sent, leftOut: findings.length - sent.length}
}

/**
 * Emits the plan; returns how many findings were left out. Slots stay free for the step's own
 * messages: one error (the failure line of a red gate), three warnings (check run, comment and
 * SARIF upload refused) and one notice (the "left out" note).
 */
export function emitWorkflowAnnotations(findings: readonly Finding[], image: string): number {
  const plan = planWorkflowAnnotations(findings, {failure: 1, warning: 3, notice: 1})
  for (const finding of plan.sent) {
    const properties: core.AnnotationProperties = {
      title: stripControls(finding.title),
      file: finding.path,
      startLine: finding.startLine,
      ...(finding.endLine > finding.startLine ? {endLine: finding.endLine} : {})
    }
    const message = plainText(finding.message)
    if (finding.level === 'failure') core.error(message, properties)
    else if (finding.level === 'warning') core.warning(message, properties)
    else core.notice(message, properties)
  }
  if (plan.leftOut > 0)
    core.notice(
      `${plan.leftOut} more findings for ${stripControls(image)} are not annotated (GitHub shows 10 annotations per type per step); see the job summary, the SARIF and the results artifact.`,
      {title: 'scapgate: annotations left out'}
    )
  return plan.leftOut
}
