/**
 * Keyless signing end to end against the Sigstore project's mock Fulcio and Rekor
 * (`@sigstore/mock`, served on 127.0.0.1) with an OIDC token minted for the test, through the
 * built CLI: `scan --attest --keyless` on an image in a local TLS registry. The bundle carries a
 * certificate the mock Fulcio issued for the token's identity and a Rekor entry; the DSSE
 * signature verifies with that certificate's key; the attached layer carries the certificate and
 * the Rekor bundle where cosign looks; the token appears in no output.
 */
import {spawnSync} from 'node:child_process'
import {X509Certificate, createPublicKey, createVerify} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeCompliantImage} from '../support/adapter-fixtures.js'
import {ensureCosign} from '../support/cosign.js'
import {startRegistry, type TestRegistry} from '../support/registry.js'
import {runCli, type CliRun} from '../support/run-cli.js'
import {readAllOutputs, scanDirs} from '../support/scan-fixtures.js'
import {mintIdentityToken, startSigstoreMock, type SigstoreMock} from '../support/sigstore-mock.js'

const identity = 'https://github.com/acme/app/.github/workflows/scan.yml@refs/heads/main'
const issuer = 'https://token.actions.githubusercontent.com'
const dirs = scanDirs('scapgate-keyless')
let registry: TestRegistry
let mock: SigstoreMock
let token: string
let scan: CliRun
let out: string

interface Bundle {
  verificationMaterial: {
    certificate?: {rawBytes: string}
    tlogEntries: {logId: {keyId: string}; inclusionPromise?: {signedEntryTimestamp: string}}[]
  }
  dsseEnvelope: {payload: string; payloadType: string; signatures: {sig: string}[]}
}

beforeAll(async () => {
  registry = await startRegistry()
  mock = await startSigstoreMock()
  token = mintIdentityToken({iss: issuer, sub: identity})
  registry.push(`docker-archive:${writeCompliantImage(dirs.dir)}`, 'keyless/app:1')
  out = dirs.out('keyless')
  scan = await runCli(
    [
      'scan',
      `${registry.host}/keyless/app:1`,
      '--ca-file',
      registry.certs.caFile,
      '--out',
      out,
      '--fail-on',
      'never',
      '--attest',
      '--keyless',
      '--fulcio-url',
      mock.url,
      '--rekor-url',
      mock.url
    ],
    {
      cwd: dirs.dir,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: dirs.dir,
        SIGSTORE_ID_TOKEN: token,
        SCAPGATE_REGISTRY_USERNAME: registry.username,
        SCAPGATE_REGISTRY_PASSWORD: registry.password
      }
    }
  )
}, 600_000)

afterAll(async () => {
  await registry?.stop()
  await mock?.stop()
  dirs.cleanup()
})

describe('scan --attest --keyless against the Sigstore mock services', () => {
  it('signs with a Fulcio certificate for the token identity, witnessed by Rekor', () => {
    expect(scan.code, scan.stderr).toBe(0)
    expect(mock.requests).toEqual(['/api/v2/signingCert', '/api/v1/log/entries'])
    const bundle = JSON.parse(
      readFileSync(join(out, 'attestation.sigstore.json'), 'utf8')
    ) as Bundle
    const raw = bundle.verificationMaterial.certificate?.rawBytes
    expect(raw).toBeDefined()
    const certificate = new X509Certificate(Buffer.from(raw ?? '', 'base64'))
    // issued by the mock Fulcio's root, for the token's subject and issuer
    expect(certificate.verify(new X509Certificate(mock.fulcioRoot).publicKey)).toBe(true)
    expect(certificate.subjectAltName).toBe(`URI:${identity}`)
    expect(certificate.raw.includes(Buffer.from(issuer))).toBe(true)
    // the DSSE signature verifies with the certificate's key over the pre-authentication encoding
    const {payload, payloadType, signatures} = bundle.dsseEnvelope
    const body = Buffer.from(payload, 'base64')
    const pae = Buffer.concat([
      Buffer.from(`DSSEv1 ${payloadType.length} ${payloadType} ${body.length} `),
      body
    ])
    const verifier = createVerify('sha256').update(pae)
    expect(
      verifier.verify(certificate.publicKey, Buffer.from(signatures[0]?.sig ?? '', 'base64'))
    ).toBe(true)
    // one entry in the mock Rekor, with its signed entry timestamp
    const [entry] = bundle.verificationMaterial.tlogEntries
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1)
    expect(entry?.inclusionPromise?.signedEntryTimestamp).toBeTruthy()
    const statement = JSON.parse(body.toString('utf8')) as {predicate: {result: string}}
    expect(statement.predicate.result).toMatch(/^(PASSED|WARNED)$/)
  })

  it("is verified by Debian's cosign with the identity, the issuer and the mock roots", () => {
    const rootPem = join(dirs.dir, 'fulcio-root.pem')
    writeFileSync(rootPem, new X509Certificate(mock.fulcioRoot).toString())
    const rekorPem = join(dirs.dir, 'rekor.pub')
    writeFileSync(
      rekorPem,
      createPublicKey({key: mock.rekorPublicKey, format: 'der', type: 'spki'})
        .export({format: 'pem', type: 'spki'})
        .toString()
    )
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
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
      image: {manifestDigest: string}
    }
    const cosign = (expected: string) =>
      spawnSync(
        ensureCosign(),
        [
          'verify-attestation',
          '--certificate-identity',
          expected,
          '--certificate-oidc-issuer',
          issuer,
          '--insecure-ignore-sct',
          '--type',
          'https://in-toto.io/attestation/test-result/v0.1',
          `${registry.host}/keyless/app@${results.image.manifestDigest}`
        ],
        {
          encoding: 'utf8',
          timeout: 120_000,
          env: {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: dirs.dir,
            DOCKER_CONFIG: dirs.dir,
            SSL_CERT_FILE: registry.certs.caFile,
            SIGSTORE_ROOT_FILE: rootPem,
            SIGSTORE_REKOR_PUBLIC_KEY: rekorPem,
            TUF_ROOT: join(dirs.dir, 'tuf')
          }
        }
      )
    const run = cosign(identity)
    expect(run.status, `${run.stderr}\n${run.stdout}`).toBe(0)
    const payload = (JSON.parse(run.stdout.split('\n')[0] ?? '{}') as {payload?: string}).payload
    expect(Buffer.from(payload ?? '', 'base64').toString('utf8')).toContain('test-result/v0.1')
    // another workflow's identity is refused
    const other = cosign('https://github.com/evil/app/.github/workflows/scan.yml@refs/heads/main')
    expect(other.status).not.toBe(0)
    expect(other.stderr).toContain('none of the expected identities matched')
  })

  it('never writes the OIDC token anywhere', () => {
    const signature = token.split('.')[2] ?? ''
    for (const text of [scan.stdout, scan.stderr, ...readAllOutputs(out).map(f => f.text)]) {
      expect(text).not.toContain(token)
      expect(text).not.toContain(signature)
    }
  })

  it('refuses --keyless without an identity token, naming both CI ways', async () => {
    const run = await runCli(
      [
        'attest',
        join(out, 'results.json'),
        `${registry.host}/keyless/app:1`,
        '--keyless',
        '--no-upload',
        '--out',
        dirs.dir,
        '--fulcio-url',
        mock.url,
        '--rekor-url',
        mock.url
      ],
      {cwd: dirs.dir, env: {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dirs.dir}}
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Expected an OIDC identity token for keyless signing')
  })
})
