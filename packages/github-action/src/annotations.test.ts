import {afterEach, describe, expect, it, vi} from 'vitest'
import {forbiddenInOutput, hostileStrings} from '../../../test/support/hostile-strings.js'
import {emitWorkflowAnnotations, planWorkflowAnnotations} from './annotations.js'
import {sortFindings, type AnnotationLevel, type Finding} from './findings.js'

function finding(n: number, level: AnnotationLevel, rank: number, severity = 'medium'): Finding {
  return {
    ruleId: `r${String(n).padStart(3, '0')}`,
    shortId: `r${n}`,
    severity,
    path: 'Dockerfile',
    startLine: n,
    endLine: n,
    level,
    rank,
    title: `r${n}`,
    message: `m${n}`
  }
}

describe('planWorkflowAnnotations', () => {
  it('keeps at most 10 per level in the given order and counts the rest', () => {
    const findings = [
      ...Array.from({length: 12}, (_, i) => finding(i, 'failure', 1)),
      ...Array.from({length: 3}, (_, i) => finding(100 + i, 'warning', 2)),
      ...Array.from({length: 11}, (_, i) => finding(200 + i, 'notice', 2, 'low'))
    ]
    const plan = planWorkflowAnnotations(findings)
    expect(plan.sent.filter(f => f.level === 'failure').map(f => f.startLine)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9
    ])
    expect(plan.sent.filter(f => f.level === 'warning')).toHaveLength(3)
    expect(plan.sent.filter(f => f.level === 'notice')).toHaveLength(10)
    expect(plan.leftOut).toBe(3)
  })

  it('leaves the reserved slots free', () => {
    const findings = Array.from({length: 12}, (_, i) => finding(i, 'warning', 2))
    expect(planWorkflowAnnotations(findings, {warning: 3}).sent).toHaveLength(7)
  })
})

describe('sortFindings', () => {
  it('puts new failures first, then gating ones, then by severity', () => {
    const sorted = sortFindings([
      finding(1, 'warning', 2, 'high'),
      finding(2, 'failure', 1, 'low'),
      finding(3, 'failure', 0, 'low'),
      finding(4, 'failure', 1, 'high')
    ])
    expect(sorted.map(f => f.startLine)).toEqual([3, 4, 2, 1])
  })
})

describe('emitWorkflowAnnotations', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('sends hostile titles and messages as one command each, without control or bidi characters', () => {
    const written: string[] = []
    vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
    const findings = hostileStrings.slice(0, 9).map((s, i) => ({
      ...finding(i + 1, 'failure', 1),
      title: s,
      message: `${s}\n${hostileStrings[i + 10] ?? ''}`
    }))
    emitWorkflowAnnotations(findings, hostileStrings[32] ?? '')
    const out = written.join('')
    const commands = out.split('\n').filter(line => line !== '')
    expect(commands).toHaveLength(findings.length)
    for (const line of commands) expect(line).toMatch(/^::error (file|title)=/)
    expect(out).not.toMatch(forbiddenInOutput)
    // Messages keep their line breaks (encoded by the command format).
    expect(commands[0]).toMatch(/::@user%0A ` $/)
  })
})
