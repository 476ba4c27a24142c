/**
 * Signed compliance attestations end to end, against a real registry (Debian's docker-registry,
 * TLS + htpasswd) and a real independent verifier (Debian's cosign): a failing image gets a
 * FAILED attestation and a compliant one a PASSED attestation, both attached where cosign looks
 * and both verified by `cosign verify-attestation` and `scapgate verify`; every tampering case is
 * rejected; no key material or passphrase reaches any output.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureCosign} from '../support/cosign.js'
import {startRegistry, type TestRegistry} from '../support/registry.js'
import {runCli, repoRoot, type CliRun} from '../support/run-cli.js'
import {debian11Base, readAllOutputs, scanDirs, writeImage} from '../support/scan-fixtures.js'

const testResultType = 'https://in-toto.io/attestation/test-result/v0.1'
const sampleTar = join(repoRoot, 'test/fixtures/images/sample-app/sample-app.docker.tar')
const passphrase = `CANARY-KEYPASS-${Math.random().toString(36).slice(2)}`
const dirs = scanDirs('scapgate-attest')
let registry: TestRegistry
let cosign: string
let keyFile: string
let publicKeyFile: string
let otherPublicKeyFile: string
let env: NodeJS.ProcessEnv

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, {env, cwd: dirs.dir})
}

/** `cosign verify-attestation` with the key and without a transparency log (key-based signing). */
function cosignVerify(image: string, key: string) {
  return spawnSync(
    cosign,
    ['verify-attestation', '--key', key, '--insecure-ignore-tlog', '--type', testResultType, image],
    {encoding: 'utf8', env: {...env, SSL_CERT_FILE: registry.certs.caFile, DOCKER_CONFIG: dirs.dir}}
  )
}

function decodedPredicates(cosignStdout: string): {result: string}[] {
  return cosignStdout
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(
      line =>
        JSON.parse(
          Buffer.from((JSON.parse(line) as {payload: string}).payload, 'base64').toString('utf8')
        ) as {predicate: {result: string}}
    )
    .map(statement => statement.predicate)
}

interface Scanned {
  image: string
  digest: string
  out: string
}

async function scanAndAttest(
  name: string,
  archive: string,
  extra: string[] = []
): Promise<Scanned> {
  registry.push(`docker-archive:${archive}`, `attest/${name}:1`)
  const image = `${registry.host}/attest/${name}:1`
  const out = dirs.out(name)
  const scan = await cli([
    'scan',
    image,
    '--ca-file',
    registry.certs.caFile,
    '--out',
    out,
    ...extra
  ])
  expect(scan.code, scan.stderr).toBeLessThanOrEqual(1)
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    image: {manifestDigest: string}
  }
  const attest = await cli([
    'attest',
    join(out, 'results.json'),
    image,
    '--key',
    keyFile,
    '--ca-file',
    registry.certs.caFile
  ])
  expect(attest.code, attest.stderr).toBe(0)
  return {image, digest: results.image.manifestDigest, out}
}

let failing: Scanned
let passing: Scanned

beforeAll(async () => {
  cosign = ensureCosign()
  registry = await startRegistry()
  keyFile = join(dirs.dir, 'key.pem')
  publicKeyFile = join(dirs.dir, 'key.pub.pem')
  otherPublicKeyFile = join(dirs.dir, 'other.pub.pem')
  execFileSync('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-aes-256-cbc',
    '-pass',
    `pass:${passphrase}`,
    '-out',
    keyFile
  ])
  execFileSync('openssl', [
    'pkey',
    '-in',
    keyFile,
    '-passin',
    `pass:${passphrase}`,
    '-pubout',
    '-out',
    publicKeyFile
  ])
  const other = join(dirs.dir, 'other.pem')
  execFileSync('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    other
  ])
  execFileSync('openssl', ['pkey', '-in', other, '-pubout', '-out', otherPublicKeyFile])
  env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dirs.dir,
    COSIGN_PASSWORD: passphrase,
    SCAPGATE_REGISTRY_USERNAME: registry.username,
    SCAPGATE_REGISTRY_PASSWORD: registry.password
  }
  writeFileSync(
    join(dirs.dir, 'config.json'),
    JSON.stringify({
      auths: {
        [registry.host]: {
          auth: Buffer.from(`${registry.username}:${registry.password}`).toString('base64')
        }
      }
    })
  )
  failing = await scanAndAttest('violations', sampleTar)
  // The base passes the standard profile except file_permissions_systemmap, which wants a
  // System.map of mode 0600 or stricter.
  const systemMap = [
    {name: 'boot', type: 'dir' as const, mode: 0o755},
    {name: 'boot/System.map-5.10.0-0-amd64', type: 'file' as const, mode: 0o600, content: ''}
  ]
  passing = await scanAndAttest(
    'compliant',
    writeImage(dirs.dir, 'compliant', [debian11Base, systemMap])
  )
}, 600_000)

afterAll(async () => {
  await registry?.stop()
  dirs.cleanup()
})

describe('scapgate attest', () => {
  it('attests the failing image FAILED and the compliant one PASSED, verified by cosign', () => {
    for (const [scanned, result] of [
      [failing, 'FAILED'],
      [passing, 'PASSED']
    ] as const) {
      const run = cosignVerify(
        `${registry.host}/attest/${scanned.image.split('/').pop()?.split(':')[0]}@${scanned.digest}`,
        publicKeyFile
      )
      expect(run.status, run.stderr).toBe(0)
      expect(decodedPredicates(run.stdout).map(p => p.result)).toEqual([result])
    }
  })

  it('is verified by scapgate verify, which applies the required result', async () => {
    const ok = await cli([
      'verify',
      passing.image,
      '--key',
      publicKeyFile,
      '--ca-file',
      registry.certs.caFile,
      '--require-result',
      'PASSED',
      '--max-age',
      '1h',
      '--profile',
      'standard'
    ])
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toContain(`verified ${passing.digest}: PASSED`)
    const failed = await cli([
      'verify',
      failing.image,
      '--key',
      publicKeyFile,
      '--ca-file',
      registry.certs.caFile,
      '--require-result',
      'PASSED'
    ])
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('its result is FAILED, required PASSED')
  })

  it('rejects another key', async () => {
    const run = await cli([
      'verify',
      passing.image,
      '--key',
      otherPublicKeyFile,
      '--ca-file',
      registry.certs.caFile
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no signature verifies with the given key')
    expect(
      cosignVerify(`${registry.host}/attest/compliant@${passing.digest}`, otherPublicKeyFile).status
    ).not.toBe(0)
  })

  it('rejects a bundle whose subject is another digest', async () => {
    const bundle = join(passing.out, 'attestation.sigstore.json')
    const run = await cli([
      'verify',
      `${registry.host}/attest/violations@${failing.digest}`,
      '--bundle',
      bundle,
      '--key',
      publicKeyFile
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`its subject is not ${failing.digest}`)
  })

  it('rejects a tampered payload', async () => {
    const bundlePath = join(passing.out, 'attestation.sigstore.json')
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as {dsseEnvelope: {payload: string}}
    const statement = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    const forged = join(dirs.dir, 'forged.sigstore.json')
    bundle.dsseEnvelope.payload = Buffer.from(statement.replace('"PASSED"', '"PASSED" ')).toString(
      'base64'
    )
    writeFileSync(forged, JSON.stringify(bundle))
    const run = await cli([
      'verify',
      `${registry.host}/attest/compliant@${passing.digest}`,
      '--bundle',
      forged,
      '--key',
      publicKeyFile
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('no signature verifies with the given key')
  })

  it('rejects an attestation older than --max-age', async () => {
    const results = JSON.parse(readFileSync(join(passing.out, 'results.json'), 'utf8')) as {
      endTime: string
    }
    results.endTime = '2020-01-01T00:00:00+00:00'
    const old = join(dirs.dir, 'old-results.json')
    writeFileSync(old, JSON.stringify(results))
    const out = join(dirs.dir, 'old')
    execFileSync('mkdir', ['-p', out])
    const attest = await cli([
      'attest',
      old,
      `${registry.host}/attest/compliant@${passing.digest}`,
      '--key',
      keyFile,
      '--no-upload',
      '--out',
      out
    ])
    expect(attest.code, attest.stderr).toBe(0)
    const run = await cli([
      'verify',
      `${registry.host}/attest/compliant@${passing.digest}`,
      '--bundle',
      join(out, 'attestation.sigstore.json'),
      '--key',
      publicKeyFile,
      '--max-age',
      '7d'
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('older than the maximum age')
  })

  it('refuses to attest a digest other than the scanned one', async () => {
    const run = await cli([
      'attest',
      join(passing.out, 'results.json'),
      `${registry.host}/attest/compliant@${failing.digest}`,
      '--key',
      keyFile,
      '--no-upload'
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`the scanned digest ${passing.digest}`)
  })

  it('never writes the private key or its passphrase anywhere', async () => {
    const keyBody = readFileSync(keyFile, 'utf8').split('\n').slice(1, -2).join('')
    const run = await cli([
      'attest',
      join(failing.out, 'results.json'),
      failing.image,
      '--key',
      keyFile,
      '--ca-file',
      registry.certs.caFile
    ])
    for (const text of [run.stdout, run.stderr, ...readAllOutputs(failing.out).map(f => f.text)]) {
      expect(text).not.toContain(passphrase)
      expect(text).not.toContain(keyBody.slice(0, 40))
      expect(text).not.toContain(registry.password)
    }
  })
})
