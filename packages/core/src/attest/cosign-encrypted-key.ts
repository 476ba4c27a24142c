/**
 * cosign's own private key format (`cosign generate-key-pair`): a PEM block `ENCRYPTED SIGSTORE
 * PRIVATE KEY` (cosign < 2: `ENCRYPTED COSIGN PRIVATE KEY`) whose body is a JSON envelope from
 * secure-systems-lab's `encrypted` package:
 *
 *   {"kdf": {"name": "scrypt", "params": {"N", "r", "p"}, "salt": base64},
 *    "cipher": {"name": "nacl/secretbox", "nonce": base64 (24 bytes)},
 *    "ciphertext": base64}
 *
 * The 32-byte secretbox key is scrypt(password, salt, N, r, p); the plaintext is the private key
 * as PKCS#8 DER. The password is cosign's COSIGN_PASSWORD (empty is allowed, as cosign allows).
 *
 * No primitive is written here: scrypt is Node's (OpenSSL), XSalsa20-Poly1305 is tweetnacl's
 * audited `secretbox.open`. Only the scrypt parameter sets that format defines are accepted (its
 * Legacy, Standard and OWASP strengths), so a hostile file cannot ask for gigabytes of memory.
 * Nothing here logs or returns the password or the key bytes in a message.
 */
import {scrypt} from 'node:crypto'
import nacl from 'tweetnacl'
import {ConfigurationError} from '../errors.js'
import {isRecord} from '../image/descriptor.js'

const pemTypes = ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY']

/** The scrypt strengths of secure-systems-lab's `encrypted` package: r = 8, p = 1. */
const allowedN = [32768, 65536, 131072]

export function isCosignEncryptedKey(pem: string): boolean {
  return pemTypes.some(type => pem.includes(`-----BEGIN ${type}-----`))
}

function base64Field(value: unknown, what: string, source: string, length?: number): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value))
    throw new ConfigurationError(`Expected ${what} in the cosign key ${source} to be base64`)
  const bytes = Buffer.from(value, 'base64')
  if (length !== undefined && bytes.length !== length)
    throw new ConfigurationError(
      `Expected ${what} in the cosign key ${source} to be ${length} bytes, found ${bytes.length}`
    )
  return bytes
}

function deriveKey(password: string, salt: Buffer, N: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128 · N · r bytes: 128 MiB at the strongest allowed N; Node's default cap is 32 MiB.
    scrypt(password, salt, 32, {N, r: 8, p: 1, maxmem: 256 * 1024 * 1024}, (error, key) => {
      if (error === null) resolve(key)
      else reject(error)
    })
  })
}

/**
 * The PKCS#8 DER private key inside a cosign encrypted key. Throws a ConfigurationError for a
 * malformed envelope, unsupported parameters, or a wrong password (secretbox authentication
 * fails: the two cannot be told apart, and the message says so).
 */
export async function decryptCosignKey(
  pem: string,
  password: string,
  source: string
): Promise<Buffer> {
  const type = pemTypes.find(t => pem.includes(`-----BEGIN ${t}-----`))
  const body =
    type === undefined
      ? undefined
      : new RegExp(`-----BEGIN ${type}-----([A-Za-z0-9+/=\\s]+)-----END ${type}-----`).exec(pem)
  if (body?.[1] === undefined)
    throw new ConfigurationError(`Expected ${source} to hold one cosign encrypted key PEM block`)
  let envelope: unknown
  try {
    envelope = JSON.parse(Buffer.from(body[1].replace(/\s+/g, ''), 'base64').toString('utf8'))
  } catch {
    throw new ConfigurationError(`Expected the cosign key ${source} to hold a JSON envelope`)
  }
  const kdf = isRecord(envelope) ? envelope.kdf : undefined
  const cipher = isRecord(envelope) ? envelope.cipher : undefined
  const params = isRecord(kdf) ? kdf.params : undefined
  if (
    !isRecord(envelope) ||
    !isRecord(kdf) ||
    !isRecord(cipher) ||
    !isRecord(params) ||
    kdf.name !== 'scrypt' ||
    cipher.name !== 'nacl/secretbox'
  )
    throw new ConfigurationError(
      `Expected the cosign key ${source} to be encrypted with scrypt and nacl/secretbox`
    )
  if (
    typeof params.N !== 'number' ||
    !allowedN.includes(params.N) ||
    params.r !== 8 ||
    params.p !== 1
  )
    throw new ConfigurationError(
      `Expected the cosign key ${source} to use scrypt with N of ${allowedN.join(', ')}, r = 8, p = 1; found other parameters`
    )
  const salt = base64Field(kdf.salt, 'the salt', source)
  const nonce = base64Field(cipher.nonce, 'the nonce', source, nacl.secretbox.nonceLength)
  const ciphertext = base64Field(envelope.ciphertext, 'the ciphertext', source)
  const key = await deriveKey(password, salt, params.N)
  const plaintext = nacl.secretbox.open(ciphertext, nonce, key)
  key.fill(0)
  if (plaintext === null)
    throw new ConfigurationError(
      `Expected COSIGN_PASSWORD to decrypt the cosign key ${source}: it does not (a wrong password, or a damaged key)`
    )
  return Buffer.from(plaintext)
}
