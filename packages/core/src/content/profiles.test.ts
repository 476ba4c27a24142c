import {createHash} from 'node:crypto'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {listProfiles, readContentInfo, resolveProfile} from './profiles.js'

const DS = '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml'
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-profiles-'))
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('readContentInfo', () => {
  it('reads the benchmark id and version, the profiles and the sha256 of the SSG Debian 11 data stream', async () => {
    const info = await readContentInfo(DS)
    expect(info.benchmarkId).toBe('xccdf_org.ssgproject.content_benchmark_DEBIAN-11')
    expect(info.benchmarkVersion).toBe('0.1.65')
    expect(info.sha256).toBe(
      createHash('sha256')
        .update(await readFile(DS))
        .digest('hex')
    )
    expect(info.profiles.map(p => p.id)).toEqual(
      ['average', 'high', 'minimal', 'restrictive']
        .map(level => `xccdf_org.ssgproject.content_profile_anssi_np_nt28_${level}`)
        .concat('xccdf_org.ssgproject.content_profile_standard')
    )
    expect(info.profiles.at(-1)).toEqual({
      id: 'xccdf_org.ssgproject.content_profile_standard',
      title: 'Standard System Security Profile for Debian 11',
      tailored: false
    })
  })

  it('ignores profiles inside XML comments and decodes entities in titles', async () => {
    const path = join(dir, 'small.xml')
    await writeFile(
      path,
      '<Benchmark id="b"><version>2</version><!-- <Profile id="ghost"/> --><Profile id="p1"><title>A &amp; B</title></Profile></Benchmark>'
    )
    expect(await listProfiles(path)).toEqual([{id: 'p1', title: 'A & B', tailored: false}])
  })
})

describe('resolveProfile', () => {
  it('defaults to standard and expands short names to the full id', async () => {
    expect((await resolveProfile(DS)).profileId).toBe(
      'xccdf_org.ssgproject.content_profile_standard'
    )
    expect((await resolveProfile(DS, 'anssi_np_nt28_high')).profileId).toBe(
      'xccdf_org.ssgproject.content_profile_anssi_np_nt28_high'
    )
    expect(
      (await resolveProfile(DS, 'xccdf_org.ssgproject.content_profile_standard')).profileId
    ).toBe('xccdf_org.ssgproject.content_profile_standard')
  })

  it('rejects an unknown profile with ConfigurationError listing the available ones', async () => {
    const error = await resolveProfile(DS, 'cis').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain('got `cis`')
    expect((error as Error).message).toContain(
      'xccdf_org.ssgproject.content_profile_standard (Standard System'
    )
  })

  it('finds profiles that a tailoring file adds', async () => {
    const tailoring = join(dir, 'tailoring.xml')
    await writeFile(
      tailoring,
      '<xccdf-1.2:Tailoring xmlns:xccdf-1.2="http://checklists.nist.gov/xccdf/1.2" id="t">\n' +
        '<xccdf-1.2:Profile id="xccdf_scapgate_profile_ci" extends="xccdf_org.ssgproject.content_profile_standard">' +
        '<xccdf-1.2:title>CI</xccdf-1.2:title></xccdf-1.2:Profile></xccdf-1.2:Tailoring>'
    )
    const resolved = await resolveProfile(DS, 'ci', tailoring)
    expect(resolved.profileId).toBe('xccdf_scapgate_profile_ci')
    expect(resolved.content.profiles[0]).toEqual({
      id: 'xccdf_scapgate_profile_ci',
      title: 'CI',
      tailored: true
    })
  })

  it('rejects a missing data stream with ConfigurationError', async () => {
    await expect(resolveProfile(join(dir, 'missing.xml'))).rejects.toBeInstanceOf(
      ConfigurationError
    )
  })
})
