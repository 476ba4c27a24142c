/**
 * The built action (`dist/action/index.js`) under Node 24 with `attest: true`: the `attest` and
 * `attest-key` inputs reach the core, a failed gate gets a FAILED attestation on the scanned
 * digest (an OCI archive: written into the artifact, not attached), and neither the key nor its
 * passphrase reaches the log except in the mask commands. Build first: `node scripts/build.mjs`.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it, onTestFailed} from 'vitest'
import {FakeGitHub} from '../support/github-api.js'
import {FakeRuntime} from '../support/github-api-runtime.js'
import {writeFailingImage} from './images.js'
import {runAction} from './run-action.js'

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'scapgate-action-attest-'))
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('the GitHub Action bundle with attest: true', () => {
  it('signs the failed verdict with the attest-key input and never logs the key', async () => {
    const api = new FakeGitHub({})
    await api.start()
    const runtime = new FakeRuntime()
    await runtime.start()
    try {
      const ws = join(root, 'ws')
      mkdirSync(ws)
      const archive = writeFailingImage(ws, 'docker')
      execFileSync('skopeo', [
        'copy',
        '-q',
        `docker-archive:${archive}`,
        `oci-archive:${join(ws, 'app.oci.tar')}`
      ])
      const passphrase = `CANARY-ACTION-KEYPASS-${process.pid}`
      const keyFile = join(root, 'key.pem')
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
      const pem = readFileSync(keyFile, 'utf8')
      const result = await runAction({
        workspace: ws,
        event: 'push',
        apiUrl: api.url,
        inputs: {
          image: 'oci-archive:app.oci.tar',
          baseline: 'none',
          token: '',
          attest: 'true',
          'attest-key': pem
        },
        env: {...runtime.env(), COSIGN_PASSWORD: passphrase}
      })
      onTestFailed(() => console.log(`exit ${result.code}\n${result.stdout}\n${result.stderr}`))
      expect(result.code).toBe(1)
      expect(result.outputs.verdict).toBe('fail')
      const out = join(ws, '.runner-temp', 'scapgate-out')
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as {
        image: {manifestDigest: string}
      }
      const bundle = JSON.parse(readFileSync(join(out, 'attestation.sigstore.json'), 'utf8')) as {
        dsseEnvelope: {payload: string}
      }
      const statement = JSON.parse(
        Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
      ) as {subject: {digest: {sha256: string}}[]; predicate: {result: string; url: string}}
      expect(statement.subject[0]?.digest.sha256).toBe(results.image.manifestDigest.slice(7))
      expect(statement.predicate.result).toBe('FAILED')
      expect(statement.predicate.url).toMatch(/^https:\/\/github\.com\/octo\/app\/actions\/runs\//)
      // The passphrase and every line of the key are masked first and appear nowhere else.
      const keyLines = pem.split('\n').filter(line => line !== '' && !line.startsWith('-----'))
      const lines = result.stdout.split('\n')
      for (const secret of [passphrase, ...keyLines]) {
        expect(lines.filter(line => line.includes(secret))).toEqual([`::add-mask::${secret}`])
        expect(result.stderr).not.toContain(secret)
        expect(JSON.stringify(bundle)).not.toContain(secret)
      }
    } finally {
      await api.stop()
      await runtime.stop()
    }
  }, 600_000)
})
