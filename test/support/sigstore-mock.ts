/**
 * The Sigstore project's mock Fulcio and Rekor (npm `@sigstore/mock`, the handlers sigstore-js
 * tests with) served over HTTP on 127.0.0.1, so that the built CLI signs keyless against them
 * exactly as against the public instance. The mock Fulcio does not check the token's signature
 * (it decodes the JWT's claims): {@link mintIdentityToken} makes one with the claims wanted.
 */
import {generateKeyPairSync, type KeyObject} from 'node:crypto'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  rekorHandler
} from '@sigstore/mock'

export interface SigstoreMock {
  url: string
  /** The mock Fulcio's root certificate (DER) and Rekor's public key (SPKI DER). */
  fulcioRoot: Buffer
  rekorPublicKey: Buffer
  /** Requests served, by path. */
  requests: string[]
  stop: () => Promise<void>
}

const keyPair = (): {publicKey: KeyObject; privateKey: KeyObject} =>
  generateKeyPairSync('ec', {namedCurve: 'P-256'})

export async function startSigstoreMock(): Promise<SigstoreMock> {
  const requests: string[] = []
  let handlers: {
    path: string
    fn: (body: string) => Promise<{statusCode: number; response: unknown; contentType?: string}>
  }[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      requests.push(request.url ?? '')
      const handler = handlers.find(h => h.path === request.url && request.method === 'POST')
      if (handler === undefined) {
        response.writeHead(404).end()
        return
      }
      handler
        .fn(Buffer.concat(chunks).toString('utf8'))
        .then(result => {
          response.writeHead(result.statusCode, {
            'content-type': result.contentType ?? 'application/json'
          })
          response.end(result.response as string | Uint8Array)
        })
        .catch(() => response.writeHead(500).end())
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const ca = await initializeCA(keyPair(), await initializeCTLog(keyPair()))
  const rekorKeys = keyPair()
  const tlog = await initializeTLog(url, rekorKeys)
  handlers = [fulcioHandler(ca), rekorHandler(tlog)]
  return {
    url,
    fulcioRoot: Buffer.from(
      ca.rootCertificate.buffer,
      ca.rootCertificate.byteOffset,
      ca.rootCertificate.byteLength
    ),
    rekorPublicKey: rekorKeys.publicKey.export({format: 'der', type: 'spki'}),
    requests,
    stop: () => new Promise(resolve => server.close(() => resolve()))
  }
}

/** A JWT with these claims (the mock reads them; nothing verifies its signature). */
export function mintIdentityToken(claims: Record<string, unknown>): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  return [
    part({alg: 'RS256', typ: 'JWT', kid: 'scapgate-test'}),
    part({aud: 'sigstore', iat: now, nbf: now, exp: now + 600, ...claims}),
    Buffer.from(`not-a-signature-${now}`).toString('base64url')
  ].join('.')
}
