import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {assertContentSafe} from './content-safety.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-safety-'))
})

afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

async function check(
  content: string | Buffer,
  scriptChecks: 'refuse' | 'allow' = 'refuse'
): Promise<unknown> {
  const path = join(dir, `c-${Math.random().toString(36).slice(2)}.xml`)
  await writeFile(path, content)
  return assertContentSafe(path, 'SCAP content', {scriptChecks}).then(
    () => 'accepted',
    (error: unknown) => error
  )
}

const rule = (system: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Benchmark><Rule><check system="${system}"/></Rule></Benchmark>`

describe('assertContentSafe', () => {
  it('accepts the SSG Debian 11 data stream', async () => {
    await expect(
      assertContentSafe('/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml', 'SCAP content')
    ).resolves.toContain('xccdf_org.ssgproject.content_benchmark_DEBIAN-11')
  })

  it.each([
    ['a plain SCE check', rule('http://open-scap.org/page/SCE')],
    [
      'an SCE check spelled with character references',
      rule('http://open-scap.org/page/&#x53;&#67;E')
    ],
    [
      'a DOCTYPE with entities',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/shadow">]><x>&e;</x>'
    ],
    ['an encoding the checks cannot read', '<?xml version="1.0" encoding="EBCDIC-US"?><x/>']
  ])('refuses %s', async (_, content) => {
    expect(await check(content)).toBeInstanceOf(ConfigurationError)
  })

  it('refuses UTF-16 and compressed content', async () => {
    expect(await check(Buffer.from('\ufeff<x/>', 'utf16le'))).toBeInstanceOf(ConfigurationError)
    expect(await check(Buffer.from('BZh91AY&SY'))).toBeInstanceOf(ConfigurationError)
  })

  it('accepts SCE checks in a data stream the caller will strip, but still refuses a DOCTYPE', async () => {
    expect(await check(rule('http://open-scap.org/page/SCE'), 'allow')).toBe('accepted')
    expect(
      await check(
        '<?xml version="1.0"?><!DOCTYPE x []><x system="http://open-scap.org/page/SCE"/>',
        'allow'
      )
    ).toBeInstanceOf(ConfigurationError)
  })

  it('accepts an OVAL check', async () => {
    expect(await check(rule('http://oval.mitre.org/XMLSchema/oval-definitions-5'))).toBe('accepted')
  })
})
