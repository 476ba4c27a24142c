import type {GateVerdict} from './types.js'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** The verdict's one-line summary, from numbers only (no content or policy text). */
export function summarize(verdict: Omit<GateVerdict, 'summary'>): string {
  const {status, failOn, counts, waivers, mode} = verdict
  const threshold = failOn === 'never' ? 'gate disabled (fail-on never)' : `fail-on ${failOn}`
  const extras: string[] = []
  if (mode === 'ratchet') extras.push('ratchet against the baseline')
  if (counts.waived > 0) extras.push(`${plural(counts.waived, 'waived failure')}`)
  if (waivers.expired.length > 0) extras.push(`${plural(waivers.expired.length, 'expired waiver')}`)
  if (waivers.stale.length > 0) extras.push(`${plural(waivers.stale.length, 'stale waiver')}`)
  const other = verdict.reasons.filter(
    r =>
      ![
        'failed-rules',
        'unverified-rules',
        'new-failures',
        'regressions',
        'nothing-evaluated'
      ].includes(r.kind)
  )
  if (other.length > 0) extras.push(other.map(r => r.kind).join(', '))
  const tail = extras.length === 0 ? '' : `; ${extras.join('; ')}`
  if (
    status === 'fail' &&
    counts.evaluated === 0 &&
    verdict.reasons.some(r => r.kind === 'nothing-evaluated')
  ) {
    return `Compliance gate failed: no rule was evaluated (${counts.selected} selected); ${threshold}${tail}.`
  }
  const verb = status === 'pass' ? 'passed' : 'failed'
  const noun = mode === 'ratchet' ? 'new ' : ''
  return `Compliance gate ${verb}: ${plural(counts.failing, `${noun}failing rule`)}, ${plural(counts.unverified, `${noun}unverified rule`)} at or above the threshold, ${counts.evaluated} of ${counts.selected} selected rules evaluated; ${threshold}${tail}.`
}
