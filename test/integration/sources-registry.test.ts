/**
 * Registry pulls against a real registry (Debian's docker-registry, TLS from a throwaway CA,
 * htpasswd auth) and a fault-injecting proxy in front of it. The end-to-end cases run the bundled
 * CLI; the fault cases call `openImage` directly, which is the same code without oscap's time.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, chmodSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {InvalidImageError} from '../../packages/core/src/errors.js'
import {openImage} from '../../packages/core/src/image/open-image.js'
import {parseImageReference} from '../../packages/core/src/image/reference.js'
import {sourceSettings} from '../../packages/core/src/image/source-settings.js'
import type {RegistryOptions} from '../../packages/core/src/image/types.js'
import {startFaultProxy, type FaultProxy} from '../support/fault-proxy.js'
import {buildImage, writeOciLayout} from '../support/image-builder.js'
import {freePort, startRegistry, type TestRegistry} from '../support/registry.js'
import {cliBundle, repoRoot, runCli, type CliRun} from '../support/run-cli.js'
import {
  debian11Base,
  readAllOutputs,
  readResults,
  resultOf,
  scanDirs
} from '../support/scan-fixtures.js'

const sampleArchive = join(repoRoot, 'test/fixtures/images/sample-app/sample-app.docker.tar')
const dirs = scanDirs('scapgate-sources-registry')
let registry: TestRegistry
let proxy: FaultProxy

beforeAll(async () => {
  registry = await startRegistry()
  registry.push(`docker-archive:${sampleArchive}`, 'ns/sample:1')
  proxy = await startFaultProxy(registry, await freePort())
})

afterAll(async () => {
  await proxy?.close()
  await registry?.stop()
  dirs.cleanup()
})

/** Runs the CLI with the password on stdin, as `--password-stdin` expects. */
function runWithStdin(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], {
      cwd: repoRoot,
      env: {PATH: process.env.PATH, ...env},
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
    child.stdin.end(stdin)
  })
}

function allOutputs(outDir: string): string {
  return readAllOutputs(outDir)
    .map(file => file.text)
    .join('\n')
}

function registryOptions(extra: RegistryOptions = {}): RegistryOptions {
  return {
    caFile: registry.certs.caFile,
    credentials: {username: registry.username, password: registry.password},
    timeBudgetMs: 60_000,
    ...extra
  }
}

async function pull(
  reference: string,
  registryOpts: RegistryOptions,
  platform?: {os: string; architecture: string}
) {
  const work = join(dirs.dir, `work-${Math.random().toString(16).slice(2)}`)
  const logs: string[] = []
  const image = await openImage(parseImageReference(reference), {
    workDir: work,
    registry: registryOpts,
    log: line => logs.push(line),
    ...(platform ? {platform} : {})
  })
  await image.close()
  return {image, logs, work}
}

describe('scapgate scan REGISTRY/NAME:TAG against a TLS registry with htpasswd auth', () => {
  it('pulls with --username/--password-stdin and --ca-file, scans, and never shows the password, even with --verbose', async () => {
    const out = dirs.out('basic')
    const run = await runWithStdin(
      [
        'scan',
        `docker://${registry.host}/ns/sample:1`,
        '--ca-file',
        registry.certs.caFile,
        '--username',
        registry.username,
        '--password-stdin',
        '--out',
        out,
        '--verbose'
      ],
      `${registry.password}\n`
    )
    expect(run.stderr).not.toMatch(/could not complete|internal error/)
    expect(run.code).toBe(1)
    const results = readResults(out)
    expect(resultOf(results, 'package_telnetd_removed')).toBe('fail')
    expect(resultOf(results, 'file_owner_etc_passwd')).toBe('pass')
    expect(results.image.configDigest).toMatch(/^sha256:[a-f0-9]{64}$/)
    for (const text of [run.stdout, run.stderr, allOutputs(out)]) {
      expect(text).not.toContain(registry.password)
      expect(text).not.toContain(
        Buffer.from(`${registry.username}:${registry.password}`).toString('base64')
      )
    }
  })

  it('reads credentials from SCAPGATE_REGISTRY_USERNAME/PASSWORD and reports wrong ones with exit 3, naming registry and image', async () => {
    const run = await runCli(
      [
        'scan',
        `${registry.host}/ns/sample:1`,
        '--ca-file',
        registry.certs.caFile,
        '--out',
        dirs.out('wrong'),
        '--verbose'
      ],
      {
        env: {
          PATH: process.env.PATH,
          SCAPGATE_REGISTRY_USERNAME: registry.username,
          SCAPGATE_REGISTRY_PASSWORD: 'CANARY-PW-wrong'
        }
      }
    )
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(`registry ${registry.host}, image ns/sample:1`)
    expect(run.stderr).toMatch(/access denied \(401\)/)
    expect(run.stdout + run.stderr).not.toContain('CANARY-PW-wrong')
  })

  it('fails with exit 3 on an unknown image, naming the registry, the image and the registry error code', async () => {
    const run = await runCli(
      [
        'scan',
        `${registry.host}/ns/nothing:9`,
        '--ca-file',
        registry.certs.caFile,
        '--out',
        dirs.out('unknown')
      ],
      {
        env: {
          PATH: process.env.PATH,
          SCAPGATE_REGISTRY_USERNAME: registry.username,
          SCAPGATE_REGISTRY_PASSWORD: registry.password
        }
      }
    )
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(
      `registry ${registry.host}, image ns/nothing:9: manifest 9: not found (404)`
    )
    expect(run.stderr).toMatch(/MANIFEST_UNKNOWN|NAME_UNKNOWN/)
  })

  it('refuses a certificate it cannot verify without --ca-file, and plain http without --insecure-registry (REG-26)', async () => {
    const env = {
      PATH: process.env.PATH,
      SCAPGATE_REGISTRY_USERNAME: registry.username,
      SCAPGATE_REGISTRY_PASSWORD: registry.password
    }
    const noCa = await runCli(['scan', `${registry.host}/ns/sample:1`, '--out', dirs.out('noca')], {
      env
    })
    expect(noCa.code).toBe(3)
    expect(noCa.stderr).toMatch(/certificate/i)
    expect(noCa.stderr).not.toContain(registry.password)
    const http = await runCli(
      [
        'scan',
        `${registry.host}/ns/sample:1`,
        '--insecure-registry',
        registry.host,
        '--out',
        dirs.out('http')
      ],
      {env}
    )
    expect(http.code).toBe(3)
    expect(http.stderr).toContain(`registry ${registry.host}, image ns/sample:1`)
  })
})

describe('registry credentials from docker config files', () => {
  it('uses a base64 auths entry of $HOME/.docker/config.json and ignores a config.json in the working directory (REG-27)', async () => {
    const home = join(dirs.dir, 'home')
    mkdirSync(join(home, '.docker'), {recursive: true})
    const auth = Buffer.from(`${registry.username}:${registry.password}`).toString('base64')
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({auths: {[`https://${registry.host}`]: {auth}}})
    )
    const workspace = join(dirs.dir, 'workspace')
    mkdirSync(join(workspace, '.docker'), {recursive: true})
    writeFileSync(join(workspace, '.docker', 'config.json'), JSON.stringify({credsStore: 'evil'}))
    const bin = join(dirs.dir, 'bin')
    mkdirSync(bin, {recursive: true})
    const marker = join(dirs.dir, 'evil-ran')
    writeFileSync(join(bin, 'docker-credential-evil'), `#!/bin/sh\ntouch ${marker}\n`)
    chmodSync(join(bin, 'docker-credential-evil'), 0o755)
    const env = {PATH: `${bin}:${process.env.PATH}`, HOME: home}
    const settings = sourceSettings({caFile: registry.certs.caFile}, env)
    const {image} = await pull(`${registry.host}/ns/sample:1`, {
      ...settings.registry,
      timeBudgetMs: 60_000
    })
    expect(image.layers).toHaveLength(4)
    expect(existsSync(marker)).toBe(false)
  })

  it('asks a credHelpers helper with the registry on stdin', async () => {
    const home = join(dirs.dir, 'home-helper')
    mkdirSync(join(home, '.docker'), {recursive: true})
    writeFileSync(
      join(home, '.docker', 'config.json'),
      JSON.stringify({credHelpers: {[registry.host]: 'scapgatetest'}})
    )
    const bin = join(dirs.dir, 'bin-helper')
    mkdirSync(bin, {recursive: true})
    const asked = join(dirs.dir, 'helper-asked')
    writeFileSync(
      join(bin, 'docker-credential-scapgatetest'),
      `#!/bin/sh\n[ "$1" = get ] || exit 1\ncat > ${asked}\nprintf '{"Username":"${registry.username}","Secret":"${registry.password}"}'\n`
    )
    chmodSync(join(bin, 'docker-credential-scapgatetest'), 0o755)
    const settings = sourceSettings(
      {caFile: registry.certs.caFile},
      {PATH: `${bin}:${process.env.PATH}`, HOME: home}
    )
    const {image} = await pull(`${registry.host}/ns/sample:1`, {
      ...settings.registry,
      timeBudgetMs: 60_000
    })
    expect(image.layers).toHaveLength(4)
    expect(readFileSync(asked, 'utf8')).toBe(registry.host)
  })
})

describe('multi-platform indexes in the registry', () => {
  beforeAll(() => {
    const layout = join(dirs.dir, 'multi')
    const images = [
      buildImage({layers: [debian11Base], platform: {os: 'linux', architecture: 'amd64'}}),
      buildImage({
        layers: [debian11Base],
        platform: {os: 'linux', architecture: 'arm64', variant: 'v8'}
      })
    ]
    writeOciLayout(images, layout, {refName: 'multi', attestation: true})
    registry.push(`oci:${layout}:multi`, 'ns/multi:1', ['--all'])
  })

  it('selects linux/amd64 by default and linux/arm64 with --platform, skipping attestations (REG-9)', async () => {
    const amd = await pull(`${registry.host}/ns/multi:1`, registryOptions())
    expect(amd.image.platform).toEqual({os: 'linux', architecture: 'amd64'})
    const arm = await pull(`${registry.host}/ns/multi:1`, registryOptions(), {
      os: 'linux',
      architecture: 'arm64'
    })
    expect(arm.image.platform).toMatchObject({os: 'linux', architecture: 'arm64'})
    expect(arm.image.manifestDigest).not.toBe(amd.image.manifestDigest)
  })

  it('lists the platforms the index has when none matches', async () => {
    await expect(
      pull(`${registry.host}/ns/multi:1`, registryOptions(), {os: 'linux', architecture: 's390x'})
    ).rejects.toThrow(
      /has no image for platform linux\/s390x; it has linux\/amd64, linux\/arm64\/v8/
    )
  })
})

describe('faults injected between scapgate and the registry', () => {
  const via = (): string => `${proxy.host}/ns/sample:1`

  it('waits for Retry-After on 429 and retries a 500, then succeeds (REG-17, REG-18)', async () => {
    proxy.faults = [
      {match: /\/manifests\//, kind: '429', retryAfter: '1'},
      {match: /\/blobs\//, kind: '500', times: 2}
    ]
    const started = Date.now()
    const {image, logs} = await pull(via(), registryOptions())
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(image.layers).toHaveLength(4)
    expect(logs.join('\n')).toMatch(/answered 429.*retrying in 1000 ms/)
    expect(logs.join('\n')).toMatch(/answered 500/)
  })

  it('gives up on a persistent 503 within the time budget with a clear error', async () => {
    proxy.faults = [{match: /\/manifests\//, kind: '500', times: 100}]
    const error = await pull(via(), registryOptions({timeBudgetMs: 3000})).catch((e: unknown) => e)
    proxy.faults = []
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as Error).message).toMatch(
      new RegExp(
        `registry ${proxy.host}, image ns/sample:1: manifest 1: gave up after \\d attempts`
      )
    )
  })

  it('resumes a blob with Range after the connection is reset mid-body, and verifies the whole digest (REG-20)', async () => {
    proxy.faults = [{match: /\/blobs\/sha256:/, kind: 'reset'}]
    proxy.requests = []
    const {image} = await pull(via(), registryOptions())
    expect(image.layers).toHaveLength(4)
    const ranged = proxy.requests.filter(r => r.range !== undefined)
    expect(ranged.length).toBeGreaterThanOrEqual(1)
    expect(ranged[0]?.range).toMatch(/^bytes=\d+-$/)
  })

  it('restarts from zero when the server ignores Range (REG-21)', async () => {
    proxy.faults = [
      {match: /\/blobs\/sha256:/, kind: 'reset'},
      {match: /\/blobs\/sha256:/, kind: 'ignore-range'}
    ]
    // One download at a time, so that the resumed request is the one that meets `ignore-range`.
    const {image, logs} = await pull(via(), registryOptions({concurrency: 1}))
    expect(image.layers).toHaveLength(4)
    expect(logs.join('\n')).toContain('ignored Range')
  })

  it('fails on a tampered blob naming it, and caches nothing unverified (REG-4)', async () => {
    const cacheDir = join(dirs.dir, 'cache-tampered')
    proxy.faults = [{match: /\/blobs\/sha256:/, kind: 'tamper', times: 100}]
    const error = await pull(via(), registryOptions({cacheDir})).catch((e: unknown) => e)
    proxy.faults = []
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as Error).message).toMatch(
      /blob sha256:[a-f0-9]{64}: digest mismatch: expected sha256:[a-f0-9]{64}, found sha256:/
    )
    expect(readdirSync(join(cacheDir, 'blobs', 'sha256'))).toEqual([])
  })

  it('gets a Bearer token for the scope the token server requires and never sends Basic credentials to the registry endpoint (REG-12)', async () => {
    proxy.bearerScope = 'repository:ns/sample:pull'
    proxy.requests = []
    try {
      const {image} = await pull(via(), registryOptions())
      expect(image.layers).toHaveLength(4)
    } finally {
      proxy.bearerScope = undefined
    }
    expect(proxy.tokensIssued).toBeGreaterThanOrEqual(1)
    const apiRequests = proxy.requests.filter(r => r.path.startsWith('/v2/'))
    expect(
      apiRequests.every(r => r.authorization === undefined || r.authorization.startsWith('Bearer '))
    ).toBe(true)
    const tokenRequests = proxy.requests.filter(r => r.path.startsWith('/token'))
    expect(tokenRequests[0]?.path).toContain('scope=repository%3Ans%2Fsample%3Apull')
  })

  it('reuses the blob cache: a rescan downloads no blob, and a corrupted cache entry is fetched again', async () => {
    const cacheDir = join(dirs.dir, 'cache-reuse')
    await pull(via(), registryOptions({cacheDir}))
    proxy.requests = []
    const second = await pull(via(), registryOptions({cacheDir}))
    expect(proxy.requests.filter(r => r.path.includes('/blobs/'))).toEqual([])
    expect(second.logs.join('\n')).toContain('0 of 5 blobs downloaded')
    const layer = second.image.layers[0]?.digest.slice(7) ?? ''
    writeFileSync(join(cacheDir, 'blobs', 'sha256', layer), 'corrupt')
    proxy.requests = []
    const third = await pull(via(), registryOptions({cacheDir}))
    expect(third.logs.join('\n')).toContain('cached copy discarded')
    expect(proxy.requests.filter(r => r.path.includes('/blobs/'))).toHaveLength(1)
  })
})
