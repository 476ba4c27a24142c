import {execFileSync} from 'node:child_process'
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {
  checkUserFile,
  readUserFile,
  readUserFileHead,
  readUserText,
  UserFileError,
  type UserFileRequest
} from './read-user-file.js'

let dir: string
let workspace: string
let outside: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-user-file-'))
  workspace = join(dir, 'repo')
  outside = join(dir, 'elsewhere')
  await mkdir(workspace)
  await mkdir(outside)
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const policy = (path: string, origin: UserFileRequest['origin']): UserFileRequest => ({
  path,
  kind: 'policy',
  origin,
  workspace
})

async function refusal(promise: Promise<unknown>): Promise<UserFileError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(UserFileError)
  expect(error).toBeInstanceOf(ConfigurationError)
  return error as UserFileError
}

describe('readUserFile', () => {
  it('reads a regular file in the workspace', async () => {
    await writeFile(join(workspace, 'scapgate.yml'), 'version: 1\n')
    expect(await readUserText(policy('scapgate.yml', 'found'))).toBe('version: 1\n')
  })

  it('returns undefined for an absent optional file and refuses an absent required one', async () => {
    expect(await readUserFile({...policy('scapgate.yml', 'found'), optional: true})).toBe(undefined)
    const error = await refusal(readUserFile(policy('missing.yml', 'command-line')))
    expect(error.message).toBe(
      'Expected the policy file `missing.yml` (--policy) to be a regular file, found nothing there'
    )
  })

  it('refuses a found scapgate.yml that is a symlink to /etc/shadow, naming neither content nor target', async () => {
    await symlink('/etc/shadow', join(workspace, 'scapgate.yml'))
    const error = await refusal(readUserText(policy('scapgate.yml', 'found')))
    expect(error.message).toMatch(
      /^Expected the policy file `scapgate\.yml` \(found in the workspace\) to be a regular file, found a symbolic link/
    )
    expect(error.message).not.toContain('shadow')
    expect(error.message).not.toContain('root:')
  })

  it('refuses even a found symlink that stays inside the workspace', async () => {
    await writeFile(join(workspace, 'real.yml'), 'version: 1\n')
    await symlink('real.yml', join(workspace, 'scapgate.yml'))
    const error = await refusal(readUserText(policy('scapgate.yml', 'found')))
    expect(error.message).toContain('found a symbolic link')
  })

  it('allows an explicit symlink that resolves inside the workspace', async () => {
    await mkdir(join(workspace, 'ci'))
    await writeFile(join(workspace, 'ci', 'policy.yml'), 'mode: absolute\n')
    await symlink('ci/policy.yml', join(workspace, 'link.yml'))
    expect(await readUserText(policy('link.yml', 'command-line'))).toBe('mode: absolute\n')
    expect(await readUserText(policy('link.yml', 'workspace'))).toBe('mode: absolute\n')
  })

  it('refuses an explicit path in the workspace that links outside it', async () => {
    await writeFile(join(outside, 'secret.env'), 'TOKEN=canary-value\n')
    await symlink(join(outside, 'secret.env'), join(workspace, 'policy.yml'))
    const error = await refusal(readUserText(policy('policy.yml', 'command-line')))
    expect(error.message).toBe(
      'Expected the policy file `policy.yml` (--policy) to be a file in the workspace, found a symbolic link that leads outside the workspace'
    )
    expect(error.message).not.toContain('elsewhere')
  })

  it('refuses a path through a linked directory that leads outside the workspace', async () => {
    await writeFile(join(outside, 'policy.yml'), 'TOKEN=canary-value\n')
    await symlink(outside, join(workspace, 'conf'))
    const error = await refusal(readUserText(policy('conf/policy.yml', 'command-line')))
    expect(error.message).toContain(
      'a path through a linked directory that leads outside the workspace'
    )
  })

  it('allows an explicit path outside the workspace (the pipeline author chose it)', async () => {
    await writeFile(join(outside, 'policy.yml'), 'mode: ratchet\n')
    expect(await readUserText(policy(join(outside, 'policy.yml'), 'command-line'))).toBe(
      'mode: ratchet\n'
    )
  })

  it('refuses a path outside the workspace that a workspace file named', async () => {
    await writeFile(join(outside, 'content.xml'), '<x/>')
    const error = await refusal(
      readUserFile({...policy(join(outside, 'content.xml'), 'workspace'), kind: 'content'})
    )
    expect(error.message).toContain('found a path outside the workspace')
  })

  it('refuses /proc/self/environ even when named explicitly', async () => {
    const error = await refusal(readUserText(policy('/proc/self/environ', 'command-line')))
    expect(error.message).toContain('a kernel pseudo-file')
  })

  it('refuses a FIFO at once, without blocking', {timeout: 5000}, async () => {
    execFileSync('mkfifo', [join(workspace, 'scapgate.yml')])
    const started = Date.now()
    const error = await refusal(readUserText(policy('scapgate.yml', 'command-line')))
    expect(error.message).toContain('found a named pipe (FIFO)')
    expect(Date.now() - started).toBeLessThan(2000)
    // A found FIFO is refused just as quickly.
    await refusal(readUserText(policy('scapgate.yml', 'found')))
  })

  it('refuses the /dev/zero character device and a directory', {timeout: 5000}, async () => {
    const device = await refusal(readUserFile(policy('/dev/zero', 'command-line')))
    expect(device.message).toContain('found a character device')
    await mkdir(join(workspace, 'dir.yml'))
    const directory = await refusal(readUserFile(policy('dir.yml', 'command-line')))
    expect(directory.message).toContain('found a directory')
  })

  it('refuses a file over the cap before reading it', async () => {
    await writeFile(join(workspace, 'big.yml'), Buffer.alloc(1024 * 1024 + 1, 0x61))
    const error = await refusal(readUserFile(policy('big.yml', 'command-line')))
    expect(error.message).toBe(
      'Expected the policy file `big.yml` (--policy) to be at most 1048576 bytes (1 MiB), found 1048577 bytes'
    )
    // A smaller cap given by the caller wins.
    await writeFile(join(workspace, 'small.yml'), 'abcdef')
    await refusal(readUserFile({...policy('small.yml', 'command-line'), maxBytes: 5}))
  })

  it('reads only the head when asked', async () => {
    await writeFile(join(workspace, 'ds.xml'), 'x'.repeat(10_000))
    const head = await readUserFileHead({...policy('ds.xml', 'command-line'), kind: 'content'}, 100)
    expect(head.length).toBe(100)
  })

  it('refuses a dangling symlink without naming its target', async () => {
    await symlink(join(outside, 'gone'), join(workspace, 'dangling.yml'))
    const error = await refusal(checkUserFile(policy('dangling.yml', 'command-line')))
    expect(error.message).toContain('a symbolic link that leads nowhere')
    expect(error.message).not.toContain('gone')
  })

  it('escapes control characters in the displayed name', async () => {
    const error = await refusal(readUserFile(policy('bad\u001b[31mname.yml', 'command-line')))
    expect(error.message).toContain('bad\\x1b[31mname.yml')
    expect(error.message).not.toContain('\u001b')
  })
})
