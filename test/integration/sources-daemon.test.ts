/**
 * `docker-daemon:` through podman's Docker-compatible API socket and `podman:` through podman's
 * store, on the real Debian image (already in podman's store after `ensureDebianImage`).
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {EnvironmentError, InvalidImageError} from '../../packages/core/src/errors.js'
import {openImage} from '../../packages/core/src/image/open-image.js'
import {parseImageReference} from '../../packages/core/src/image/reference.js'
import type {OpenImageOptions} from '../../packages/core/src/image/types.js'
import {ensureDebianImage, type DebianImage} from '../support/debian-image.js'
import {startDockerApiSocket, type DockerApiSocket} from '../support/registry-daemon.js'
import {runCli} from '../support/run-cli.js'
import {scanDirs} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-sources-daemon')
let image: DebianImage
let socket: DockerApiSocket

beforeAll(async () => {
  image = await ensureDebianImage()
  socket = await startDockerApiSocket()
})

afterAll(async () => {
  await socket?.stop()
  dirs.cleanup()
})

async function open(reference: string, extra: Partial<OpenImageOptions> = {}) {
  const workDir = join(dirs.dir, `work-${Math.random().toString(16).slice(2)}`)
  const resolved = await openImage(parseImageReference(reference), {workDir, ...extra})
  await resolved.close()
  return resolved
}

describe('docker-daemon:NAME through the Docker Engine API socket', () => {
  it('exports the image through DOCKER_HOST and verifies it like an archive', async () => {
    const resolved = await open(`docker-daemon:${image.imageName}`, {
      daemon: {dockerHost: socket.dockerHost}
    })
    expect(resolved.configDigest).toBe(image.imageId)
    expect(resolved.names).toContain(image.imageName)
    expect(resolved.layers.length).toBeGreaterThan(1)
  })

  it('names the image the daemon does not have', async () => {
    const error = await open('docker-daemon:localhost/scapgate-test/absent:1', {
      daemon: {dockerHost: socket.dockerHost}
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as Error).message).toContain(
      'the daemon has no image localhost/scapgate-test/absent:1'
    )
  })

  it('reports a missing socket as an environment problem, and refuses tcp:// DOCKER_HOST', async () => {
    const missing = await open(`docker-daemon:${image.imageName}`, {
      daemon: {dockerHost: `unix://${join(dirs.dir, 'none.sock')}`}
    }).catch((e: unknown) => e)
    expect(missing).toBeInstanceOf(EnvironmentError)
    expect((missing as Error).message).toMatch(
      /cannot reach the Docker daemon at unix:\/\/.*none\.sock \(ENOENT\)/
    )
    const run = await runCli(
      ['scan', `docker-daemon:${image.imageName}`, '--out', dirs.out('tcp')],
      {
        env: {PATH: process.env.PATH, DOCKER_HOST: 'tcp://127.0.0.1:2375'}
      }
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Expected `DOCKER_HOST` to be unix:///path/to/docker.sock')
  })

  it('rejects a name that reads as a flag before running anything (REG-30)', async () => {
    const run = await runCli(['scan', 'docker-daemon:--output=x.tar', '--out', dirs.out('flag')], {
      env: {PATH: process.env.PATH, DOCKER_HOST: socket.dockerHost}
    })
    expect(run.code).toBe(2)
    const podman = await runCli(['scan', 'podman:--output=x.tar', '--out', dirs.out('flag2')])
    expect(podman.code).toBe(2)
    expect(existsSync('x.tar')).toBe(false)
  })
})

describe("podman:NAME from podman's local store", () => {
  it('saves the image as an OCI archive in the private work directory and verifies it', async () => {
    const resolved = await open(`podman:${image.imageName}`, {
      daemon: {podmanEnv: {PATH: process.env.PATH ?? '/usr/bin:/bin'}}
    })
    expect(resolved.configDigest).toBe(image.imageId)
    expect(resolved.names).toEqual([image.imageName])
  })

  it("names the image podman's store does not have", async () => {
    const error = await open('podman:localhost/scapgate-test/absent:1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as Error).message).toContain(
      "podman's store has no image localhost/scapgate-test/absent:1"
    )
  })
})
