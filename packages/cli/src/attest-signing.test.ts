import {generateKeyPairSync} from 'node:crypto'
import {
  ConfigurationError,
  firstGiven,
  optionsFromEnvironment,
  optionsFromFlags
} from '@scapgate/core'
import {describe, expect, it} from 'vitest'
import type {CliIo} from './command.js'
import {scanAttestSettings} from './attest-signing.js'

const pem = generateKeyPairSync('ec', {namedCurve: 'P-256'})
  .privateKey.export({type: 'pkcs8', format: 'pem'})
  .toString()

async function settings(flags: Record<string, unknown>, env: Record<string, string>) {
  const io = {env, cwd: '/nonexistent'} as unknown as CliIo
  return scanAttestSettings(firstGiven(optionsFromFlags(flags), optionsFromEnvironment(env)), io)
}

describe("scan's signing settings from flags and SCAPGATE_* variables", () => {
  it('is off without attestation, also with the variables the GitLab component always sets', async () => {
    expect(
      await settings(
        {},
        {SCAPGATE_ATTEST: 'false', SCAPGATE_ATTEST_KEY: '', SCAPGATE_KEYLESS: 'false'}
      )
    ).toBeUndefined()
  })

  it('reads the key through the reference the GitLab component passes ($NAME)', async () => {
    const env = {SCAPGATE_ATTEST: 'true', SCAPGATE_ATTEST_KEY: '$SIGNING_KEY', SIGNING_KEY: pem}
    const attest = await settings({}, env)
    expect(attest?.key).toHaveProperty('keyId')
  })

  it.each([
    [
      {},
      {SCAPGATE_ATTEST_KEY: 'key.pem'},
      'Expected `SCAPGATE_ATTEST_KEY` only with `SCAPGATE_ATTEST=true`'
    ],
    [{keyless: true}, {}, 'Expected `--keyless` only with `--attest`'],
    [
      {attest: true},
      {},
      'Expected `--attest-key FILE|env://NAME|$NAME` or `--keyless`, got neither'
    ],
    [
      {attest: true, 'attest-key': 'k.pem'},
      {SCAPGATE_KEYLESS: 'true'},
      'Expected `--attest-key` or `SCAPGATE_KEYLESS`, got both'
    ],
    [
      {attest: true, 'attest-key': 'k.pem'},
      {SCAPGATE_REKOR_URL: 'https://rekor.example'},
      'Expected `SCAPGATE_REKOR_URL` only with `--keyless`'
    ]
  ])('refuses %j with %j, naming the options as given', async (flags, env, message) => {
    await expect(settings(flags, env)).rejects.toThrow(new ConfigurationError(message))
  })

  it('refuses the key itself in SCAPGATE_ATTEST_KEY without showing it', async () => {
    const error = await settings({}, {SCAPGATE_ATTEST: 'true', SCAPGATE_ATTEST_KEY: pem}).catch(
      (e: unknown) => e
    )
    expect((error as Error).message).toMatch(
      /^Expected `SCAPGATE_ATTEST_KEY` to name the signing key/
    )
    expect((error as Error).message).not.toContain(pem.split('\n')[1])
  })
})
