import {createWriteStream} from 'node:fs'
import http, {type IncomingMessage} from 'node:http'
import {pipeline} from 'node:stream/promises'
import {byteLimit} from '../byte-limit.js'
import {
  ConfigurationError,
  EnvironmentError,
  InvalidImageError,
  LimitExceededError,
  getErrorMessage,
  sanitizeForDisplay
} from '../../errors.js'

export const defaultDockerHost = 'unix:///var/run/docker.sock'
/** An image export larger than this is refused (the same cap as a decompressed archive). */
export const maxExportBytes = 64 * 1024 ** 3
const maxErrorBytes = 64 * 1024

/**
 * The socket path of `DOCKER_HOST`. Only `unix://` is supported: a tcp daemon needs TLS client
 * certificates, which scapgate does not handle yet.
 * @throws ConfigurationError naming DOCKER_HOST and the accepted form.
 */
export function dockerSocketPath(dockerHost: string | undefined): string {
  const host = dockerHost === undefined || dockerHost === '' ? defaultDockerHost : dockerHost
  if (!host.startsWith('unix://') || host.length <= 'unix://'.length) {
    throw new ConfigurationError(
      `Expected \`DOCKER_HOST\` to be unix:///path/to/docker.sock (tcp:// and ssh:// are not supported), got \`${sanitizeForDisplay(host, 120)}\``
    )
  }
  return host.slice('unix://'.length)
}

function get(socketPath: string, path: string, signal?: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      socketPath,
      path,
      method: 'GET',
      signal,
      headers: {host: 'docker'}
    })
    request.on('response', resolve)
    request.on('error', reject)
    request.end()
  })
}

async function daemonMessage(response: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of response) {
    text += (chunk as Buffer).toString('utf8')
    if (text.length > maxErrorBytes) break
  }
  try {
    const json = JSON.parse(text) as {message?: unknown}
    return typeof json.message === 'string' ? `: ${sanitizeForDisplay(json.message, 200)}` : ''
  } catch {
    return ''
  }
}

/**
 * Exports `name` through the Docker Engine API (`GET /images/{name}/get`, which Podman's
 * compatible service also answers) into `target`, a new private file. The name has passed the
 * docker reference grammar, so it holds no `/..`, `?`, `#` or whitespace; it is still URI-encoded.
 *
 * Socket access is root-equivalent on a real Docker host: the socket is used only for this export
 * and is never exposed to the scanned root.
 * @throws EnvironmentError when the socket is missing or refuses; InvalidImageError when the
 *   daemon does not have the image or the export breaks off.
 */
export async function exportFromDaemon(
  name: string,
  target: string,
  options: {dockerHost?: string; signal?: AbortSignal; label: string}
): Promise<void> {
  const socketPath = dockerSocketPath(options.dockerHost)
  let response: IncomingMessage
  try {
    response = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, options.signal)
  } catch (error) {
    options.signal?.throwIfAborted()
    throw new EnvironmentError(
      `${options.label}: cannot reach the Docker daemon at unix://${socketPath} (${(error as NodeJS.ErrnoException).code ?? getErrorMessage(error)}); is it running, and is DOCKER_HOST right?`,
      {cause: error}
    )
  }
  const status = response.statusCode ?? 0
  if (status !== 200) {
    const detail = await daemonMessage(response)
    throw new InvalidImageError(
      status === 404
        ? `${options.label}: the daemon has no image ${sanitizeForDisplay(name)}${detail}`
        : `${options.label}: the daemon refused the export (${status})${detail}`,
      name
    )
  }
  try {
    await pipeline(
      response,
      byteLimit(maxExportBytes, options.label, 'the export'),
      createWriteStream(target, {flags: 'wx', mode: 0o600}),
      {signal: options.signal}
    )
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error
    throw new InvalidImageError(
      `${options.label}: the export from the daemon broke off: ${getErrorMessage(error)}`,
      name,
      {cause: error}
    )
  }
}
