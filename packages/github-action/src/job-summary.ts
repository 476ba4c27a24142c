/**
 * The job summary, always written (also when the scan failed). GitHub keeps 1 MiB per step; a
 * larger summary fails to upload, so it is cut first (docs/reference/platform-limits.md §1.1). The
 * parts were escaped where they were placed; `markdownDocument` removes any control or bidi
 * character left before the text reaches the runner.
 */
import * as core from '@actions/core'
import {markdownDocument} from '@scapgate/core'
import {cutText} from './text-limits.js'

/** Bytes, not characters: stay well below 1 MiB even with 4-byte characters. */
export const jobSummaryLimit = 250_000

export async function writeJobSummary(markdown: string): Promise<boolean> {
  if ((process.env.GITHUB_STEP_SUMMARY ?? '') === '') return false
  const text = cutText(
    markdownDocument(markdown),
    jobSummaryLimit,
    '\n\n… (cut: the job summary is limited to 1 MiB; the full summaries are in the artifact)\n'
  )
  await core.summary.addRaw(text, true).write()
  return true
}
