/**
 * cosign's encrypted key envelope, checked against the known-answer vectors of the reference
 * implementation (secure-systems-lab/go-securesystemslib `encrypted`: "reallyimportant" under
 * "supersecret" at each scrypt strength, as its `Unmarshal` reads them) and against tampering and hostile parameters. The
 * end-to-end case (a key from Debian's `cosign generate-key-pair`, verified by cosign) is in
 * test/integration/attestations.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {decryptCosignKey, isCosignEncryptedKey} from './cosign-encrypted-key.js'

const vectors = {
  legacy:
    '{"kdf":{"name":"scrypt","params":{"N":32768,"r":8,"p":1},"salt":"WO3mVvyTwJ9vwT5/Tk5OW5WPIBUofMjcpEfrLnfY4uA="},"cipher":{"name":"nacl/secretbox","nonce":"tCy7HcTFr4uxv4Nrg/DWmncuZ148U1MX"},"ciphertext":"08n43p5G5yviPEZpO7tPPF4aZQkWiWjkv4taFdhDBA0tamKH4nw="}',
  standard:
    '{"kdf":{"name":"scrypt","params":{"N":65536,"r":8,"p":1},"salt":"FhzPOt9/bJG4PTq6lQ6ecG6GzaOuOy/ynG5+yRiFlNs="},"cipher":{"name":"nacl/secretbox","nonce":"aw1ng1jHaDz/tQ7V2gR9O2+IGQ8xJEuE"},"ciphertext":"HycvuLZL4sYH0BrYTh4E/H20VtAW6u5zL5Pr+IBjYLYnCPzDkq8="}',
  owasp:
    '{"kdf":{"name":"scrypt","params":{"N":131072,"r":8,"p":1},"salt":"m38E3kouJTtiheLQN22NQ8DTito5hrjpUIskqcd375k="},"cipher":{"name":"nacl/secretbox","nonce":"Y6PM13yA+o44pE/W1ZBwczeGnTV/m9Zc"},"ciphertext":"6H8sqj1K6B6yDjtH5AQ6lbFigg/C2yDDJc4rYJ79w9aVPImFIPI="}'
}

/** The vectors are of `Marshal`, which encrypts the JSON of the bytes (a base64 string). */
function unmarshal(plain: Buffer): string {
  return Buffer.from(JSON.parse(plain.toString('utf8')) as string, 'base64').toString('utf8')
}

function pem(json: string, type = 'ENCRYPTED SIGSTORE PRIVATE KEY'): string {
  const body = Buffer.from(json)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
  return `-----BEGIN ${type}-----\n${body}\n-----END ${type}-----\n`
}

describe('decryptCosignKey', () => {
  it('opens the reference implementation vectors at every scrypt strength', async () => {
    for (const [name, json] of Object.entries(vectors)) {
      const plain = await decryptCosignKey(pem(json), 'supersecret', name)
      expect(unmarshal(plain), name).toBe('reallyimportant')
    }
  })

  it('reads the cosign < 2 PEM type too', async () => {
    const key = pem(vectors.legacy, 'ENCRYPTED COSIGN PRIVATE KEY')
    expect(isCosignEncryptedKey(key)).toBe(true)
    expect(unmarshal(await decryptCosignKey(key, 'supersecret', 'k'))).toBe('reallyimportant')
  })

  it('refuses a wrong password without echoing it', async () => {
    const error = await decryptCosignKey(pem(vectors.legacy), 'CANARY-wrong', 'k.key').catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain('Expected COSIGN_PASSWORD to decrypt the cosign key')
    expect((error as Error).message).not.toContain('CANARY')
  })

  it('refuses a tampered ciphertext', async () => {
    const envelope = JSON.parse(vectors.legacy) as {ciphertext: string}
    const bytes = Buffer.from(envelope.ciphertext, 'base64')
    bytes[0] = (bytes[0] ?? 0) ^ 0xff
    envelope.ciphertext = bytes.toString('base64')
    await expect(
      decryptCosignKey(pem(JSON.stringify(envelope)), 'supersecret', 'k')
    ).rejects.toThrow('it does not (a wrong password, or a damaged key)')
  })

  it('refuses scrypt parameters the format does not define (no memory exhaustion)', async () => {
    const hostile = vectors.legacy.replace('"N":32768', '"N":1073741824')
    await expect(decryptCosignKey(pem(hostile), 'supersecret', 'k')).rejects.toThrow(
      'to use scrypt with N of 32768, 65536, 131072, r = 8, p = 1'
    )
  })

  it('refuses another cipher and a nonce of the wrong length', async () => {
    await expect(
      decryptCosignKey(pem(vectors.legacy.replace('nacl/secretbox', 'aes')), 's', 'k')
    ).rejects.toThrow('encrypted with scrypt and nacl/secretbox')
    await expect(
      decryptCosignKey(
        pem(vectors.legacy.replace('tCy7HcTFr4uxv4Nrg/DWmncuZ148U1MX', 'AAAA')),
        's',
        'k'
      )
    ).rejects.toThrow('the nonce in the cosign key k to be 24 bytes')
  })
})
