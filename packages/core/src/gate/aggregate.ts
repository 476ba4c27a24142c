/**
 * One verdict and one summary for several images. The run passes only when every image was
 * scanned and passed; an image that could not be scanned makes it `incomplete` (the CLI exits 3),
 * which outranks `fail`.
 */
import {markdownText, tableCode, truncate} from '../escape/escape.js'
import {getErrorMessage} from '../errors.js'
import type {GateVerdict} from './types.js'

export interface ImageVerdict {
  image: string
  slug: string
  verdict?: GateVerdict
  score?: number
  cached?: boolean
  error?: unknown
}

export type AggregateStatus = 'pass' | 'fail' | 'incomplete'

export function aggregateStatus(images: readonly ImageVerdict[]): AggregateStatus {
  if (images.some(i => i.verdict === undefined)) return 'incomplete'
  return images.every(i => i.verdict?.status === 'pass') ? 'pass' : 'fail'
}

const headings: Record<AggregateStatus, string> = {
  pass: '✅ Compliance gate passed',
  fail: '❌ Compliance gate failed',
  incomplete: '⚠️ Compliance gate failed: not every image could be scanned'
}

/** The aggregated `summary.md`: the verdict, a row per image, then each image's reasons. */
export function renderAggregateSummary(images: readonly ImageVerdict[]): string {
  const status = aggregateStatus(images)
  const failed = images.filter(i => i.verdict?.status === 'fail').length
  const broken = images.filter(i => i.verdict === undefined).length
  const lines = [
    `## ${headings[status]}`,
    '',
    `${images.length} images: ${images.length - failed - broken} passed, ${failed} failed, ${broken} not scanned.`,
    '',
    '| Image | Verdict | Score | Failing | Waived | Details |',
    '| --- | --- | ---: | ---: | ---: | --- |'
  ]
  for (const i of images) {
    const name = tableCode(i.image)
    if (i.verdict === undefined) {
      lines.push(
        `| ${name} | ⚠️ not scanned | | | | ${markdownText(truncate(getErrorMessage(i.error), 300))} |`
      )
      continue
    }
    const v = i.verdict
    lines.push(
      `| ${name} | ${v.status === 'pass' ? '✅ passed' : '❌ failed'} | ${i.score?.toFixed(2) ?? ''} | ${v.counts.failing + v.counts.unverified} | ${v.counts.waived} | ${tableCode(`${i.slug}/summary.md`)}${i.cached === true ? ' (cached scan)' : ''} |`
    )
  }
  lines.push('')
  for (const i of images) {
    if (i.verdict === undefined || i.verdict.reasons.length === 0) continue
    lines.push(`### ${markdownText(i.image)}`, '')
    for (const reason of i.verdict.reasons.slice(0, 20))
      lines.push(`- ${markdownText(reason.message)}`)
    lines.push('')
  }
  return `${truncate(lines.join('\n'), 60_000)}\n`
}
