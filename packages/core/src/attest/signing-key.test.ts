import {generateKeyPairSync} from 'node:crypto'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {loadSigningKeyFrom} from './signing-key.js'

const dir = mkdtempSync(join(tmpdir(), 'scapgate-signing-key-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const pem = generateKeyPairSync('ec', {namedCurve: 'P-256'})
  .privateKey.export({type: 'pkcs8', format: 'pem'})
  .toString()
const keyFile = join(dir, 'key.pem')
writeFileSync(keyFile, pem)
const asGiven = (path: string): string => path

describe('loadSigningKeyFrom', () => {
  it('reads the same key from a file, env://NAME and $NAME (a variable holding the key or its file)', async () => {
    const env = {KEY_PEM: pem, KEY_FILE: keyFile}
    const fromFile = await loadSigningKeyFrom(keyFile, env, asGiven)
    for (const spec of ['env://KEY_PEM', '$KEY_PEM', '${KEY_PEM}', '$KEY_FILE']) {
      expect((await loadSigningKeyFrom(spec, env, asGiven)).keyId, spec).toBe(fromFile.keyId)
    }
  })

  it('names an unset or empty $NAME without guessing', async () => {
    await expect(loadSigningKeyFrom('$MISSING', {MISSING: ' '}, asGiven)).rejects.toThrow(
      new ConfigurationError(
        'Expected the variable $MISSING to hold the signing key or its file, found it unset or empty'
      )
    )
  })

  it('refuses the key itself where a reference belongs, and never shows it', async () => {
    const error = await loadSigningKeyFrom(pem, {}, asGiven).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/got the key itself \(\d+ characters, not shown\)/)
    expect((error as Error).message).not.toContain(pem.split('\n')[1])
  })

  it('names the variable, not its value, when a file-type variable names no file', async () => {
    const secretish = 'not-a-path-but-a-secret-0123456789'
    const error = await loadSigningKeyFrom('$KEY', {KEY: secretish}, p => join(dir, p)).catch(
      (e: unknown) => e
    )
    expect((error as Error).message).toContain('`$KEY`')
    expect((error as Error).message).not.toContain(secretish)
  })
})
