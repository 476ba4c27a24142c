/**
 * A Docker-compatible API socket for the `docker-daemon:` tests: `podman system service` on a
 * private unix socket, serving podman's default store. Fails, never skips, without podman.
 */
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import http from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface DockerApiSocket {
  /** `unix:///…/docker.sock`, for DOCKER_HOST. */
  dockerHost: string
  stop: () => Promise<void>
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise(resolve => {
    const request = http.get({socketPath, path: '/_ping'}, response => {
      response.resume()
      resolve(response.statusCode === 200)
    })
    request.on('error', () => resolve(false))
  })
}

export async function startDockerApiSocket(): Promise<DockerApiSocket> {
  const dir = mkdtempSync(join(tmpdir(), 'scapgate-docker-api-'))
  const socketPath = join(dir, 'docker.sock')
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socketPath}`], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()))
  const deadline = Date.now() + 30_000
  while (!(existsSync(socketPath) && (await ping(socketPath)))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`podman system service did not start: ${stderr.slice(-2000)}`)
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    dockerHost: `unix://${socketPath}`,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
      rmSync(dir, {recursive: true, force: true})
    }
  }
}
