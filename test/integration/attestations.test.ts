/**
 * Signed compliance attestations end to end, against a real registry (Debian's docker-registry,
 * TLS + htpasswd) and a real independent verifier (Debian's cosign): a failing image gets a
 * FAILED attestation and a compliant one a PASSED attestation, both attached where cosign looks
 * and both verified by `cosign verify-attestation` and `scapgate verify`; every tampering case is
 * rejected; no key material or passphrase reaches any output.
 */
import {execFileSync, spawnSync} from 'node:child_process'
import {readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureCosign} from '../support/cosign.js'
import {startRegistry, type TestRegistry} from '../support/registry.js'
import {runCli, repoRoot, type CliRun} from '../support/run-cli.js'
import {debian11Base, readAllOutputs, scanDirs, writeImage} from '../support/scan-fixtures.js'
import {dpkgStatus} from '../fixtures/images/sample-app/spec.js'

const testResultType = 'https://in-toto.io/attestation/test-result/v0.1'
const vulnsType = 'https://in-toto.io/attestation/vulns/v0.2'
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
function cosignVerify(image: string, key: string, type = testResultType) {
  return spawnSync(
    cosign,
    ['verify-attestation', '--key', key, '--insecure-ignore-tlog', '--type', type, image],
    {encoding: 'utf8', env: {...env, SSL_CERT_FILE: registry.certs.caFile, DOCKER_CONFIG: dirs.dir}}
  )
}

function decodedStatements(cosignStdout: string): {predicateType: string; predicate: unknown}[] {
  return cosignStdout
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(
      line =>
        JSON.parse(
          Buffer.from((JSON.parse(line) as {payload: string}).payload, 'base64').toString('utf8')
        ) as {predicateType: string; predicate: unknown}
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

/** `scan --attest`: the verdict is signed and attached by the scan itself. */
async function scanWithAttest(name: string, archive: string, extra: string[] = []) {
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
    '--attest',
    '--attest-key',
    'env://SCAPGATE_TEST_SIGNING_KEY',
    ...extra
  ])
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
    image: {manifestDigest: string}
  }
  return {scanned: {image, digest: results.image.manifestDigest, out}, run: scan}
}

let failing: Scanned
let failingScan: CliRun
let passing: Scanned
let vulnerable: Scanned
let vulnerableScan: CliRun

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
    SCAPGATE_REGISTRY_PASSWORD: registry.password,
    SCAPGATE_TEST_SIGNING_KEY: readFileSync(keyFile, 'utf8'),
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '42'
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
  ;({scanned: failing, run: failingScan} = await scanWithAttest('violations', sampleTar))
  // bullseye with telnetd 0.17-42, older than the 0.17-43 that fixes CVE-2020-10188 in the feed.
  const feed = join(dirs.dir, 'feed.xml')
  writeFileSync(
    feed,
    readFileSync(join(repoRoot, 'test/fixtures/feeds/debian-bullseye-excerpt.xml'), 'utf8').replace(
      /<oval:timestamp>[^<]*</,
      `<oval:timestamp>${new Date().toISOString().slice(0, 19)}<`
    )
  )
  const telnetd = [
    {
      name: 'var/lib/dpkg/status',
      content: dpkgStatus([
        ['base-files', '11.1+deb11u11'],
        ['debianutils', '4.11.2'],
        ['libc6', '2.31-13+deb11u11'],
        ['login', '1:4.8.1-1'],
        ['passwd', '1:4.8.1-1'],
        ['tzdata', '2024a-0+deb11u1'],
        ['telnetd', '0.17-42']
      ])
    }
  ]
  ;({scanned: vulnerable, run: vulnerableScan} = await scanWithAttest(
    'vulnerable',
    writeImage(dirs.dir, 'vulnerable', [debian11Base, telnetd]),
    ['--cves', '--feed', feed]
  ))
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

describe('scapgate scan --attest', () => {
  it('signs a failed gate FAILED, attaches it, and writes the bundle into the output set', () => {
    expect(failingScan.code, failingScan.stderr).toBe(1)
    expect(failingScan.stderr).toContain(`attested ${failing.digest} as FAILED`)
    const bundle = JSON.parse(
      readFileSync(join(failing.out, 'attestation.sigstore.json'), 'utf8')
    ) as {dsseEnvelope: {payload: string}}
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    ) as {subject: {name: string; digest: {sha256: string}}[]; predicate: {url: string}}
    expect(statement.subject).toEqual([
      {name: `${registry.host}/attest/violations`, digest: {sha256: failing.digest.slice(7)}}
    ])
    expect(statement.predicate.url).toBe('https://github.example/acme/app/actions/runs/42')
    // No staging directory or temporary file is left beside the set.
    expect(readdirSync(failing.out).filter(name => name.startsWith('.'))).toEqual([])
  })

  it('with --cves also attests the findings (vulns v0.2), both verified by cosign', () => {
    expect(vulnerableScan.code, vulnerableScan.stderr).toBe(1)
    const image = `${registry.host}/attest/vulnerable@${vulnerable.digest}`
    const compliance = cosignVerify(image, publicKeyFile)
    expect(compliance.status, compliance.stderr).toBe(0)
    expect(decodedPredicates(compliance.stdout).map(p => p.result)).toEqual(['FAILED'])
    const vulns = cosignVerify(image, publicKeyFile, vulnsType)
    expect(vulns.status, vulns.stderr).toBe(0)
    const statements = decodedStatements(vulns.stdout)
    expect(statements.map(s => s.predicateType)).toEqual([vulnsType])
    const predicate = statements[0]?.predicate as {
      scanner: {uri: string; result: {id: string; annotations: Record<string, string>[]}[]}
      metadata: {scanStartedOn: string; scanFinishedOn: string}
    }
    const results = JSON.parse(readFileSync(join(vulnerable.out, 'results.json'), 'utf8')) as {
      cves: {findings: {id: string}[]}
    }
    expect(results.cves.findings.map(f => f.id)).toContain('CVE-2020-10188')
    expect(predicate.scanner.result.map(r => r.id)).toEqual(results.cves.findings.map(f => f.id))
    const telnet = predicate.scanner.result.find(r => r.id === 'CVE-2020-10188')
    expect(telnet?.annotations).toContainEqual({package: 'telnetd'})
    expect(telnet?.annotations).toContainEqual({installedVersion: '0.17-42'})
    expect(Date.parse(predicate.metadata.scanFinishedOn)).toBeGreaterThanOrEqual(
      Date.parse(predicate.metadata.scanStartedOn)
    )
    expect(readFileSync(join(vulnerable.out, 'attestation-vulns.sigstore.json'), 'utf8')).toContain(
      'dsseEnvelope'
    )
  })

  it('refuses --attest for an image without a manifest digest before scanning', async () => {
    const run = await cli([
      'scan',
      `docker-archive:${sampleTar}`,
      '--out',
      dirs.out('no-digest'),
      '--attest',
      '--attest-key',
      keyFile
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Expected an image with a manifest digest for `--attest`')
  })
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

  it("signs with a key from Debian's cosign generate-key-pair (COSIGN_PASSWORD), verified by cosign", async () => {
    const keyDir = join(dirs.dir, 'cosign-keys')
    execFileSync('mkdir', ['-p', keyDir])
    const cosignPassword = `CANARY-COSIGN-PW-${process.pid}`
    execFileSync(cosign, ['generate-key-pair'], {
      cwd: keyDir,
      env: {PATH: env.PATH, HOME: keyDir, COSIGN_PASSWORD: cosignPassword},
      stdio: 'pipe'
    })
    const cosignKey = readFileSync(join(keyDir, 'cosign.key'), 'utf8')
    expect(cosignKey).toContain('-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----')
    // The failing image, copied registry to registry (same digest) into a repository of its own.
    registry.push(
      `docker://${registry.host}/attest/violations@${failing.digest}`,
      'attest/cosign-key:1',
      [
        '--src-cert-dir',
        registry.certs.certDir,
        '--src-creds',
        `${registry.username}:${registry.password}`
      ]
    )
    const image = `${registry.host}/attest/cosign-key@${failing.digest}`
    const wrong = await runCli(
      [
        'attest',
        join(failing.out, 'results.json'),
        image,
        '--key',
        join(keyDir, 'cosign.key'),
        '--no-upload',
        '--out',
        keyDir
      ],
      {env: {...env, COSIGN_PASSWORD: 'not-the-password'}, cwd: dirs.dir}
    )
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('Expected COSIGN_PASSWORD to decrypt the cosign key')
    const run = await runCli(
      [
        'attest',
        join(failing.out, 'results.json'),
        image,
        '--key',
        join(keyDir, 'cosign.key'),
        '--ca-file',
        registry.certs.caFile,
        '--out',
        keyDir
      ],
      {env: {...env, COSIGN_PASSWORD: cosignPassword}, cwd: dirs.dir}
    )
    expect(run.code, run.stderr).toBe(0)
    const verified = cosignVerify(image, join(keyDir, 'cosign.pub'))
    expect(verified.status, verified.stderr).toBe(0)
    expect(decodedPredicates(verified.stdout).map(p => p.result)).toEqual(['FAILED'])
    for (const text of [
      run.stdout,
      run.stderr,
      wrong.stdout,
      wrong.stderr,
      readFileSync(join(keyDir, 'attestation.sigstore.json'), 'utf8')
    ]) {
      expect(text).not.toContain(cosignPassword)
      expect(text).not.toContain(cosignKey.split('\n')[1])
    }
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
    for (const text of [
      run.stdout,
      run.stderr,
      failingScan.stdout,
      failingScan.stderr,
      vulnerableScan.stdout,
      vulnerableScan.stderr,
      ...readAllOutputs(failing.out).map(f => f.text),
      ...readAllOutputs(vulnerable.out).map(f => f.text)
    ]) {
      expect(text).not.toContain(passphrase)
      expect(text).not.toContain(keyBody.slice(0, 40))
      expect(text).not.toContain(registry.password)
    }
  })
})
