/**
 * A real registry for the source tests: Debian's `docker-registry` (distribution 2.8) on
 * 127.0.0.1 with TLS from a throwaway CA and htpasswd (bcrypt) auth, plus `skopeo copy` to push.
 * Fails, never skips, when docker-registry, openssl, htpasswd or skopeo is missing.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import https from 'node:https'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface TestCertificates {
  dir: string
  /** PEM of the throwaway CA (for `--ca-file`). */
  caFile: string
  /** A directory holding `ca.crt`, for skopeo's `--dest-cert-dir`. */
  certDir: string
  certFile: string
  keyFile: string
  ca: Buffer
}

export interface TestRegistry {
  /** `127.0.0.1:PORT`. */
  host: string
  username: string
  /** Contains `CANARY-PW-`, so that tests can assert it never leaks. */
  password: string
  certs: TestCertificates
  /** `skopeo copy --all SOURCE docker://HOST/REPO` with the registry's CA and credentials. */
  push: (source: string, repository: string, extra?: string[]) => void
  stop: () => Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

/** A CA and a server certificate for 127.0.0.1/localhost, made with openssl. */
export function makeCertificates(dir: string): TestCertificates {
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']})
  }
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=scapgate test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem'
  )
  writeFileSync(
    join(dir, 'san.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n'
  )
  run(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    'server.key',
    '-out',
    'server.csr'
  )
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem'
  )
  const certDir = join(dir, 'certs.d')
  mkdirSync(certDir)
  writeFileSync(join(certDir, 'ca.crt'), readFileSync(join(dir, 'ca.pem')))
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    certDir,
    certFile: join(dir, 'server.pem'),
    keyFile: join(dir, 'server.key'),
    ca: readFileSync(join(dir, 'ca.pem'))
  }
}

function probe(url: string, ca: Buffer): Promise<number> {
  return new Promise(resolve => {
    const request = https.get(url, {ca}, response => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', () => resolve(0))
  })
}

/** Starts docker-registry with TLS and htpasswd auth on a free port; `stop()` kills it and removes its files. */
export async function startRegistry(): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'scapgate-registry-'))
  const certs = makeCertificates(dir)
  const username = 'scapgate'
  const password = `CANARY-PW-${randomBytes(9).toString('hex')}`
  const htpasswd = execFileSync('htpasswd', ['-Bbn', username, password], {encoding: 'utf8'})
  writeFileSync(join(dir, 'htpasswd'), htpasswd)
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: "${host}", tls: {certificate: ${certs.certFile}, key: ${certs.keyFile}}}`,
      `auth: {htpasswd: {realm: scapgate-test, path: ${join(dir, 'htpasswd')}}}`,
      ''
    ].join('\n')
  )
  const child: ChildProcess = spawn('docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()))
  const deadline = Date.now() + 20_000
  while ((await probe(`https://${host}/v2/`, certs.ca)) !== 401) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`docker-registry did not start on ${host}: ${stderr.slice(-2000)}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    host,
    username,
    password,
    certs,
    push: (source, repository, extra = []) => {
      execFileSync(
        'skopeo',
        [
          'copy',
          '--quiet',
          '--dest-cert-dir',
          certs.certDir,
          '--dest-creds',
          `${username}:${password}`,
          ...extra,
          source,
          `docker://${host}/${repository}`
        ],
        {stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000}
      )
    },
    stop: async () => {
      child.kill('SIGTERM')
      await exited
      rmSync(dir, {recursive: true, force: true})
    }
  }
}
