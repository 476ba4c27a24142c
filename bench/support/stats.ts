export interface Summary {
  median: number
  min: number
  max: number
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('Expected at least one sample, found none')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return {median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number}
}

/** Wall time of `work` in seconds. */
export async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint()
  await work()
  return Number(process.hrtime.bigint() - started) / 1e9
}

export interface Contender {
  label: string
  /** Untimed preparation before each sample (fresh directories, removing the last output). */
  before?: () => Promise<void>
  /** The timed work. */
  run: () => Promise<void>
  /** Untimed clean-up after each sample. */
  after?: () => Promise<void>
}

/**
 * Runs every contender `repeat` times, alternating them (a, b, c, a, b, c, …) so that drift in
 * the machine's load and page cache hits all of them alike. One untimed warm-up round first puts
 * the inputs in the page cache for everybody (dropping caches is not possible here).
 */
export async function alternate(
  contenders: readonly Contender[],
  repeat: number,
  log: (line: string) => void
): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>(contenders.map(c => [c.label, []]))
  for (let round = -1; round < repeat; round++) {
    for (const contender of contenders) {
      await contender.before?.()
      const seconds = await timed(contender.run)
      await contender.after?.()
      if (round < 0) {
        log(`  warm-up ${contender.label}: ${seconds.toFixed(2)}s`)
        continue
      }
      samples.get(contender.label)?.push(seconds)
      log(`  ${round + 1}/${repeat} ${contender.label}: ${seconds.toFixed(2)}s`)
    }
  }
  return samples
}
