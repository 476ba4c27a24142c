import {execFile} from 'node:child_process'
import {copyFile, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertContentSafe} from './content-safety.js'
import {CONTAINER_PROFILE_ID} from './container-baseline.js'
import {imageFactsText} from './image-facts.js'
import {resolveProfile} from './profiles.js'

const sources = join(import.meta.dirname, '..', '..', '..', '..', 'content', 'container')
let work: string
let ds: string

beforeAll(async () => {
  // Composed exactly as scripts/build.mjs does.
  work = await mkdtemp(join(tmpdir(), 'scapgate-container-ds-test-'))
  for (const file of ['scapgate-container-xccdf.xml', 'scapgate-container-oval.xml']) {
    await copyFile(join(sources, file), join(work, file))
  }
  const run = promisify(execFile)
  await run('oscap', ['ds', 'sds-compose', 'scapgate-container-xccdf.xml', 'ds.xml'], {cwd: work})
  ds = join(work, 'ds.xml')
})
afterAll(async () => {
  await rm(work, {recursive: true, force: true})
})

describe('the container baseline content', () => {
  it('is a valid source data stream with OVAL 5.11 that passes the SCE and DOCTYPE checks', async () => {
    await promisify(execFile)('oscap', ['ds', 'sds-validate', ds])
    // Returns the checked text; throws on SCE, DOCTYPE or anything else refused.
    await expect(assertContentSafe(ds, 'container baseline')).resolves.toContain(
      '<ds:data-stream-collection'
    )
    const text = await readFile(ds, 'utf8')
    expect(text).not.toMatch(/SCE|sce-|check-import/i)
    expect(text).toContain('<oval:schema_version>5.11.1</oval:schema_version>')
  })

  it('resolves the short profile name `container`', async () => {
    const resolved = await resolveProfile(ds, 'container', undefined)
    expect(resolved.profileId).toBe(CONTAINER_PROFILE_ID)
  })
})

describe('imageFactsText', () => {
  it('writes one key=value line per fact, and a value can never start another line', () => {
    const text = imageFactsText({
      os: 'linux',
      architecture: 'amd64',
      env: [],
      diffIds: [],
      labels: {},
      user: 'app\nuser=root',
      healthcheck: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      exposedPorts: ['8080/tcp'],
      history: [{createdBy: 'ADD file:1 in /\rhistory=x', emptyLayer: false}, {emptyLayer: true}]
    })
    expect(text.split('\n')).toEqual([
      '# scapgate: image configuration for OVAL (content/container/README.md)',
      'user=app user=root',
      'healthcheck=CMD-SHELL curl -f http://localhost/ || exit 1',
      'exposed_port=8080/tcp',
      'history=ADD file:1 in / history=x',
      'history=',
      ''
    ])
  })

  it('leaves out user and healthcheck when the config has none', () => {
    const text = imageFactsText({
      os: 'linux',
      architecture: 'amd64',
      env: [],
      diffIds: [],
      labels: {},
      history: []
    })
    expect(text).not.toMatch(/^(user|healthcheck)=/m)
  })
})
