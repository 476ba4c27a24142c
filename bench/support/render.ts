import type {Benchmark, BenchOutcome, Comparison, Series} from '../types.js'
import type {MachineFacts} from './machine.js'
import {summarize} from './stats.js'

export interface Rendered {
  benchmark: Benchmark
  outcome: BenchOutcome
}

const seconds = (value: number): string => `${value.toFixed(2)} s`

function throughput(series: Series, time: number): string {
  if (series.bytes === undefined) return ''
  return `${(series.bytes / 1024 ** 2 / time).toFixed(0)} MiB/s`
}

/**
 * The ratio the goal is stated in, from medians: subject/baseline time for `time` and `share`
 * (lower is better), baseline/subject time for `speed-up` and `throughput` (the same bytes on
 * both sides, so the throughput ratio is the inverse time ratio; higher is better).
 */
export function ratio(comparison: Comparison, baseline: Series): number {
  const subject = summarize(comparison.subject.seconds).median
  const other = summarize(baseline.seconds).median
  return lowerIsBetter(comparison) ? subject / other : other / subject
}

function lowerIsBetter(comparison: Comparison): boolean {
  return comparison.metric === 'time' || comparison.metric === 'share'
}

const times = (value: number): string => `${value.toFixed(value >= 10 ? 1 : 2)}×`

/** The ratio in the goal's own words: "5.33× the time", "8.3× faster", "3.1% of the time". */
function stated(comparison: Comparison, value: number): string {
  switch (comparison.metric) {
    case 'time':
      return `${times(value)} the time`
    case 'share':
      return `${(value * 100).toFixed(1)}% of the time`
    case 'throughput':
      return `${times(value)} the throughput`
    case 'speed-up':
      return value >= 1 ? `${times(value)} faster` : `${times(1 / value)} slower`
  }
}

function goalMet(comparison: Comparison, value: number): boolean | undefined {
  const target = comparison.target
  if (target === undefined) return undefined
  return lowerIsBetter(comparison) ? value <= target : value >= target
}

function goalText(comparison: Comparison): string {
  const target = comparison.target
  if (target === undefined) return 'no numeric goal, reported as measured'
  switch (comparison.metric) {
    case 'time':
      return `goal at most ${times(target)} the time`
    case 'share':
      return `goal at most ${(target * 100).toFixed(0)}% of the time`
    case 'throughput':
      return `goal at least ${times(target)} the throughput`
    case 'speed-up':
      return target === 1 ? 'goal: no slower' : `goal at least ${times(target)} faster`
  }
}

function verdict(comparison: Comparison, value: number): string {
  const met = goalMet(comparison, value)
  return met === undefined ? '' : met ? ': met' : ': not met'
}

function renderComparison(comparison: Comparison): string[] {
  const withBytes = [comparison.subject, ...comparison.baselines].some(s => s.bytes !== undefined)
  const lines = [
    `#### ${comparison.title}`,
    '',
    `| Tool | Median | Min | Max | Runs |${withBytes ? ' Throughput (median) |' : ''} ${comparison.subject.label} vs this |`,
    `| --- | ---: | ---: | ---: | ---: |${withBytes ? ' ---: |' : ''} ---: |`
  ]
  for (const series of [comparison.subject, ...comparison.baselines]) {
    const stats = summarize(series.seconds)
    const cell = series === comparison.subject ? '—' : stated(comparison, ratio(comparison, series))
    lines.push(
      `| ${series.label} | ${seconds(stats.median)} | ${seconds(stats.min)} | ${seconds(stats.max)} | ${series.seconds.length} |${withBytes ? ` ${throughput(series, stats.median)} |` : ''} ${cell} |`
    )
  }
  lines.push('')
  const deciding = comparison.baselines.filter(
    b => comparison.goalAgainst === undefined || comparison.goalAgainst.includes(b.label)
  )
  for (const baseline of deciding) {
    const value = ratio(comparison, baseline)
    const met = goalMet(comparison, value)
    lines.push(
      `- ${comparison.subject.label} vs ${baseline.label}: ${stated(comparison, value)} (${goalText(comparison)})${met === undefined ? '' : met ? ': **met**' : ': **not met**'}.`
    )
  }
  lines.push('', 'Commands:', '')
  for (const series of [comparison.subject, ...comparison.baselines]) {
    lines.push(`- ${series.label}: \`${series.command}\``)
  }
  for (const note of comparison.notes ?? []) lines.push(`- ${note}`)
  lines.push('')
  return lines
}

function renderOutcome({benchmark, outcome}: Rendered): string[] {
  const lines = [
    `### ${benchmark.title}`,
    '',
    `Issue #${benchmark.issue}. Goal: ${benchmark.goal}`,
    ''
  ]
  switch (outcome.status) {
    case 'not-measured':
      lines.push(`**Not measured yet:** ${outcome.reason}`, '')
      break
    case 'failed':
      lines.push(`**The benchmark failed:**`, '', '```', outcome.error, '```', '')
      break
    case 'measured':
      for (const note of outcome.notes ?? []) lines.push(note, '')
      for (const comparison of outcome.comparisons) lines.push(...renderComparison(comparison))
  }
  return lines
}

function summaryRow({benchmark, outcome}: Rendered): string {
  if (outcome.status !== 'measured') {
    return `| ${benchmark.title} | ${benchmark.goal} | ${outcome.status === 'failed' ? 'failed' : 'not measured yet'} |`
  }
  const figures = outcome.comparisons.flatMap(comparison =>
    comparison.baselines
      .filter(b => comparison.goalAgainst === undefined || comparison.goalAgainst.includes(b.label))
      .map(baseline => {
        const value = ratio(comparison, baseline)
        return `${comparison.title}, ${comparison.subject.label} vs ${baseline.label}: ${stated(comparison, value)} (${goalText(comparison)}${verdict(comparison, value)})`
      })
  )
  return `| ${benchmark.title} | ${benchmark.goal} | ${figures.join('<br>')} |`
}

export function renderMarkdown(facts: MachineFacts, results: Rendered[], repeat: number): string {
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench` (scripts/bench.mjs → bench/). Do not edit by hand. -->',
    '',
    'Every figure is a ratio against the tool a user would pick instead, measured side by side in',
    `one run on the same inputs: the tools alternate (a, b, a, b, …), ${repeat} timed runs each after`,
    'one untimed warm-up run, median with min and max. Ratios are taken between medians. Page',
    'caches are warm for every tool alike (dropping caches is not possible on this machine).',
    'Shortfalls are reported as measured.',
    '',
    '## Summary',
    '',
    '| Benchmark | Goal | Result |',
    '| --- | --- | --- |',
    ...results.map(summaryRow),
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| Date | ${facts.date} |`,
    `| Commit | ${facts.commit} |`,
    `| CPU | ${facts.cpu}, ${facts.cores} cores |`,
    `| RAM | ${facts.ramGiB} GiB |`,
    `| Load average at start | ${facts.loadAverage} |`,
    `| Kernel | ${facts.kernel} |`,
    `| Scratch filesystem | ${facts.filesystem} |`,
    `| Node | ${facts.node} |`,
    `| oscap | ${facts.oscap} |`,
    `| podman | ${facts.podman} |`,
    `| tar | ${facts.tar} |`,
    '',
    '## Results',
    ''
  ]
  for (const result of results) lines.push(...renderOutcome(result))
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  )
}
