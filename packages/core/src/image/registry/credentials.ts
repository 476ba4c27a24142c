import {execFile} from 'node:child_process'
import {open} from 'node:fs/promises'
import {join} from 'node:path'
import {
  ConfigurationError,
  InvalidImageError,
  getErrorMessage,
  sanitizeForDisplay
} from '../../errors.js'
import {isRecord} from '../descriptor.js'
import type {RegistryOptions} from '../types.js'

export interface Credentials {
  username: string
  password: string
}

const maxConfigBytes = 1024 * 1024
const helperName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const dockerHubKeys = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** `https://index.docker.io/v1/` → `docker.io`; `reg.example:5000/path` → `reg.example:5000`. */
export function normalizeAuthKey(key: string): string {
  const host = key
    .replace(/^[a-z]+:\/\//i, '')
    .split('/')[0]
    ?.toLowerCase()
  return host !== undefined && dockerHubKeys.has(host) ? 'docker.io' : (host ?? '')
}

async function readConfigFile(file: string): Promise<Record<string, unknown> | undefined> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new ConfigurationError(
      `Cannot read the registry auth file ${file}: ${getErrorMessage(error)}`
    )
  }
  try {
    const buffer = Buffer.alloc(maxConfigBytes + 1)
    const {bytesRead} = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxConfigBytes)
      throw new ConfigurationError(
        `The registry auth file ${file} is larger than ${maxConfigBytes} bytes`
      )
    let json: unknown
    try {
      json = JSON.parse(buffer.subarray(0, bytesRead).toString('utf8'))
    } catch {
      // The parser's message may quote the file, which holds secrets: name the file only.
      throw new ConfigurationError(`The registry auth file ${file} is not valid JSON`)
    }
    if (!isRecord(json))
      throw new ConfigurationError(`Expected the registry auth file ${file} to hold a JSON object`)
    return json
  } finally {
    await handle.close()
  }
}

function entryFor(map: unknown, domain: string): unknown {
  if (!isRecord(map)) return undefined
  for (const [key, value] of Object.entries(map)) if (normalizeAuthKey(key) === domain) return value
  return undefined
}

function fromAuthEntry(entry: unknown, file: string, domain: string): Credentials | undefined {
  if (!isRecord(entry)) return undefined
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon <= 0)
      throw new ConfigurationError(
        `The \`auth\` entry for ${domain} in ${file} is not base64 of user:password`
      )
    return {username: decoded.slice(0, colon), password: decoded.slice(colon + 1)}
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string')
    return {username: entry.username, password: entry.password}
  return undefined
}

/**
 * Runs `docker-credential-<name> get` with the server URL on stdin, as the docker CLI does.
 * Nothing from the helper's output reaches a message; a helper that knows no credentials for the
 * server means anonymous access.
 */
export async function runCredentialHelper(
  name: string,
  domain: string,
  env: Record<string, string>
): Promise<Credentials | undefined> {
  if (!helperName.test(name))
    throw new ConfigurationError(
      `Expected a credential helper name of letters, digits, ._-, got \`${sanitizeForDisplay(name, 64)}\``
    )
  const server = domain === 'docker.io' ? 'https://index.docker.io/v1/' : domain
  const output = await new Promise<string | undefined>((resolve, reject) => {
    const child = execFile(
      `docker-credential-${name}`,
      ['get'],
      {env, timeout: 30_000, maxBuffer: maxConfigBytes, encoding: 'utf8'},
      (error, stdout) => {
        if (!error) return resolve(stdout)
        if (/credentials not found/i.test(stdout)) return resolve(undefined)
        reject(
          new InvalidImageError(
            `Registry ${domain}: credential helper docker-credential-${name} failed (${(error as NodeJS.ErrnoException).code ?? 'exit status'})`,
            'credentials'
          )
        )
      }
    )
    child.stdin?.end(server)
  })
  if (output === undefined) return undefined
  let json: unknown
  try {
    json = JSON.parse(output)
  } catch {
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} printed something other than JSON`,
      'credentials'
    )
  }
  if (!isRecord(json) || typeof json.Username !== 'string' || typeof json.Secret !== 'string')
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} returned no Username/Secret`,
      'credentials'
    )
  return {username: json.Username, password: json.Secret}
}

/**
 * Credentials for `domain`, first match wins: explicit credentials; then `REGISTRY_AUTH_FILE`;
 * then `<dockerConfigDir>/config.json` with docker's order (`credHelpers[domain]`, an `auths`
 * entry, `credsStore`). The files are read only from the injected locations (the user's home or
 * `$DOCKER_CONFIG`), never from the working directory, so a repository cannot choose a helper.
 * Identity tokens (`identitytoken`) are not supported and count as no credentials.
 */
export async function findCredentials(
  domain: string,
  options: RegistryOptions
): Promise<Credentials | undefined> {
  if (options.credentials) return options.credentials
  const env = options.helperEnv ?? {PATH: '/usr/bin:/bin'}
  const files = [
    options.authFile,
    options.dockerConfigDir && join(options.dockerConfigDir, 'config.json')
  ]
  for (const file of files) {
    if (!file) continue
    const config = await readConfigFile(file)
    if (!config) continue
    const helper = entryFor(config.credHelpers, domain)
    if (typeof helper === 'string' && helper !== '') return runCredentialHelper(helper, domain, env)
    const found = fromAuthEntry(entryFor(config.auths, domain), file, domain)
    if (found) return found
    if (typeof config.credsStore === 'string' && config.credsStore !== '')
      return runCredentialHelper(config.credsStore, domain, env)
  }
  return undefined
}
