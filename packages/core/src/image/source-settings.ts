import {join} from 'node:path'
import {ConfigurationError} from '../errors.js'
import type {DaemonOptions, RegistryOptions} from './types.js'

/** What the user set on the command line (or action inputs) for registry and daemon sources. */
export interface SourceFlags {
  caFile?: string
  insecureRegistries?: string[]
  cacheDir?: string
  username?: string
  /** Read from stdin by the adapter (`--password-stdin`), never from argv. */
  password?: string
}

const hostPort = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:]+\](?::\d{1,5})?$/

/** Environment variables that podman needs to find the caller's store and configuration. */
const podmanVariables = [
  'PATH',
  'HOME',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'XDG_DATA_HOME',
  'CONTAINERS_CONF',
  'CONTAINERS_STORAGE_CONF',
  'CONTAINERS_REGISTRIES_CONF',
  'TMPDIR'
]

function pick(env: Record<string, string | undefined>, names: string[]): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of names) {
    const value = env[name]
    if (value !== undefined && value !== '') picked[name] = value
  }
  return picked
}

/**
 * Builds the registry and daemon settings from flags and an **injected** environment (the
 * adapter passes its `process.env`): `DOCKER_HOST`, `DOCKER_CONFIG` (else `$HOME/.docker`),
 * `REGISTRY_AUTH_FILE`, `SCAPGATE_REGISTRY_USERNAME`/`SCAPGATE_REGISTRY_PASSWORD` (flags win),
 * `SCAPGATE_CACHE_DIR`. Docker's config is looked up only under the home directory or
 * `DOCKER_CONFIG`, never in the working directory (REG-27).
 * @throws ConfigurationError for a half-given username/password pair or a malformed host.
 */
export function sourceSettings(
  flags: SourceFlags,
  env: Record<string, string | undefined>
): {registry: RegistryOptions; daemon: DaemonOptions} {
  const username = flags.username ?? env.SCAPGATE_REGISTRY_USERNAME
  const password = flags.password ?? env.SCAPGATE_REGISTRY_PASSWORD
  if ((username === undefined || username === '') !== (password === undefined || password === '')) {
    throw new ConfigurationError(
      username
        ? 'Expected a registry password with the username (--password-stdin or SCAPGATE_REGISTRY_PASSWORD), got none'
        : 'Expected a registry username with the password (--username or SCAPGATE_REGISTRY_USERNAME), got none'
    )
  }
  for (const host of flags.insecureRegistries ?? []) {
    if (!hostPort.test(host))
      throw new ConfigurationError(
        `Expected \`--insecure-registry\` to be HOST[:PORT], got \`${host.slice(0, 100)}\``
      )
  }
  const registry: RegistryOptions = {
    helperEnv: pick(env, ['PATH', 'HOME'])
  }
  if (flags.caFile) registry.caFile = flags.caFile
  if (flags.insecureRegistries?.length) registry.insecureRegistries = flags.insecureRegistries
  const cacheDir = flags.cacheDir ?? env.SCAPGATE_CACHE_DIR
  if (cacheDir) registry.cacheDir = cacheDir
  if (username && password) registry.credentials = {username, password}
  if (env.REGISTRY_AUTH_FILE) registry.authFile = env.REGISTRY_AUTH_FILE
  const configDir = env.DOCKER_CONFIG || (env.HOME ? join(env.HOME, '.docker') : undefined)
  if (configDir) registry.dockerConfigDir = configDir
  const daemon: DaemonOptions = {podmanEnv: pick(env, podmanVariables)}
  if (env.DOCKER_HOST) daemon.dockerHost = env.DOCKER_HOST
  return {registry, daemon}
}
