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
 * The ratio the goal is stated in, from medians: for `time` subject/baseline (lower is better),
 * for `throughput` baseline time/subject time over the same bytes (higher is better).
 */
export function ratio(comparison: Comparison, baseline: Series): number {
  const subject = summarize(comparison.subject.seconds).median
  const other = summarize(baseline.seconds).median
  return comparison.metric === 'time' ? subject / other : other / subject
}

function goalMet(comparison: Comparison, value: number): boolean {
  return comparison.metric === 'time' ? value <= comparison.target : value >= comparison.target
}

function goalText(comparison: Comparison): string {
  return comparison.metric === 'time'
    ? `≤ ${comparison.target.toFixed(1)}× the time`
    : `≥ ${comparison.target.toFixed(1)}× the throughput`
}

function renderComparison(comparison: Comparison): string[] {
  const withBytes = [comparison.subject, ...comparison.baselines].some(s => s.bytes !== undefined)
  const lines = [
    `#### ${comparison.title}`,
    '',
    `| Tool | Median | Min | Max | Runs |${withBytes ? ' Throughput (median) |' : ''} scapgate ratio |`,
    `| --- | ---: | ---: | ---: | ---: |${withBytes ? ' ---: |' : ''} ---: |`
  ]
  for (const series of [comparison.subject, ...comparison.baselines]) {
    const stats = summarize(series.seconds)
    const cell = series === comparison.subject ? '—' : `${ratio(comparison, series).toFixed(2)}×`
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
    const verdict = goalMet(comparison, value) ? '**met**' : '**not met**'
    lines.push(
      `- Against ${baseline.label}: ${value.toFixed(2)}× (goal ${goalText(comparison)}): ${verdict}.`
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
        return `${comparison.title} vs ${baseline.label}: ${value.toFixed(2)}× (${goalMet(comparison, value) ? 'met' : 'not met'})`
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
