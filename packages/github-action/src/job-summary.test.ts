import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {forbiddenInOutput, hostileStrings} from '../../../test/support/hostile-strings.js'
import {writeJobSummary} from './job-summary.js'

describe('writeJobSummary', () => {
  let dir: string
  let saved: string | undefined
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'job-summary-'))
    saved = process.env.GITHUB_STEP_SUMMARY
    process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary.md')
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, '')
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = saved
    rmSync(dir, {recursive: true, force: true})
  })

  it('writes no control or bidi character, whatever the summary carries', async () => {
    const markdown = `## title\n\n${hostileStrings.join('\n\n')}\n\n\`\`\`sh\n\techo a\n\`\`\`\n`
    expect(await writeJobSummary(markdown)).toBe(true)
    const written = readFileSync(join(dir, 'summary.md'), 'utf8')
    expect(written).not.toMatch(forbiddenInOutput)
    // Lines and tabs are the document's structure: they stay.
    expect(written).toContain('## title\n\n@user\n\n')
    expect(written).toContain('```sh\n\techo a\n```')
  })
})
