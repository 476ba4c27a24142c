/**
 * The compliance trend as a small standalone SVG (`scapgate trend --svg`, the Jenkins report):
 * the score per run as a line with dots, the y axis from 0 to the maximum, dates under the first
 * and last point. Written by hand (no chart library): every text from the history goes through
 * {@link xmlText}, numbers are formatted here, so the file holds no markup it was not meant to.
 */
import type {TrendHistory} from '../trend/history.js'
import {truncate, xmlText} from '../escape/escape-chars.js'
import {shortDate, trendLine} from './trend-chart.js'

const width = 640
const height = 260
const left = 48
const right = 16
const top = 40
const bottom = 40

export function trendSvg(history: TrendHistory, lastLabel?: string): string {
  const {entries} = history
  const maximum = Math.max(1, ...entries.map(e => e.maximum))
  const plotW = width - left - right
  const plotH = height - top - bottom
  const x = (i: number): number =>
    left + (entries.length <= 1 ? plotW / 2 : (plotW * i) / (entries.length - 1))
  const y = (score: number): number => top + plotH - (plotH * score) / maximum
  const r = (n: number): string => n.toFixed(1)
  const title = `${truncate(history.image, 60)} · ${truncate(history.profile.replace(/^.*_profile_/, ''), 40)}`
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${xmlText(`Compliance score: ${title}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="20" font-size="14" font-weight="bold">${xmlText(`Compliance score · ${title}`)}</text>`
  ]
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    const gy = y(maximum * fraction)
    parts.push(
      `<line x1="${left}" y1="${r(gy)}" x2="${width - right}" y2="${r(gy)}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${r(gy + 4)}" text-anchor="end" fill="#57606a">${r(maximum * fraction)}</text>`
    )
  }
  if (entries.length > 1)
    parts.push(
      `<polyline fill="none" stroke="#0969da" stroke-width="2" points="${entries.map((e, i) => `${r(x(i))},${r(y(e.score))}`).join(' ')}"/>`
    )
  for (const [i, e] of entries.entries())
    parts.push(
      `<circle cx="${r(x(i))}" cy="${r(y(e.score))}" r="3" fill="${e.status === 'pass' ? '#1a7f37' : '#cf222e'}"><title>${xmlText(`${shortDate(e.at)}: ${e.score.toFixed(2)} (${e.status}, ${e.counts.failing} failing)`)}</title></circle>`
    )
  const first = entries[0]
  if (first !== undefined) {
    const lastText = lastLabel ?? shortDate(entries[entries.length - 1]?.at ?? first.at)
    parts.push(
      `<text x="${left}" y="${height - 18}" fill="#57606a">${xmlText(shortDate(first.at))}</text>`,
      `<text x="${width - right}" y="${height - 18}" text-anchor="end" fill="#57606a">${xmlText(lastText)}</text>`
    )
  }
  const line = trendLine(history)
  parts.push(
    `<text x="${left}" y="${height - 4}" fill="#24292f">${xmlText(line === '' ? 'Fewer than two runs recorded.' : line)}</text>`,
    '</svg>'
  )
  return `${parts.join('\n')}\n`
}
