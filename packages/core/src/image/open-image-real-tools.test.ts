/**
 * Archives written by real tools (podman 4, skopeo 1.9), built offline from a tarball: these
 * tests fail, not skip, when podman or skopeo is missing.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gunzipSync, gzipSync} from 'node:zlib'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {writeTar} from '../../../../test/support/tar-writer.js'
import {sha256Digest} from './digest.js'
import {openImage} from './open-image.js'
import {parseImageReference} from './reference.js'
import type {ResolvedImage} from './types.js'

let dir: string
let storage: string
let expected: {id: string; diffIds: string[]}

function podman(...args: string[]): string {
  const store = [
    '--root',
    join(dir, 'store'),
    '--runroot',
    join(dir, 'run'),
    '--storage-driver',
    'vfs'
  ]
  return execFileSync('podman', [...store, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'intake-podman-'))
  storage = `containers-storage:[vfs@${join(dir, 'store')}+${join(dir, 'run')}]`
  writeFileSync(
    join(dir, 'root.tar'),
    writeTar([
      {name: 'etc/', type: 'dir'},
      {name: 'etc/os-release', content: 'ID=scapgate-test\n'},
      {name: 'bin/', type: 'dir'},
      {name: 'bin/sh', content: '#!fake\n', mode: 0o755}
    ])
  )
  podman('import', join(dir, 'root.tar'), 'localhost/intake:1')
  writeFileSync(join(dir, 'hello'), 'hello\n')
  writeFileSync(join(dir, 'Containerfile'), 'FROM localhost/intake:1\nCOPY hello /etc/hello\n')
  podman(
    'build',
    '--network',
    'none',
    '-t',
    'localhost/intake:2',
    '-f',
    join(dir, 'Containerfile'),
    dir
  )
  const [inspected] = JSON.parse(podman('inspect', 'localhost/intake:2')) as {
    Id: string
    RootFS: {Layers: string[]}
  }[]
  if (!inspected) throw new Error('podman inspect returned nothing')
  expected = {id: `sha256:${inspected.Id}`, diffIds: inspected.RootFS.Layers}
  podman('save', '--format', 'docker-archive', '-o', join(dir, 'docker.tar'), 'localhost/intake:2')
  podman('save', '--format', 'oci-archive', '-o', join(dir, 'oci.tar'), 'localhost/intake:2')
  podman('save', '--format', 'oci-dir', '-o', join(dir, 'oci-dir'), 'localhost/intake:2')
  podman(
    'save',
    '-m',
    '--format',
    'docker-archive',
    '-o',
    join(dir, 'multi.tar'),
    'localhost/intake:1',
    'localhost/intake:2'
  )
  writeFileSync(join(dir, 'docker.tar.gz'), gzipSync(readFileSync(join(dir, 'docker.tar'))))
  const skopeo = (from: string, to: string): string =>
    execFileSync('skopeo', ['copy', '-q', from, to], {encoding: 'utf8'})
  skopeo(`${storage}localhost/intake:2`, `oci:${join(dir, 'skopeo-layout')}:v2`)
  skopeo(
    `${storage}localhost/intake:2`,
    `docker-archive:${join(dir, 'skopeo.tar')}:localhost/intake:2`
  )
}, 120_000)

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
})

async function open(raw: string): Promise<ResolvedImage> {
  return openImage(parseImageReference(raw), {workDir: dir})
}

async function layerFiles(image: ResolvedImage): Promise<string[]> {
  const names: string[] = []
  for (const layer of image.layers) {
    const chunks: Buffer[] = []
    for await (const chunk of layer.open()) chunks.push(chunk as Buffer)
    const stored = Buffer.concat(chunks)
    const tar = layer.compression === 'gzip' ? gunzipSync(stored) : stored
    expect(sha256Digest(tar)).toBe(layer.diffId)
    names.push(...execFileSync('tar', ['-t'], {input: tar, encoding: 'utf8'}).trim().split('\n'))
  }
  return names.map(n => n.replace(/^\.\//, ''))
}

describe('openImage on archives written by podman and skopeo', () => {
  it.each([
    ['podman save --format docker-archive', () => `docker-archive:${join(dir, 'docker.tar')}`],
    [
      'podman save --format docker-archive, gzip-compressed',
      () => `docker-archive:${join(dir, 'docker.tar.gz')}`
    ],
    ['podman save --format oci-archive', () => `oci-archive:${join(dir, 'oci.tar')}`],
    ['podman save --format oci-dir', () => `oci:${join(dir, 'oci-dir')}`],
    ['skopeo copy to an OCI layout', () => `oci:${join(dir, 'skopeo-layout')}:v2`],
    ['skopeo copy to a docker-archive', () => `docker-archive:${join(dir, 'skopeo.tar')}`]
  ])('resolves the image written by %s to the same config, diff_ids and files', async (_, raw) => {
    const image = await open(raw())
    expect(image.configDigest).toBe(expected.id)
    expect(image.config.diffIds).toEqual(expected.diffIds)
    expect(image.layers.map(l => l.diffId)).toEqual(expected.diffIds)
    expect(image.platform.os).toBe('linux')
    const files = await layerFiles(image)
    expect(files).toContain('etc/os-release')
    expect(files).toContain('etc/hello')
    await image.close()
  })

  it('records the names podman wrote', async () => {
    expect((await open(`docker-archive:${join(dir, 'docker.tar')}`)).names).toEqual([
      'localhost/intake:2'
    ])
    expect((await open(`oci-archive:${join(dir, 'oci.tar')}`)).names).toEqual([
      'localhost/intake:2'
    ])
  })

  it('selects by tag in a multi-image podman docker-archive and asks for one without', async () => {
    const raw = `docker-archive:${join(dir, 'multi.tar')}`
    expect((await open(`${raw}:localhost/intake:2`)).configDigest).toBe(expected.id)
    expect((await open(`${raw}:localhost/intake:1`)).layers).toHaveLength(1)
    await expect(open(raw)).rejects.toThrow(
      `${raw} holds 2 images (localhost/intake:1; localhost/intake:2); add :REF to pick one`
    )
  })
})
