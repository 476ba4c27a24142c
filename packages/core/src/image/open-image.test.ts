import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {
  buildImage,
  hex,
  json,
  ociLayoutFiles,
  tarOfFiles,
  writeDockerArchive,
  writeOciArchive,
  writeOciLayout,
  type BuiltImage
} from '../../../../test/support/image-builder.js'
import {InvalidImageError} from '../errors.js'
import {openImage} from './open-image.js'
import {parsePlatform} from './platform.js'
import {parseImageReference} from './reference.js'
import type {OpenImageOptions, ResolvedImage, VerifiedLayer} from './types.js'

let dir: string
let workDir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'open-image-'))
  workDir = mkdtempSync(join(tmpdir(), 'open-image-work-'))
})
afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
  rmSync(workDir, {recursive: true, force: true})
})

const image = buildImage({
  layers: [
    [
      {name: 'etc/', type: 'dir'},
      {name: 'etc/os-release', content: 'ID=debian\n'}
    ],
    [{name: 'usr/bin/app', content: '#!/bin/sh\n', mode: 0o755}]
  ],
  config: {
    env: ['PATH=/bin', 'LANG=C.UTF-8'],
    history: ['ADD rootfs.tar /', 'COPY app /usr/bin/app'],
    labels: {maintainer: 'x'}
  }
})
const arm64 = buildImage({
  layers: [[{name: 'arch', content: 'arm64'}]],
  platform: {os: 'linux', architecture: 'arm64', variant: 'v8'}
})
const amd64 = buildImage({layers: [[{name: 'arch', content: 'amd64'}]]})
const armv7 = buildImage({
  layers: [[{name: 'arch', content: 'armv7'}]],
  platform: {os: 'linux', architecture: 'arm', variant: 'v7'}
})

async function open(raw: string, options: Partial<OpenImageOptions> = {}): Promise<ResolvedImage> {
  return openImage(parseImageReference(raw), {workDir, ...options})
}

async function readAll(layer: VerifiedLayer): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of layer.open()) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function uncompressedDigests(resolved: ResolvedImage): Promise<string[]> {
  const digests: string[] = []
  for (const layer of resolved.layers) {
    const stored = await readAll(layer)
    const tar = layer.compression === 'gzip' ? gunzipSync(stored) : stored
    digests.push(`sha256:${createHash('sha256').update(tar).digest('hex')}`)
  }
  return digests
}

function expectSameImage(resolved: ResolvedImage, built: BuiltImage): void {
  expect(resolved.configDigest).toBe(built.configDigest)
  expect(resolved.config.diffIds).toEqual(built.layers.map(l => l.diffId))
  expect(resolved.layers.map(l => l.diffId)).toEqual(built.layers.map(l => l.diffId))
  expect(resolved.layers.map(l => l.index)).toEqual(built.layers.map((_, i) => i))
}

describe('openImage on each archive form', () => {
  it('reads a legacy docker-archive with uncompressed layer.tar members', async () => {
    writeDockerArchive(image, join(dir, 'legacy.tar'), {repoTags: ['app:1']})
    const resolved = await open(`docker-archive:${join(dir, 'legacy.tar')}`)
    expectSameImage(resolved, image)
    expect(resolved.manifestDigest).toBeUndefined()
    expect(resolved.names).toEqual(['app:1'])
    expect(resolved.platform).toEqual({os: 'linux', architecture: 'amd64'})
    expect(resolved.layers.map(l => [l.digest, l.compression, l.mediaType, l.size])).toEqual(
      image.layers.map(l => [
        l.diffId,
        'none',
        'application/vnd.docker.image.rootfs.diff.tar',
        l.tar.length
      ])
    )
    expect(resolved.config.env).toEqual(['PATH=/bin', 'LANG=C.UTF-8'])
    expect(resolved.config.labels).toEqual({maintainer: 'x'})
    expect(resolved.config.history.map(h => h.createdBy)).toEqual([
      'ADD rootfs.tar /',
      'COPY app /usr/bin/app'
    ])
    expect(await uncompressedDigests(resolved)).toEqual(resolved.config.diffIds)
  })

  it('reads a Docker 25 OCI-in-tar docker-archive through its embedded manifest', async () => {
    writeDockerArchive(image, join(dir, 'd25.tar'), {format: 'oci', repoTags: ['app:1']})
    const resolved = await open(`docker-archive:${join(dir, 'd25.tar')}:app:1`)
    expectSameImage(resolved, image)
    expect(resolved.manifestDigest).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(resolved.layers.map(l => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar',
      'application/vnd.oci.image.layer.v1.tar'
    ])
    expect(await uncompressedDigests(resolved)).toEqual(resolved.config.diffIds)
  })

  it('reads a containerd-store docker-archive: gzip layers behind a nested multi-platform index', async () => {
    const files = ociLayoutFiles([image, arm64])
    const manifest = [
      {
        Config: `blobs/sha256/${hex(image.configDigest)}`,
        RepoTags: ['app:1'],
        Layers: image.layers.map(l => `blobs/sha256/${hex(l.gzipDigest)}`)
      }
    ]
    files.set('manifest.json', json(manifest))
    writeFileSync(join(dir, 'containerd.tar'), tarOfFiles(files))
    const resolved = await open(`docker-archive:${join(dir, 'containerd.tar')}`)
    expectSameImage(resolved, image)
    expect(resolved.manifestDigest).toBe(image.manifestDigest)
    expect(resolved.names).toEqual(['app:1'])
    expect(resolved.layers.map(l => [l.digest, l.compression])).toEqual(
      image.layers.map(l => [l.gzipDigest, 'gzip'])
    )
  })

  it('reports a missing archive or layout directory by its reference', async () => {
    const missing = join(dir, 'nope.tar')
    await expect(open(`docker-archive:${missing}`)).rejects.toThrow(
      `docker-archive:${missing}: cannot read the archive: ENOENT`
    )
    await expect(open(`oci:${join(dir, 'nope')}`)).rejects.toThrow(
      `oci:${join(dir, 'nope')}: cannot open the layout directory: ENOENT`
    )
    await expect(open(`oci-archive:${dir}`)).rejects.toThrow(
      `oci-archive:${dir}: \`${dir}\` is not a regular file`
    )
  })

  it('decompresses a gzip-compressed docker-archive into workDir and removes it on close', async () => {
    writeDockerArchive(image, join(dir, 'img.tar.gz'), {repoTags: ['app:1'], gzip: true})
    const resolved = await open(`docker-archive:${join(dir, 'img.tar.gz')}`)
    expectSameImage(resolved, image)
    expect(readdirSync(workDir)).toHaveLength(1)
    expect(await uncompressedDigests(resolved)).toEqual(resolved.config.diffIds)
    await resolved.close()
    await resolved.close()
    expect(readdirSync(workDir)).toEqual([])
  })

  it('reads an OCI layout directory and an OCI archive with gzip layers', async () => {
    writeOciLayout(image, join(dir, 'layout'), {refName: 'v1'})
    writeOciArchive(image, join(dir, 'oci.tar'), {refName: 'v1'})
    for (const raw of [`oci:${join(dir, 'layout')}`, `oci-archive:${join(dir, 'oci.tar')}:v1`]) {
      const resolved = await open(raw)
      expectSameImage(resolved, image)
      expect(resolved.manifestDigest).toBe(image.manifestDigest)
      expect(resolved.names).toEqual(['v1'])
      expect(resolved.layers.map(l => [l.digest, l.compression])).toEqual(
        image.layers.map(l => [l.gzipDigest, 'gzip'])
      )
      expect(await uncompressedDigests(resolved)).toEqual(resolved.config.diffIds)
    }
  })

  it('stops when the signal is already aborted', async () => {
    writeOciArchive(image, join(dir, 'oci.tar'))
    await expect(
      open(`oci-archive:${join(dir, 'oci.tar')}`, {signal: AbortSignal.abort()})
    ).rejects.toThrow('This operation was aborted')
  })

  it('returns layer streams that can be opened again and again', async () => {
    writeOciArchive(image, join(dir, 'oci.tar'))
    const [first] = (await open(`oci-archive:${join(dir, 'oci.tar')}`)).layers
    if (!first) throw new Error('no layer')
    expect(await readAll(first)).toEqual(image.layers[0]?.gzip)
    expect(await readAll(first)).toEqual(image.layers[0]?.gzip)
  })
})

describe('openImage image selection', () => {
  it('picks an image of a multi-image docker-archive by repo tag, familiar name or @N', async () => {
    writeDockerArchive(image, join(dir, 'multi.tar'), {
      repoTags: ['app:1'],
      extra: [{image: arm64, repoTags: ['docker.io/library/other:2']}]
    })
    expect((await open(`docker-archive:${join(dir, 'multi.tar')}:app:1`)).configDigest).toBe(
      image.configDigest
    )
    expect((await open(`docker-archive:${join(dir, 'multi.tar')}:other:2`)).configDigest).toBe(
      arm64.configDigest
    )
    expect((await open(`docker-archive:${join(dir, 'multi.tar')}:@1`)).configDigest).toBe(
      arm64.configDigest
    )
  })

  it('asks for a REF when a docker-archive holds several images, listing them', async () => {
    writeDockerArchive(image, join(dir, 'multi.tar'), {
      repoTags: ['app:1'],
      extra: [{image: arm64, repoTags: ['other:2']}]
    })
    const raw = `docker-archive:${join(dir, 'multi.tar')}`
    await expect(open(raw)).rejects.toThrow(
      `${raw} holds 2 images (app:1; other:2); add :REF to pick one`
    )
    await expect(open(`${raw}:nope:1`)).rejects.toThrow(
      `${raw}:nope:1: no image \`nope:1\`; the archive has app:1; other:2`
    )
  })

  it('selects an OCI layout entry by ref name and lists the names when the ref is unknown', async () => {
    writeOciLayout(image, join(dir, 'layout'), {refName: 'v1'})
    const raw = `oci:${join(dir, 'layout')}`
    expect((await open(`${raw}:v1`)).names).toEqual(['v1'])
    await expect(open(`${raw}:v2`)).rejects.toThrow(
      `${raw}:v2: no image named \`v2\`; the layout has v1 (1 entries, @0…@0)`
    )
  })
})

describe('openImage platform selection', () => {
  const layout = (): string => {
    writeOciLayout([amd64, arm64, armv7], join(dir, 'multi'), {
      refName: 'latest',
      attestation: true
    })
    return `oci:${join(dir, 'multi')}`
  }

  it('defaults to linux/amd64 in a multi-platform index', async () => {
    const resolved = await open(layout())
    expect(resolved.manifestDigest).toBe(amd64.manifestDigest)
    expect(resolved.platform).toEqual({os: 'linux', architecture: 'amd64'})
  })

  it('selects an explicit platform, with arm64 matching arm64/v8', async () => {
    const raw = layout()
    expect((await open(raw, {platform: parsePlatform('linux/arm64')})).manifestDigest).toBe(
      arm64.manifestDigest
    )
    expect((await open(raw, {platform: parsePlatform('linux/arm64/v8')})).manifestDigest).toBe(
      arm64.manifestDigest
    )
    expect((await open(raw, {platform: parsePlatform('linux/arm/v7')})).manifestDigest).toBe(
      armv7.manifestDigest
    )
  })

  it('lists the platforms on offer, without attestations, when none matches', async () => {
    const raw = layout()
    await expect(open(raw, {platform: parsePlatform('linux/s390x')})).rejects.toThrow(
      `${raw} has no image for platform linux/s390x; it has linux/amd64, linux/arm64/v8, linux/arm/v7`
    )
  })

  it('skips attestation manifests, so a single-platform build resolves to its only image', async () => {
    writeOciLayout([arm64], join(dir, 'one'), {attestation: true})
    const raw = `oci:${join(dir, 'one')}`
    expect((await open(raw)).manifestDigest).toBe(arm64.manifestDigest)
    await expect(open(raw, {platform: parsePlatform('linux/amd64')})).rejects.toThrow(
      `${raw} has no image for platform linux/amd64; it has linux/arm64/v8`
    )
  })

  it('uses the only image of a source whatever its platform, unless an explicit platform contradicts it', async () => {
    writeDockerArchive(arm64, join(dir, 'arm.tar'), {repoTags: ['a:1']})
    const raw = `docker-archive:${join(dir, 'arm.tar')}`
    expect((await open(raw)).platform).toEqual({os: 'linux', architecture: 'arm64', variant: 'v8'})
    const error = await open(raw, {platform: parsePlatform('linux/amd64')}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidImageError)
    expect((error as Error).message).toBe(
      `${raw} is for platform linux/arm64/v8, not the requested linux/amd64`
    )
  })
})
