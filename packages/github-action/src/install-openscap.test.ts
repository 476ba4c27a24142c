import {chmodSync, mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {nullLogger} from '@scapgate/core'
import {describe, expect, it} from 'vitest'
import {
  debCacheDir,
  ensureOpenScap,
  openscapCacheKey,
  openscapPackages,
  type InstallDeps
} from './install-openscap.js'

function binDir(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scapgate-bin-'))
  for (const name of names) {
    writeFileSync(join(dir, name), '#!/bin/sh\n')
    chmodSync(join(dir, name), 0o755)
  }
  return dir
}

function recorder(
  hit: string | undefined,
  failFirstInstall = false
): InstallDeps & {calls: string[]} {
  const calls: string[] = []
  let installs = 0
  return {
    calls,
    exec: async (file, args) => {
      calls.push(
        `exec ${file.split('/').pop()} ${args.filter(a => !a.startsWith('Dir::')).join(' ')}`
      )
      if (args.includes('install') && failFirstInstall && installs++ === 0)
        throw new Error('stale lists')
    },
    restore: async (_paths, key) => {
      calls.push(`restore ${key}`)
      return hit
    },
    save: async (paths, key) => {
      calls.push(`save ${key}`)
      writeFileSync(join(paths[0] as string, 'x.deb'), '')
      return 1
    }
  }
}

describe('ensureOpenScap', () => {
  it('does nothing when oscap is on PATH', async () => {
    const deps = recorder(undefined)
    expect(await ensureOpenScap({PATH: binDir(['oscap'])}, nullLogger, true, deps)).toBe('present')
    expect(deps.calls).toEqual([])
  })

  it('installs with apt-get through the package cache when oscap is missing', async () => {
    const deps = recorder('hit')
    const env = {PATH: binDir(['apt-get']), ImageOS: 'ubuntu24', ImageVersion: '20260101.1'}
    expect(await ensureOpenScap(env, nullLogger, true, deps)).toBe('installed')
    expect(deps.calls).toEqual([
      `restore ${openscapCacheKey(env)}`,
      `exec apt-get -y --no-install-recommends -o install ${openscapPackages.join(' ')}`
    ])
    expect(openscapCacheKey(env)).toBe(`scapgate-openscap-v1-ubuntu24-20260101.1-${process.arch}`)
  })

  it('updates the package lists once when the first install fails, and saves the packages on a cache miss', async () => {
    mkdirSync(debCacheDir, {recursive: true})
    writeFileSync(join(debCacheDir, 'openscap.deb'), '')
    const deps = recorder(undefined, true)
    await ensureOpenScap({PATH: binDir(['apt-get'])}, nullLogger, true, deps)
    expect(deps.calls.map(c => c.split(' ').slice(0, 3).join(' '))).toEqual([
      'restore scapgate-openscap-v1-unknown-unknown-' + process.arch,
      'exec apt-get -y',
      'exec apt-get update',
      'exec apt-get -y',
      'save scapgate-openscap-v1-unknown-unknown-' + process.arch
    ])
  })

  it('fails with the fix when there is neither oscap nor apt-get', async () => {
    await expect(
      ensureOpenScap({PATH: binDir([])}, nullLogger, true, recorder(undefined))
    ).rejects.toThrow(/OpenSCAP \(`oscap`\) is not installed and this runner has no apt-get/)
  })
})
