/**
 * Key-based signing for attestations: an ECDSA P-256 private key in PKCS#8 PEM (optionally
 * encrypted, with its passphrase), as `openssl genpkey -algorithm EC -pkeyopt
 * ec_paramgen_curve:P-256` writes it, or in cosign's encrypted format (`cosign
 * generate-key-pair`). Signatures are made by Node's crypto (OpenSSL); the
 * Sigstore libraries package them. Nothing here logs or returns the key or its passphrase.
 */
import {createHash, createPrivateKey, createPublicKey, sign, type KeyObject} from 'node:crypto'
import type {Signature, Signer, Witness} from '@sigstore/sign'
import {ConfigurationError} from '../errors.js'
import {readUserText} from '../io/read-user-file.js'
import {decryptCosignKey, isCosignEncryptedKey} from './cosign-encrypted-key.js'

/** What signs a statement: a signer, and the witnesses (Rekor) that keyless signing adds. */
export interface Signing {
  signer: Signer
  witnesses?: Witness[]
}

export interface SigningKey extends Signing {
  /** The public key, SPKI PEM: what verifiers are given. */
  publicKeyPem: string
  /** sha256 of the DER public key, hex: the bundle's key hint. */
  keyId: string
}

/**
 * The key in `path`; `passphrase` for an encrypted PKCS#8 key (`ENCRYPTED PRIVATE KEY`).
 * `display` names the file in messages instead of its path (`the file in $NAME`).
 */
export async function loadSigningKey(
  path: string,
  passphrase?: string,
  display?: string
): Promise<SigningKey> {
  const pem = await readUserText({
    path,
    ...(display === undefined ? {} : {display}),
    kind: 'signingKey',
    origin: 'command-line'
  })
  return await signingKeyFromPem(pem, display ?? path, passphrase)
}

/**
 * `--key`/`--attest-key`: a PEM file, `env://NAME` for a key held in an environment variable
 * (cosign's convention: a CI secret never written to disk), or `$NAME`/`${NAME}`, a reference as
 * the GitLab component passes its `attest_key` input (unexpanded, as data): a variable holding the
 * key is read as `env://NAME`, any other value (a file-type variable) as the key file's path. The
 * key itself is refused, unshown: a message would otherwise carry it as a path. `env` is the
 * caller's environment.
 */
export async function loadSigningKeyFrom(
  spec: string,
  env: Readonly<Record<string, string | undefined>>,
  resolvePath: (path: string) => string
): Promise<SigningKey> {
  if (/-----BEGIN|[\r\n]/.test(spec))
    throw new ConfigurationError(
      `Expected the signing key as a file, env://NAME or $NAME, got the key itself (${spec.length} characters, not shown): keep it in a secret variable and name that`
    )
  const reference = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(spec)
  if (reference !== null) {
    const name = reference[1] ?? reference[2] ?? ''
    const value = env[name]?.trim() ?? ''
    if (value === '')
      throw new ConfigurationError(
        `Expected the variable $${name} to hold the signing key or its file, found it unset or empty`
      )
    // A variable holding the key; otherwise a file-type variable: the key file's path.
    return value.startsWith('-----BEGIN')
      ? loadSigningKeyFrom(`env://${name}`, env, resolvePath)
      : loadSigningKey(resolvePath(value), env['COSIGN_PASSWORD'], `$${name}`)
  }
  const variable = /^env:\/\/(.*)$/.exec(spec)?.[1]
  if (variable === undefined) return loadSigningKey(resolvePath(spec), env['COSIGN_PASSWORD'])
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
    throw new ConfigurationError(
      `Expected env://NAME to name an environment variable, got an invalid name (${variable.length} characters)`
    )
  const pem = env[variable]
  if (pem === undefined || pem.trim() === '')
    throw new ConfigurationError(
      `Expected the signing key in $${variable}, found it unset or empty`
    )
  return await signingKeyFromPem(pem, `$${variable}`, env['COSIGN_PASSWORD'])
}

/**
 * A signing key from PEM text: PKCS#8 (plain or `ENCRYPTED PRIVATE KEY` with `passphrase`), or
 * cosign's encrypted format (`cosign-encrypted-key.ts`), decrypted with `passphrase`
 * (COSIGN_PASSWORD; empty when unset, as cosign does).
 */
export async function signingKeyFromPem(
  pem: string,
  source: string,
  passphrase?: string
): Promise<SigningKey> {
  if (isCosignEncryptedKey(pem)) {
    const der = await decryptCosignKey(pem, passphrase ?? '', source)
    let key: KeyObject
    try {
      key = createPrivateKey({key: der, format: 'der', type: 'pkcs8'})
    } catch {
      throw new ConfigurationError(
        `Expected the cosign key ${source} to hold a PKCS#8 private key once decrypted`
      )
    } finally {
      der.fill(0)
    }
    return signingKeyFrom(key, source)
  }
  let key: KeyObject
  try {
    key = createPrivateKey(
      passphrase === undefined ? {key: pem, format: 'pem'} : {key: pem, format: 'pem', passphrase}
    )
  } catch (error) {
    const encrypted = pem.includes('ENCRYPTED PRIVATE KEY')
    throw new ConfigurationError(
      encrypted && passphrase === undefined
        ? `Expected a passphrase for the encrypted signing key ${source} (COSIGN_PASSWORD), got none`
        : `Expected the signing key ${source} to be a PKCS#8 PEM private key${encrypted ? ' with the right passphrase' : ''}: ${(error as {code?: string}).code ?? 'unreadable'}`
    )
  }
  return signingKeyFrom(key, source)
}

function signingKeyFrom(key: KeyObject, source: string): SigningKey {
  const details = key.asymmetricKeyDetails
  if (key.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1')
    throw new ConfigurationError(
      `Expected the signing key ${source} to be an ECDSA P-256 key, got ${key.asymmetricKeyType ?? 'unknown'}${details?.namedCurve === undefined ? '' : ` (${details.namedCurve})`}`
    )
  const publicKey = createPublicKey(key)
  const publicKeyPem = publicKey.export({type: 'spki', format: 'pem'}).toString()
  const keyId = createHash('sha256')
    .update(publicKey.export({type: 'spki', format: 'der'}))
    .digest('hex')
  const signer: Signer = {
    sign: (data: Buffer): Promise<Signature> =>
      Promise.resolve({
        signature: sign('sha256', data, {key, dsaEncoding: 'der'}),
        key: {$case: 'publicKey', publicKey: publicKeyPem, hint: keyId}
      })
  }
  return {signer, publicKeyPem, keyId}
}
