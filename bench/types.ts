/**
 * The benchmark contract. Each benchmark is one file under `benchmarks/`, listed once in
 * `registry.ts`; `main.ts` runs them in order and renders `BENCHMARKS.md`.
 */

/** Settings shared by every benchmark of one run. */
export interface BenchContext {
  /** Repository root. */
  root: string
  /** A scratch directory private to this run; removed at the end. */
  scratch: string
  /** Timed repetitions per tool (alternated: a, b, c, a, b, c, …). */
  repeat: number
  log: (line: string) => void
}

/** One timed tool in a comparison: its samples in seconds, and what it measured. */
export interface Series {
  /** Short label shown in the table (`scapgate`, `oscap-podman`, `GNU tar -xpf`). */
  label: string
  /** The exact command or call, for the reader to reproduce. */
  command: string
  seconds: number[]
  /** Bytes processed per sample, when a throughput is meaningful. */
  bytes?: number
}

/** A comparison of `subject` against each of `baselines`, with the stated goal. */
export interface Comparison {
  title: string
  subject: Series
  baselines: Series[]
  /**
   * How the ratio is taken and stated, in the words of the goal:
   * - `time`: subject time / baseline time, "1.12× the time" (goal: at most `target`);
   * - `speed-up`: baseline time / subject time, "8.3× faster" (goal: at least `target`);
   * - `share`: subject time / baseline time as a percentage, "3% of the time" (goal: at most `target`);
   * - `throughput`: subject throughput / baseline throughput over the same bytes (goal: at least `target`).
   */
  metric: 'time' | 'speed-up' | 'share' | 'throughput'
  /** The goal; absent when the issue asks only for the figure ("reported against …"). */
  target?: number
  /** Only this baseline's ratio decides whether the goal is met (default: every baseline). */
  goalAgainst?: string[]
  /** Extra lines (phase timings, sizes) printed under the table. */
  notes?: string[]
}

export type BenchOutcome =
  | {status: 'measured'; comparisons: Comparison[]; notes?: string[]}
  | {status: 'not-measured'; reason: string}
  | {status: 'failed'; error: string}

export interface Benchmark {
  id: string
  title: string
  /** The issue whose acceptance criteria name this benchmark. */
  issue: number
  /** The goal in the words of the issue. */
  goal: string
  run: (context: BenchContext) => Promise<BenchOutcome>
}
