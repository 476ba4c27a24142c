import {randomBytes} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildImage, dockerArchiveFiles, tarOfFiles} from '../support/image-builder.js'
import {probeProfile, probeRuleId, writeProbeContent} from '../support/probe-content.js'
import {runCli} from '../support/run-cli.js'
import {
  debian11Base,
  readAllOutputs,
  readResults,
  resultOf,
  scanDirs,
  writeImage
} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-safety')
afterAll(() => dirs.cleanup())

describe('no host data reaches any output', () => {
  const fileCanary = `CANARY-FILE-${randomBytes(8).toString('hex')}`
  const envCanary = `CANARY-ENV-${randomBytes(8).toString('hex')}`
  const secretDir = join(dirs.dir, 'host-secret')
  const secretFile = join(secretDir, 'canary.txt')
  const probed = [
    '/etc/issue',
    '/etc/motd',
    '/proc/self/environ',
    '/proc/1/environ',
    '/etc/hostname',
    '/etc/debian_version'
  ]
  let run: Awaited<ReturnType<typeof runCli>>
  const out = dirs.out('canary')

  beforeAll(async () => {
    mkdirSync(secretDir)
    writeFileSync(secretFile, `${fileCanary}\n`)
    const base = debian11Base.filter(entry => entry.name !== 'etc/hostname')
    const image = writeImage(dirs.dir, 'canary', [
      base,
      [
        {name: 'etc/', type: 'dir'},
        {name: 'etc/issue', type: 'symlink', linkname: secretFile},
        {name: 'etc/motd', type: 'symlink', linkname: `../../../../../../../..${secretFile}`},
        {name: 'etc/hostname', type: 'symlink', linkname: secretFile},
        {name: 'proc', type: 'symlink', linkname: '/proc'}
      ]
    ])
    const content = await writeProbeContent(dirs.dir, probed)
    run = await runCli(
      [
        'scan',
        `docker-archive:${image}`,
        '--out',
        out,
        '--content',
        content,
        '--profile',
        probeProfile
      ],
      {
        env: {PATH: process.env['PATH'], GITHUB_TOKEN: envCanary, SCAPGATE_TEST_SECRET: envCanary}
      }
    )
  })

  it('completes the scan of the hostile image', () => {
    expect(run.stderr).not.toMatch(/internal error/)
    expect([0, 1]).toContain(run.code)
  })

  it('really read files inside the image (positive control)', () => {
    const results = readResults(out)
    expect(resultOf(results, probeRuleId(probed.indexOf('/etc/debian_version')))).toBe('pass')
    expect(readFileSync(join(out, 'arf.xml'), 'utf8')).toContain('11.11')
  })

  it('found nothing behind the symlinks to the host and to /proc', () => {
    const results = readResults(out)
    for (const path of ['/etc/issue', '/etc/motd', '/proc/self/environ', '/proc/1/environ']) {
      expect(resultOf(results, probeRuleId(probed.indexOf(path))), path).toBe('fail')
    }
  })

  it('has neither canary in the ARF, the HTML, results.json, SARIF, the summary or the logs', () => {
    const texts = [
      ...readAllOutputs(out),
      {name: 'stdout', text: run.stdout},
      {name: 'stderr', text: run.stderr}
    ]
    expect(texts.length).toBeGreaterThanOrEqual(7)
    for (const {name, text} of texts) {
      expect(text.includes(fileCanary), `${name} leaks the host file`).toBe(false)
      expect(text.includes(envCanary), `${name} leaks the environment`).toBe(false)
    }
  })
})

describe('layer whiteouts, end to end', () => {
  it('removes a deleted file and the lower contents of an opaque directory', async () => {
    const image = writeImage(dirs.dir, 'whiteouts', [
      [
        ...debian11Base,
        {name: 'etc/deleted', content: 'lower\n'},
        {name: 'opt/', type: 'dir'},
        {name: 'opt/data/', type: 'dir'},
        {name: 'opt/data/old', content: 'old\n'}
      ],
      [
        {name: 'etc/', type: 'dir'},
        {name: 'etc/.wh.deleted', content: ''},
        {name: 'opt/data/', type: 'dir'},
        {name: 'opt/data/new', content: 'new\n'},
        {name: 'opt/data/.wh..wh..opq', content: ''}
      ]
    ])
    const paths = ['/etc/deleted', '/opt/data/old', '/opt/data/new', '/etc/passwd']
    const content = await writeProbeContent(join(dirs.dir), paths)
    const out = dirs.out('whiteouts')
    const run = await runCli([
      'scan',
      `docker-archive:${image}`,
      '--out',
      out,
      '--content',
      content,
      '--profile',
      probeProfile
    ])
    expect(run.stderr).not.toMatch(/internal error/)
    const results = readResults(out)
    expect(paths.map((_, i) => resultOf(results, probeRuleId(i)))).toEqual([
      'fail',
      'fail',
      'pass',
      'pass'
    ])
    expect(run.code).toBe(1)
  })
})

describe('tar entries that try to leave the root', () => {
  it('rejects a `..` entry with exit 3, naming the layer, and leaves nothing behind', async () => {
    const tmp = join(dirs.dir, 'tmp-dotdot')
    mkdirSync(tmp)
    const image = writeImage(dirs.dir, 'dotdot', [
      debian11Base,
      [{name: '../../escape-dotdot', content: 'x'}]
    ])
    const run = await runCli(['scan', `docker-archive:${image}`, '--out', dirs.out('dotdot')], {
      env: {PATH: process.env['PATH'], TMPDIR: tmp}
    })
    expect(run.code).toBe(3)
    expect(run.stderr).toMatch(/layer 1|sha256:[a-f0-9]{12}/)
    expect(run.stderr).toContain('escape-dotdot')
    expect(readdirSync(tmp)).toEqual([])
  })

  it('contains writes through a symlink that points at a host directory', async () => {
    const victim = join(dirs.dir, 'victim')
    mkdirSync(victim)
    writeFileSync(join(victim, 'hello'), 'hello\n')
    const image = writeImage(dirs.dir, 'symlink-escape', [
      [...debian11Base, {name: 'etc/evil', type: 'symlink', linkname: victim}],
      [{name: 'etc/evil/pwned', content: 'pwned\n'}]
    ])
    const paths = [`${victim}/pwned`]
    const content = await writeProbeContent(join(dirs.dir), paths)
    const out = dirs.out('symlink-escape')
    const run = await runCli([
      'scan',
      `docker-archive:${image}`,
      '--out',
      out,
      '--content',
      content,
      '--profile',
      probeProfile
    ])
    expect(run.stderr).not.toMatch(/internal error/)
    expect(readdirSync(victim)).toEqual(['hello'])
    // The write landed inside the root, at the path the symlink names there (chroot semantics).
    expect(resultOf(readResults(out), probeRuleId(0))).toBe('pass')
  })

  it('rejects a hardlink to a host file with exit 3 and leaves the file unlinked', async () => {
    const victim = join(dirs.dir, 'victim-hardlink')
    mkdirSync(victim)
    writeFileSync(join(victim, 'hello'), 'hello\n')
    const image = writeImage(dirs.dir, 'hardlink-escape', [
      debian11Base,
      [{name: 'grab', type: 'hardlink', linkname: `../../../../../../..${victim}/hello`}]
    ])
    const run = await runCli(['scan', `docker-archive:${image}`, '--out', dirs.out('hardlink')])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('grab')
    expect(statSync(join(victim, 'hello')).nlink).toBe(1)
  })
})

describe('a tampered image', () => {
  it('fails with exit 3 and names the corrupted layer', async () => {
    const image = buildImage({
      layers: [
        debian11Base,
        [
          {name: 'etc/', type: 'dir'},
          {name: 'etc/motd', content: 'hello\n'}
        ]
      ]
    })
    const files = dockerArchiveFiles(image, {format: 'legacy', repoTags: ['localhost/tampered:1']})
    const layerName = [...files.keys()].filter(name => name.endsWith('/layer.tar'))[1]!
    const layer = Buffer.from(files.get(layerName)!)
    layer[600] = (layer[600] ?? 0) ^ 0xff
    files.set(layerName, layer)
    const path = join(dirs.dir, 'tampered.tar')
    writeFileSync(path, tarOfFiles(files))
    const out = dirs.out('tampered')
    const run = await runCli(['scan', `docker-archive:${path}`, '--out', out])
    expect(run.code).toBe(3)
    const diffId = image.layers[1]!.diffId
    expect(run.stderr).toContain(diffId.slice(0, 19))
    expect(run.stdout).not.toContain('gate passed')
    // No verdict: only the `incomplete` results.json of docs/output-sets.md.
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).toMatchObject({
      status: 'incomplete',
      gate: {status: 'incomplete'}
    })
  })
})

describe('interrupting a scan', () => {
  it('exits 130 on SIGINT and removes the extracted root and every temporary file', async () => {
    const tmp = join(dirs.dir, 'tmp-sigint')
    mkdirSync(tmp)
    const sample = join(
      import.meta.dirname,
      '..',
      'fixtures',
      'images',
      'sample-app',
      'sample-app.docker.tar'
    )
    let sent = false
    const run = await runCli(['scan', `docker-archive:${sample}`, '--out', dirs.out('sigint')], {
      env: {PATH: process.env['PATH'], TMPDIR: tmp},
      onStderr: (chunk, child) => {
        if (!sent && chunk.includes('Scanning')) {
          sent = true
          child.kill('SIGINT')
        }
      }
    })
    expect(sent).toBe(true)
    expect(run.code).toBe(130)
    expect(readdirSync(tmp)).toEqual([])
    expect(readFileSync('/proc/mounts', 'utf8')).not.toContain(tmp)
  })
})
