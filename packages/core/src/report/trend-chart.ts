/**
 * The compliance trend drawn from a history (../trend/history.ts): a Mermaid `xychart-beta` for
 * GitHub and GitLab Markdown, a one-line text fallback for places that do not render Mermaid, and
 * a text chart for the terminal (`scapgate trend`). The SVG is in ./trend-svg.ts.
 *
 * Nothing from the history's text fields reaches the Mermaid block: its labels are dates
 * formatted here from validated timestamps and its values are numbers, so a hostile image name
 * cannot break out of the chart.
 */
import type {TrendEntry, TrendHistory} from '../trend/history.js'

/** `11-28` from a validated ISO timestamp (UTC). */
export function shortDate(at: string): string {
  return new Date(at).toISOString().slice(5, 10)
}

const fixed = (n: number): string => n.toFixed(2)

/** The labels under the points: dates, the last one `this run` when `lastLabel` says so. */
function labels(entries: readonly TrendEntry[], lastLabel?: string): string[] {
  return entries.map((e, i) =>
    i === entries.length - 1 && lastLabel !== undefined ? lastLabel : shortDate(e.at)
  )
}

/** The Mermaid block (a fenced `mermaid` code block); empty for fewer than two points. */
export function trendMermaid(history: TrendHistory, lastLabel = 'this run'): string {
  const {entries} = history
  if (entries.length < 2) return ''
  const maximum = Math.max(...entries.map(e => e.maximum))
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Compliance score, last ${entries.length} runs"`,
    `    x-axis [${labels(entries, lastLabel)
      .map(l => `"${l.replace(/["\\]/g, '')}"`)
      .join(', ')}]`,
    `    y-axis "Score" 0 --> ${Math.ceil(maximum)}`,
    `    line [${entries.map(e => fixed(e.score)).join(', ')}]`,
    '```'
  ].join('\n')
}

const blocks = '▁▂▃▄▅▆▇█'

/** ▁▃▅█ for the scores, scaled between their minimum and maximum. */
export function sparkline(scores: readonly number[]): string {
  const low = Math.min(...scores)
  const high = Math.max(...scores)
  return scores
    .map(s =>
      high === low
        ? blocks[3]
        : blocks[Math.round(((s - low) / (high - low)) * (blocks.length - 1))]
    )
    .join('')
}

/**
 * One line for readers without Mermaid: `Score trend (last 5 runs): ▁▃▅▆█ 61.00 → 72.50 (▲ 11.50
 * since 11-28)`. Empty for fewer than two points.
 */
export function trendLine(history: TrendHistory): string {
  const {entries} = history
  const first = entries[0]
  const last = entries[entries.length - 1]
  if (first === undefined || last === undefined || entries.length < 2) return ''
  const delta = last.score - first.score
  const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '='
  return `Score trend (last ${entries.length} runs): ${sparkline(entries.map(e => e.score))} ${fixed(first.score)} → ${fixed(last.score)} (${arrow} ${fixed(Math.abs(delta))} since ${shortDate(first.at)})`
}

/**
 * A text chart for the terminal: `rows` lines of `●` per run with the score on the left, then
 * the dates (first and last) and the fallback line.
 */
export function trendText(history: TrendHistory, rows = 10, lastLabel?: string): string {
  const {entries} = history
  if (entries.length === 0) return 'No runs recorded yet.\n'
  const scores = entries.map(e => e.score)
  const low = Math.floor(Math.min(...scores))
  const high = Math.ceil(Math.max(...scores))
  const span = Math.max(1, high - low)
  const level = (s: number): number => Math.round(((s - low) / span) * (rows - 1))
  const lines: string[] = []
  for (let r = rows - 1; r >= 0; r -= 1) {
    const value = low + (span * r) / (rows - 1)
    const cells = scores.map(s => (level(s) === r ? '●' : level(s) > r ? '│' : ' '))
    lines.push(`${value.toFixed(1).padStart(6)} ┤${cells.join(' ')}`)
  }
  lines.push(`${' '.repeat(7)}└${'──'.repeat(entries.length)}`)
  const names = labels(entries, lastLabel)
  lines.push(
    `${' '.repeat(8)}${names[0] ?? ''}${entries.length > 1 ? ` … ${names[names.length - 1] ?? ''}` : ''}`
  )
  const line = trendLine(history)
  if (line !== '') lines.push('', line)
  return `${lines.join('\n')}\n`
}
