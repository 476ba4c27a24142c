/**
 * Source parity (REG-31, the stereoscope pattern): the real Debian image through every source
 * gives the identical root (path, type, mode, owner, size, content hash, link target) and the
 * identical rule results. Adding a source to `supportedTransports` without a case here fails.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, readFileSync, readdirSync, readlinkSync, lstatSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {openImage} from '../../packages/core/src/image/open-image.js'
import {parseImageReference, supportedTransports} from '../../packages/core/src/image/reference.js'
import type {OpenImageOptions} from '../../packages/core/src/image/types.js'
import {applyLayers} from '../../packages/core/src/layers/apply-layers.js'
import {ensureDebianImage, type DebianImage} from '../support/debian-image.js'
import {startDockerApiSocket, type DockerApiSocket} from '../support/registry-daemon.js'
import {startRegistry, type TestRegistry} from '../support/registry.js'
import {runCli} from '../support/run-cli.js'
import {readResults, scanDirs} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-sources-parity')
let image: DebianImage
let socket: DockerApiSocket
let registry: TestRegistry

interface Source {
  name: string
  argument: () => string
  options: () => Partial<OpenImageOptions>
  cliArgs: () => string[]
  env: () => NodeJS.ProcessEnv
}

const path = {PATH: process.env.PATH}
const sources: Source[] = [
  {
    name: 'docker-archive',
    argument: () => `docker-archive:${image.dockerArchive}`,
    options: () => ({}),
    cliArgs: () => [],
    env: () => path
  },
  {
    name: 'oci-archive',
    argument: () => `oci-archive:${image.ociArchive}`,
    options: () => ({}),
    cliArgs: () => [],
    env: () => path
  },
  {
    name: 'oci',
    argument: () => `oci:${image.ociDir}:${image.ociTag}`,
    options: () => ({}),
    cliArgs: () => [],
    env: () => path
  },
  {
    name: 'podman',
    argument: () => `podman:${image.imageName}`,
    options: () => ({}),
    cliArgs: () => [],
    env: () => path
  },
  {
    name: 'docker-daemon',
    argument: () => `docker-daemon:${image.imageName}`,
    options: () => ({daemon: {dockerHost: socket.dockerHost}}),
    cliArgs: () => [],
    env: () => ({...path, DOCKER_HOST: socket.dockerHost})
  },
  {
    name: 'registry',
    argument: () => `${registry.host}/parity/debian11-app:1`,
    options: () => ({
      registry: {
        caFile: registry.certs.caFile,
        credentials: {username: registry.username, password: registry.password}
      }
    }),
    cliArgs: () => ['--ca-file', registry.certs.caFile],
    env: () => ({
      ...path,
      SCAPGATE_REGISTRY_USERNAME: registry.username,
      SCAPGATE_REGISTRY_PASSWORD: registry.password
    })
  }
]

beforeAll(async () => {
  image = await ensureDebianImage()
  socket = await startDockerApiSocket()
  registry = await startRegistry()
  registry.push(`oci:${image.ociDir}:${image.ociTag}`, 'parity/debian11-app:1')
})

afterAll(async () => {
  await socket?.stop()
  await registry?.stop()
  dirs.cleanup()
})

/** One line per entry of the root, sorted: path, type, mode, owner, size, sha256, link target. */
function listing(root: string): string[] {
  const lines: string[] = []
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name)
      const relative = `${rel}/${name}`
      const info = lstatSync(full)
      const type = info.isDirectory()
        ? 'd'
        : info.isSymbolicLink()
          ? 'l'
          : info.isFile()
            ? 'f'
            : 'o'
      let extra = ''
      if (info.isFile()) extra = createHash('sha256').update(readFileSync(full)).digest('hex')
      if (info.isSymbolicLink()) extra = `-> ${readlinkSync(full)}`
      lines.push(
        `${relative} ${type} ${(info.mode & 0o7777).toString(8)} ${info.uid}:${info.gid} ${info.isDirectory() ? '-' : info.size} ${extra}`
      )
      if (info.isDirectory()) walk(full, relative)
    }
  }
  walk(root, '')
  return lines
}

describe('one image through every source', () => {
  it('has a parity case for every supported transport and for registries', () => {
    expect(sources.map(s => s.name).sort()).toEqual([...supportedTransports, 'registry'].sort())
  })

  const listings = new Map<string, string[]>()
  const configs = new Map<string, string>()
  for (const source of sources) {
    it(`gives the identical root through ${source.name}`, async () => {
      const work = join(dirs.dir, `root-${source.name}`)
      mkdirSync(work)
      const resolved = await openImage(parseImageReference(source.argument()), {
        workDir: join(work, 'image'),
        ...source.options()
      })
      try {
        const root = join(work, 'root')
        mkdirSync(root)
        await applyLayers({root, layers: resolved.layers})
        listings.set(source.name, listing(root))
        configs.set(source.name, resolved.configDigest)
      } finally {
        await resolved.close()
      }
      const reference = listings.get('docker-archive')
      expect(reference?.length).toBeGreaterThan(1000)
      expect(listings.get(source.name)).toEqual(reference)
      expect(configs.get(source.name)).toBe(image.imageId)
    })
  }

  const ruleResults = new Map<string, Record<string, string>>()
  for (const source of sources) {
    it(`gives the identical rule results through ${source.name}`, async () => {
      const out = dirs.out(source.name)
      const run = await runCli(['scan', source.argument(), '--out', out, ...source.cliArgs()], {
        env: source.env()
      })
      expect(run.stderr).not.toMatch(/could not complete|internal error/)
      expect(run.code).toBe(1)
      ruleResults.set(
        source.name,
        Object.fromEntries(readResults(out).rules.map(r => [r.id, r.result]))
      )
      const reference = ruleResults.get('docker-archive')
      expect(Object.keys(reference ?? {}).length).toBeGreaterThan(30)
      expect(ruleResults.get(source.name)).toEqual(reference)
      expect(run.stdout + run.stderr).not.toContain(registry.password)
    })
  }
})
