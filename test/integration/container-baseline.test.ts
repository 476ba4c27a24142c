/**
 * Issue 12, part 2: scapgate's container baseline (content/container/, shipped in dist) on
 * Alpine-style images (os-release ID=alpine, /lib/apk/db/installed), for which no SCAP Security
 * Guide product exists. A compliant image, one image with every violation, and one image per
 * violation that must fail the gate on its own. Runs the built CLI: the baseline is chosen by
 * default, evaluated by oscap, and every rule is asserted both ways.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import type {Log} from 'sarif'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli, type CliRun} from '../support/run-cli.js'
import {
  readAllOutputs,
  readResults,
  scanDirs,
  writeImage,
  type ResultsJson
} from '../support/scan-fixtures.js'
import type {TarEntry} from '../support/tar-writer.js'

const rule = (name: string): string => `xccdf_io.scapgate_rule_${name}`
const RULES = [
  'image_user_not_root',
  'image_healthcheck_defined',
  'no_setuid_setgid_files',
  'no_world_writable_files',
  'no_private_keys',
  'no_ssh_server',
  'shadow_permissions',
  'no_add_remote_url'
] as const
type RuleName = (typeof RULES)[number]

const dirs = scanDirs('scapgate-container-baseline')
afterAll(() => dirs.cleanup())

const dir = (name: string, mode = 0o755): TarEntry => ({name, type: 'dir', mode})
const apkDb = (...packages: string[]): string =>
  packages.map(name => `C:Q1${'A'.repeat(27)}=\nP:${name}\nV:1.0-r0\nA:x86_64\n`).join('\n')

const base = (shadowMode = 0o640): TarEntry[] => [
  dir('etc/'),
  {
    name: 'etc/os-release',
    content: 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n'
  },
  {name: 'etc/alpine-release', content: '3.20.3\n'},
  {
    name: 'etc/passwd',
    content: 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/app:/sbin/nologin\n'
  },
  {name: 'etc/shadow', content: 'root:*::0:::::\napp:!::0:::::\n', mode: shadowMode, gid: 42},
  dir('bin/'),
  {name: 'bin/busybox', content: '\x7fELF busybox', mode: 0o755},
  dir('lib/'),
  dir('lib/apk/'),
  dir('lib/apk/db/'),
  {name: 'lib/apk/db/installed', content: apkDb('alpine-baselayout', 'busybox', 'musl')},
  dir('tmp/', 0o1777),
  dir('root/', 0o700),
  dir('app/'),
  {name: 'app/run', content: '#!/bin/sh\nexec sleep 1\n', mode: 0o755, uid: 1000, gid: 1000}
]

interface Variant {
  layers: TarEntry[][]
  user?: string
  healthcheck?: string[]
  history: string[]
}

const compliantConfig = {user: '1000:1000', healthcheck: ['CMD', '/app/run']}
const plainHistory = ['ADD alpine-minirootfs.tar.gz / # buildkit', 'COPY app/ /app/ # buildkit']

function variant(overrides: Partial<Variant> & {extra?: TarEntry[]; shadowMode?: number}): Variant {
  return {
    ...compliantConfig,
    history: plainHistory,
    layers: [base(overrides.shadowMode), [dir('app/'), ...(overrides.extra ?? [])]],
    ...overrides
  }
}

/** One violation per rule, as its own image (and all of them together below). */
const violations: Record<RuleName, Partial<Variant> & {extra?: TarEntry[]; shadowMode?: number}> = {
  image_user_not_root: {user: '0'},
  image_healthcheck_defined: {healthcheck: ['NONE']},
  no_setuid_setgid_files: {extra: [{name: 'app/helper', content: 'x', mode: 0o4755}]},
  no_world_writable_files: {extra: [{name: 'app/settings.conf', content: 'x=1\n', mode: 0o666}]},
  no_private_keys: {
    extra: [
      {
        name: 'app/deploy_key',
        content:
          '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n',
        mode: 0o600
      }
    ]
  },
  no_ssh_server: {
    extra: [
      dir('usr/'),
      dir('usr/sbin/'),
      {name: 'usr/sbin/sshd', content: '\x7fELF sshd', mode: 0o755}
    ]
  },
  shadow_permissions: {shadowMode: 0o644},
  no_add_remote_url: {
    history: [
      'ADD alpine-minirootfs.tar.gz / # buildkit',
      'ADD https://example.com/app.tar.gz /app/ # buildkit'
    ]
  }
}

/** Matches the history of the image with every violation (the others match it up to line 1). */
const dockerfile = 'FROM alpine:3.20\n\nADD https://example.com/app.tar.gz /app/\n'

interface Scan {
  run: CliRun
  out: string
  results: ResultsJson
}

async function scan(name: string, spec: Variant, extraArgs: string[] = []): Promise<Scan> {
  const fields: Record<string, unknown> = {}
  if (spec.user !== undefined) fields['User'] = spec.user
  if (spec.healthcheck !== undefined) fields['Healthcheck'] = {Test: spec.healthcheck}
  const image = writeImage(dirs.dir, name, spec.layers, {history: spec.history, fields})
  const out = dirs.out(name)
  const run = await runCli(
    ['scan', `docker-archive:${image}`, '--out', out, '--no-cache', ...extraArgs],
    {
      cwd: dirs.dir,
      env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin'}
    }
  )
  if (![0, 1].includes(run.code ?? -1)) {
    throw new Error(`scan of ${name} exited with ${run.code}: ${run.stderr}`)
  }
  return {run, out, results: readResults(out)}
}

const resultsOf = (results: ResultsJson): Record<string, string | undefined> =>
  Object.fromEntries(
    RULES.map(name => [name, results.rules.find(r => r.id === rule(name))?.result])
  )

let compliant: Scan
let scratch: Scan
let everything: Scan
const single = new Map<RuleName, Scan>()

beforeAll(async () => {
  // ./Dockerfile of the scans' working directory: blame reads it by default.
  writeFileSync(join(dirs.dir, 'Dockerfile'), dockerfile)
  compliant = await scan('compliant', variant({}))
  scratch = await scan('scratch', {
    ...compliantConfig,
    layers: [[dir('app/'), {name: 'app/run', content: '\x7fELF', mode: 0o755}]],
    history: ['COPY app/ /app/ # buildkit']
  })
  const all = variant({
    user: undefined,
    healthcheck: undefined,
    shadowMode: 0o644,
    history: violations.no_add_remote_url.history ?? [],
    extra: RULES.flatMap(name => violations[name].extra ?? [])
  })
  all.layers[0] = [
    ...(all.layers[0] ?? []).filter(e => e.name !== 'lib/apk/db/installed'),
    {
      name: 'lib/apk/db/installed',
      content: apkDb('alpine-baselayout', 'busybox', 'musl', 'openssh-server')
    }
  ]
  everything = await scan('everything', all)
  for (const name of RULES) single.set(name, await scan(`only-${name}`, variant(violations[name])))
}, 900_000)

describe('the container baseline on an Alpine-style image', () => {
  it('is chosen by default (no SSG product for Alpine) with the container profile', () => {
    const results = readResults(compliant.out)
    expect(results.scanner.profile.id).toBe('xccdf_io.scapgate_profile_container')
    expect(results.rules.map(r => r.id).sort()).toEqual(RULES.map(rule).sort())
  })

  it('is chosen for an image without os-release (scratch) too, and judges it', () => {
    expect(scratch.results.scanner.profile.id).toBe('xccdf_io.scapgate_profile_container')
    expect(resultsOf(scratch.results)).toEqual(
      Object.fromEntries(RULES.map(name => [name, 'pass']))
    )
    expect(scratch.run.code, scratch.run.stderr).toBe(0)
  })

  it('passes every rule on the compliant image: exit 0', () => {
    expect(resultsOf(compliant.results)).toEqual(
      Object.fromEntries(RULES.map(name => [name, 'pass']))
    )
    expect(compliant.run.code, compliant.run.stderr).toBe(0)
  })

  it('fails every rule on the image with every violation: exit 1', () => {
    expect(resultsOf(everything.results)).toEqual(
      Object.fromEntries(RULES.map(name => [name, 'fail']))
    )
    expect(everything.run.code).toBe(1)
  })

  it.each(RULES)('fails %s alone on the image with only that violation', name => {
    const scanned = single.get(name)
    const expected = Object.fromEntries(
      RULES.map(other => [other, other === name ? 'fail' : 'pass'])
    )
    expect(resultsOf(scanned?.results as ResultsJson)).toEqual(expected)
  })

  it('gates: exit 1 when the image runs as root, has a setuid file, a world-writable file or a private key', () => {
    for (const name of [
      'image_user_not_root',
      'no_setuid_setgid_files',
      'no_world_writable_files',
      'no_private_keys'
    ] as const) {
      expect({name, code: single.get(name)?.run.code}).toEqual({name, code: 1})
    }
  })

  it('finds the SSH server through the apk database too', () => {
    const arf = readFileSync(join(everything.out, 'arf.xml'), 'utf8')
    expect(arf).toContain('P:openssh-server')
  })

  it('allows a setuid file through the tailorable allow-list', async () => {
    const tailoring = join(dirs.dir, 'allow-helper.xml')
    writeFileSync(
      tailoring,
      `<?xml version="1.0" encoding="UTF-8"?>
<xccdf:Tailoring xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" id="xccdf_io.scapgate_tailoring_test">
  <xccdf:version time="2026-01-01T00:00:00">1</xccdf:version>
  <xccdf:Profile id="xccdf_io.scapgate_profile_container_allow" extends="xccdf_io.scapgate_profile_container">
    <xccdf:title>container, helper allowed</xccdf:title>
    <xccdf:set-value idref="xccdf_io.scapgate_value_setid_allowlist">^/app/helper$</xccdf:set-value>
  </xccdf:Profile>
</xccdf:Tailoring>
`
    )
    const allowed = await scan('allow-listed', variant(violations.no_setuid_setgid_files), [
      '--tailoring',
      tailoring,
      '--profile',
      'xccdf_io.scapgate_profile_container_allow'
    ])
    expect(resultsOf(allowed.results)['no_setuid_setgid_files']).toBe('pass')
    expect(allowed.run.code).toBe(0)
  })

  it('puts configuration findings on the Dockerfile: missing USER/HEALTHCHECK on FROM, the ADD of a URL on its line', () => {
    const sarif = JSON.parse(readFileSync(join(everything.out, 'results.sarif'), 'utf8')) as Log
    const found = (name: RuleName) => {
      const result = sarif.runs[0]?.results?.find(r => r.ruleId === rule(name))
      return {
        line: result?.locations?.[0]?.physicalLocation?.region?.startLine,
        uri: result?.locations?.[0]?.physicalLocation?.artifactLocation?.uri,
        text: result?.message.text ?? ''
      }
    }
    expect(found('image_user_not_root')).toMatchObject({line: 1, uri: 'Dockerfile'})
    expect(found('image_user_not_root').text).toContain('the final stage has no USER instruction')
    expect(found('image_healthcheck_defined').text).toContain('no HEALTHCHECK instruction')
    expect(found('no_add_remote_url')).toMatchObject({line: 3, uri: 'Dockerfile'})
    // File rules: the layer that added the file (the ADD on line 3 built the second layer).
    expect(found('no_setuid_setgid_files').line).toBe(3)
    expect(found('no_private_keys').line).toBe(3)
  })

  it('cannot be fooled or made to leak: an image-planted /.scapgate and links to host files', async () => {
    const canary = `CANARY-${Date.now().toString(36)}-container`
    const secret = join(dirs.dir, 'host-secret.txt')
    writeFileSync(secret, `user=1000\nhealthcheck=CMD true\n${canary}\n`)
    const hostile = variant({user: undefined})
    hostile.layers.push([
      // The image's own facts file claims a non-root user; a link in /etc points at the host.
      dir('.scapgate/'),
      {name: '.scapgate/image-config.txt', content: 'user=1000\nhealthcheck=CMD true\n'},
      dir('etc/'),
      {name: 'etc/motd', type: 'symlink', linkname: secret},
      dir('app/'),
      {name: 'app/key', type: 'symlink', linkname: secret}
    ])
    hostile.history = [...hostile.history, 'COPY hostile/ / # buildkit']
    const scanned = await scan('hostile', hostile)
    expect(resultsOf(scanned.results)['image_user_not_root']).toBe('fail')
    expect(
      readAllOutputs(scanned.out)
        .filter(file => file.text.includes(canary))
        .map(file => file.name)
    ).toEqual([])
  })
})
