import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {oscapVersion} from './oscap-version.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-oscap-version-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

async function fakeOscap(name: string, stdout: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, `#!/bin/sh\nprintf '%s' '${stdout}'\n`)
  await chmod(path, 0o755)
  return path
}

describe('oscapVersion', () => {
  it("reads the installed oscap's version", async () => {
    expect(await oscapVersion()).toMatch(/^1\.\d+\.\d+$/)
  })

  it('reads the 1.4 format', async () => {
    const oscap = await fakeOscap(
      'oscap-1.4',
      'OpenSCAP command line tool (oscap) 1.4.2\nCopyright 2009--2023 Red Hat Inc., Durham, North Carolina.\n'
    )
    expect(await oscapVersion(oscap)).toBe('1.4.2')
  })

  it('refuses output it does not recognise, quoting the line it found', async () => {
    const oscap = await fakeOscap('not-oscap', 'SomeTool 2.0\n')
    await expect(oscapVersion(oscap)).rejects.toThrow(
      expect.objectContaining({
        name: 'EnvironmentError',
        message: expect.stringMatching(/MAJOR\.MINOR\.PATCH", got "SomeTool 2\.0"/) as unknown
      })
    )
  })

  it('says when oscap does not run', async () => {
    await expect(oscapVersion(join(dir, 'missing'))).rejects.toThrow(/did not run/)
  })
})
