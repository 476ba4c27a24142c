import type {Benchmark} from '../types.js'

/**
 * A benchmark an issue asks for whose feature or harness does not exist yet. It reports "not
 * measured yet" instead of a figure; replace it with a file of its own when it can be measured.
 */
export function notMeasured(spec: Omit<Benchmark, 'run'> & {reason: string}): Benchmark {
  const {reason, ...benchmark} = spec
  return {...benchmark, run: () => Promise.resolve({status: 'not-measured', reason})}
}
