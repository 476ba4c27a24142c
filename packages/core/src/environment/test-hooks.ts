/**
 * Test-only fault injection, read from the environment once (the core reads no environment
 * variables outside `environment/`). Inert unless a `SCAPGATE_TEST_*` variable is set; the
 * fault-injection suite (test/integration/output-faults.test.ts) sets them on the built CLI.
 *
 * - `SCAPGATE_TEST_PAUSE_AT=<boundary>` with `SCAPGATE_TEST_PAUSE_MARKER=<file>`: at that pipeline
 *   boundary (see `pipeline/boundaries.ts`) the scan writes the marker file and waits until it is
 *   cancelled (SIGINT/SIGTERM) or 120 s pass, then carries on exactly as if the signal had arrived
 *   at that instant: the test signals deterministically, without sleeping and hoping.
 * - `SCAPGATE_TEST_FAIL_WRITE=<name>`: writing an output file of that base name (`results.json`,
 *   `junit.xml` …) fails once with a synthetic ENOSPC, as a disk that is full until the scan's
 *   staging directory is removed would.
 */
export interface TestHooks {
  pauseAt?: {boundary: string; marker: string}
  failWrite?: string
}

let cached: TestHooks | undefined

export function readTestHooks(env: NodeJS.ProcessEnv): TestHooks {
  const boundary = env.SCAPGATE_TEST_PAUSE_AT?.trim()
  const marker = env.SCAPGATE_TEST_PAUSE_MARKER?.trim()
  const failWrite = env.SCAPGATE_TEST_FAIL_WRITE?.trim()
  return {
    ...(boundary && marker ? {pauseAt: {boundary, marker}} : {}),
    ...(failWrite ? {failWrite} : {})
  }
}

/** The hooks of this process (read on first use). */
export function testHooks(): TestHooks {
  cached ??= readTestHooks(process.env)
  return cached
}
