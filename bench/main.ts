/**
 * `npm run bench`: runs the benchmarks of `registry.ts` and writes BENCHMARKS.md.
 *
 *   node scripts/bench.mjs [--repeat N] [--only id,id] [--out FILE]
 *
 * With `--only`, the others are listed as not selected; pass `--out` to keep BENCHMARKS.md intact.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {benchmarks} from './registry.js'
import {machineFacts} from './support/machine.js'
import {renderMarkdown, type Rendered} from './support/render.js'
import type {BenchOutcome} from './types.js'

async function main(root: string): Promise<void> {
  const {values} = parseArgs({
    options: {
      repeat: {type: 'string', default: '5'},
      only: {type: 'string'},
      out: {type: 'string', default: join(root, 'BENCHMARKS.md')}
    }
  })
  const repeat = Number(values.repeat)
  if (!Number.isInteger(repeat) || repeat < 1) {
    throw new Error(`Expected --repeat to be a positive integer, found ${values.repeat}`)
  }
  const only = values.only?.split(',').map(id => id.trim())
  const unknown = only?.filter(id => !benchmarks.some(b => b.id === id)) ?? []
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark ${unknown.join(', ')}; expected one of ${benchmarks.map(b => b.id).join(', ')}`
    )
  }
  const scratch = await mkdtemp(join(tmpdir(), 'scapgate-bench-'))
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  try {
    const facts = await machineFacts(root, scratch)
    const results: Rendered[] = []
    for (const benchmark of benchmarks) {
      let outcome: BenchOutcome
      if (only !== undefined && !only.includes(benchmark.id)) {
        outcome = {status: 'not-measured', reason: 'not selected in this run (`--only`).'}
      } else {
        log(`${benchmark.id}: ${benchmark.title}`)
        try {
          outcome = await benchmark.run({root, scratch, repeat, log})
        } catch (error) {
          outcome = {
            status: 'failed',
            error: error instanceof Error ? (error.stack ?? error.message) : String(error)
          }
          log(`  failed: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      results.push({benchmark, outcome})
    }
    const out = resolve(values.out)
    await writeFile(out, renderMarkdown(facts, results, repeat))
    log(`wrote ${out}`)
  } finally {
    await rm(scratch, {recursive: true, force: true})
  }
}

export function runBenchmarks(root: string): Promise<void> {
  return main(root)
}
