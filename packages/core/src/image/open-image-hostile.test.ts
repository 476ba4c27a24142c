import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {
  buildImage,
  descriptor,
  dockerArchiveFiles,
  hex,
  json,
  ociLayoutFiles,
  sha256,
  tarOfFiles,
  writeFiles,
  type FileMap
} from '../../../../test/support/image-builder.js'
import {InvalidImageError, LimitExceededError} from '../errors.js'
import {openImage} from './open-image.js'
import {parseImageReference} from './reference.js'
import {verifyLayerBlobs} from './verify-layers.js'
import type {ResolvedImage} from './types.js'

let dir: string
let workDir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'intake-hostile-'))
  workDir = mkdtempSync(join(tmpdir(), 'intake-hostile-work-'))
})
afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
  rmSync(workDir, {recursive: true, force: true})
})

const image = buildImage({
  layers: [
    [{name: 'etc/os-release', content: 'ID=debian\n'}],
    [{name: 'usr/bin/app', content: 'app'}]
  ]
})
const ociManifestType = 'application/vnd.oci.image.manifest.v1+json'
const ociIndexType = 'application/vnd.oci.image.index.v1+json'

async function open(raw: string): Promise<ResolvedImage> {
  return openImage(parseImageReference(raw), {workDir})
}

async function failure(raw: string): Promise<Error> {
  const error = await open(raw).then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error(`${raw} opened without an error`)
  return error
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (stream === undefined) throw new Error('fixture: no such layer')
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function flipLastByte(data: Buffer): Buffer {
  const copy = Buffer.from(data)
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0xff
  return copy
}

/** Points `index.json` at a manifest document (any JSON) stored as a blob. */
function withManifest(files: FileMap, manifest: unknown, mediaType = ociManifestType): FileMap {
  const bytes = json(manifest)
  files.set(`blobs/sha256/${hex(sha256(bytes))}`, bytes)
  files.set('index.json', json({schemaVersion: 2, manifests: [descriptor(mediaType, bytes)]}))
  return files
}

function layout(files: FileMap): string {
  writeFiles(files, join(dir, 'layout'))
  return `oci:${join(dir, 'layout')}`
}

function dockerArchive(files: FileMap): string {
  writeFileSync(join(dir, 'img.tar'), tarOfFiles(files))
  return `docker-archive:${join(dir, 'img.tar')}`
}

describe('openImage verification (EX-35, EX-36)', () => {
  it('names the layer digest when an OCI layer blob with a flipped byte is read', async () => {
    const files = ociLayoutFiles(image)
    const layer = image.layers[1]
    if (!layer) throw new Error('fixture')
    const tampered = flipLastByte(layer.gzip)
    files.set(`blobs/sha256/${hex(layer.gzipDigest)}`, tampered)
    const raw = layout(files)
    // Digests are checked in the one read that applies the layer, not by openImage.
    const opened = await open(raw)
    try {
      await expect(readAll(opened.layers[0]?.open())).resolves.toEqual(image.layers[0]?.gzip)
      const error = await readAll(opened.layers[1]?.open()).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidImageError)
      expect((error as Error).message).toBe(
        `layer 1 (${layer.gzipDigest.slice(0, 19)}…) of ${raw}: expected ${layer.gzipDigest}, found ${sha256(tampered)}`
      )
      expect((error as InvalidImageError).component).toBe(layer.gzipDigest)
    } finally {
      await opened.close()
    }
  })

  it('fails reading a layer blob that is shorter than its descriptor says, before its end', async () => {
    const files = ociLayoutFiles(image)
    const layer = image.layers[1]
    if (!layer) throw new Error('fixture')
    const raw = layout(files)
    const opened = await open(raw)
    try {
      // The blob shrinks after intake: the stream must not end cleanly.
      writeFileSync(
        join(dir, 'layout', 'blobs', 'sha256', hex(layer.gzipDigest)),
        layer.gzip.subarray(0, 10)
      )
      await expect(readAll(opened.layers[1]?.open())).rejects.toThrow(
        `layer 1 (${layer.gzipDigest.slice(0, 19)}…) of ${raw}: expected ${layer.gzip.length} bytes, found 10`
      )
    } finally {
      await opened.close()
    }
  })

  it('leaves an uncompressed legacy layer.tar whose digest is its diff_id to the applier, and cleans workDir on close', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    const [id] = [...files.keys()].filter(k => k.endsWith('/layer.tar'))
    const layer = image.layers[0]
    if (!id || !layer) throw new Error('fixture')
    const tampered = flipLastByte(layer.tar)
    files.set(id, tampered)
    writeFileSync(join(dir, 'img.tar.gz'), (await import('node:zlib')).gzipSync(tarOfFiles(files)))
    const raw = `docker-archive:${join(dir, 'img.tar.gz')}`
    const opened = await open(raw)
    expect(opened.layers[0]).toMatchObject({
      digest: layer.diffId,
      diffId: layer.diffId,
      compression: 'none'
    })
    // The stream delivers the bytes unhashed; the applier's diff_id check rejects them
    // (layers/apply-layers-integrity.test.ts).
    await expect(readAll(opened.layers[0]?.open())).resolves.toEqual(tampered)
    await opened.close()
    expect(readdirSync(workDir)).toEqual([])
  })

  it('verifyLayerBlobs checks every blob without applying, diff_id-named ones included', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    const raw = dockerArchive(files)
    const good = await open(raw)
    await expect(verifyLayerBlobs(good.layers, raw)).resolves.toBeUndefined()
    await good.close()
    const [id] = [...files.keys()].filter(k => k.endsWith('/layer.tar'))
    const layer = image.layers[0]
    if (!id || !layer) throw new Error('fixture')
    const tampered = flipLastByte(layer.tar)
    files.set(id, tampered)
    const bad = await open(dockerArchive(files))
    await expect(verifyLayerBlobs(bad.layers, raw)).rejects.toThrow(
      `layer 0 (${layer.diffId.slice(0, 19)}…) of ${raw}: expected ${layer.diffId}, found ${sha256(tampered)}`
    )
    await bad.close()
  })

  it('refuses a config blob whose content does not match its digest', async () => {
    const files = ociLayoutFiles(image)
    const tampered = Buffer.from(image.config.toString().replace('"amd64"', '"arm64"'))
    files.set(`blobs/sha256/${hex(image.configDigest)}`, tampered)
    const raw = layout(files)
    expect((await failure(raw)).message).toBe(
      `config ${image.configDigest.slice(0, 19)}… of ${raw}: expected ${image.configDigest}, found ${sha256(tampered)}`
    )
  })

  it('refuses a legacy config whose file name is not its digest', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    const tampered = Buffer.from(image.config.toString().replace('"amd64"', '"arm64"'))
    files.set(`${hex(image.configDigest)}.json`, tampered)
    const raw = dockerArchive(files)
    expect((await failure(raw)).message).toBe(
      `config (${image.configDigest.slice(0, 19)}…) of ${raw}: expected ${image.configDigest}, found ${sha256(tampered)}`
    )
  })

  it('refuses a config with fewer diff_ids than the manifest has layers', async () => {
    const config = JSON.parse(image.config.toString()) as {rootfs: {diff_ids: string[]}}
    config.rootfs.diff_ids = config.rootfs.diff_ids.slice(0, 1)
    const configBytes = json(config)
    const files = ociLayoutFiles(image)
    files.set(`blobs/sha256/${hex(sha256(configBytes))}`, configBytes)
    const manifest = JSON.parse(image.manifest.toString()) as Record<string, unknown>
    const raw = layout(
      withManifest(files, {
        ...manifest,
        config: descriptor('application/vnd.oci.image.config.v1+json', configBytes)
      })
    )
    expect((await failure(raw)).message).toBe(
      `${raw}: the config lists 1 diff_ids but the manifest has 2 layers`
    )
  })

  it('refuses a legacy manifest.json listing more layers than the config has diff_ids', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    const [entry] = JSON.parse(files.get('manifest.json')?.toString() ?? '') as {Layers: string[]}[]
    if (!entry) throw new Error('fixture')
    entry.Layers.push(entry.Layers[0] ?? '')
    files.set('manifest.json', json([entry]))
    expect((await failure(dockerArchive(files))).message).toContain(
      'the config lists 2 diff_ids but the manifest has 3 layers'
    )
  })

  it('refuses a layer whose media type says gzip when the blob is an uncompressed tar', async () => {
    const files = ociLayoutFiles(image)
    const layers = image.layers.map(l => {
      files.set(`blobs/sha256/${hex(l.diffId)}`, l.tar)
      return descriptor('application/vnd.oci.image.layer.v1.tar+gzip', l.tar)
    })
    const raw = layout(
      withManifest(files, {
        schemaVersion: 2,
        mediaType: ociManifestType,
        config: descriptor('application/vnd.oci.image.config.v1+json', image.config),
        layers
      })
    )
    expect((await failure(raw)).message).toContain(
      'media type `application/vnd.oci.image.layer.v1.tar+gzip` says gzip but the blob is not compressed'
    )
  })
})

describe('openImage containment (EX-37)', () => {
  it('rejects manifest.json layer paths that climb out of the archive or are absolute', async () => {
    for (const bad of ['../../etc/passwd', '/etc/passwd', 'a/../../b']) {
      const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
      const [entry] = JSON.parse(files.get('manifest.json')?.toString() ?? '') as {
        Layers: string[]
      }[]
      if (!entry) throw new Error('fixture')
      entry.Layers[0] = bad
      files.set('manifest.json', json([entry]))
      const error = await failure(dockerArchive(files))
      expect(error).toBeInstanceOf(InvalidImageError)
      expect(error.message).toMatch(
        /manifest\.json\[0\]\.Layers\[0\]: path `.*` is absolute|contains `\.\.`/
      )
    }
  })

  it('refuses an OCI layout blob that is a symlink, even to a file with the right content', async () => {
    const files = ociLayoutFiles(image)
    const raw = layout(files)
    const layer = image.layers[0]
    if (!layer) throw new Error('fixture')
    const blob = join(dir, 'layout', 'blobs', 'sha256', hex(layer.gzipDigest))
    writeFileSync(join(dir, 'outside'), layer.gzip)
    unlinkSync(blob)
    symlinkSync(join(dir, 'outside'), blob)
    expect((await failure(raw)).message).toBe(
      `${raw}: \`blobs/sha256/${hex(layer.gzipDigest)}\` is a symlink; layout files must be regular files inside the layout`
    )
  })

  it('refuses blobs reached through a symlinked directory that leaves the layout', async () => {
    const files = ociLayoutFiles(image)
    writeFiles(files, join(dir, 'elsewhere'))
    const raw = layout(new Map([...files].filter(([name]) => !name.startsWith('blobs/'))))
    symlinkSync(join(dir, 'elsewhere', 'blobs'), join(dir, 'layout', 'blobs'))
    expect((await failure(raw)).message).toMatch(/resolves outside the layout directory$/)
  })

  it('validates digest strings before using them as paths', async () => {
    const files = ociLayoutFiles(image)
    files.set(
      'index.json',
      json({
        schemaVersion: 2,
        manifests: [{mediaType: ociManifestType, digest: 'sha256:../../../etc/passwd', size: 10}]
      })
    )
    expect((await failure(layout(files))).message).toBe(
      `${`oci:${join(dir, 'layout')}`}: index.json manifests[0] digest: expected a digest of the form sha256:<64 lowercase hex digits>, found \`sha256:../../../etc/passwd\``
    )
  })
})

describe('openImage document checks', () => {
  it('refuses a docker-archive manifest.json over 1 MiB, naming the file', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    files.set('manifest.json', Buffer.alloc(1024 * 1024 + 1, ' '))
    const raw = dockerArchive(files)
    const error = await failure(raw)
    expect(error).toBeInstanceOf(LimitExceededError)
    expect(error.message).toBe(`${raw}: manifest.json is 1048577 bytes; the limit is 1048576 bytes`)
  })

  it('refuses an image manifest over 4 MiB before reading it', async () => {
    const files = ociLayoutFiles(image)
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, ' ')
    const raw = layout(withManifest(files, {}))
    const digest = sha256(big)
    writeFileSync(join(dir, 'layout', 'blobs', 'sha256', hex(digest)), big)
    writeFileSync(
      join(dir, 'layout', 'index.json'),
      json({schemaVersion: 2, manifests: [descriptor(ociManifestType, big)]})
    )
    expect((await failure(raw)).message).toBe(
      `manifest ${digest.slice(0, 19)}… of ${raw} is 4194305 bytes; the limit is 4194304 bytes`
    )
  })

  it('refuses Docker schema1 manifests by media type and by schemaVersion', async () => {
    const signed = ociLayoutFiles(image)
    const schema1 = json({schemaVersion: 1, name: 'x', tag: 'latest', fsLayers: []})
    signed.set(`blobs/sha256/${hex(sha256(schema1))}`, schema1)
    signed.set(
      'index.json',
      json({
        schemaVersion: 2,
        manifests: [
          descriptor('application/vnd.docker.distribution.manifest.v1+prettyjws', schema1)
        ]
      })
    )
    expect((await failure(layout(signed))).message).toContain(
      'has media type `application/vnd.docker.distribution.manifest.v1+prettyjws`: Docker schema1 images are not supported'
    )
    rmSync(join(dir, 'layout'), {recursive: true})
    const mislabelled = withManifest(
      ociLayoutFiles(image),
      {schemaVersion: 1, fsLayers: []},
      'application/vnd.docker.distribution.manifest.v2+json'
    )
    expect((await failure(layout(mislabelled))).message).toContain(
      'is a Docker schema1 manifest (schemaVersion 1), which is not supported'
    )
  })

  it('refuses a document with both manifests and layers (CVE-2021-41190)', async () => {
    const manifest = JSON.parse(image.manifest.toString()) as Record<string, unknown>
    const raw = layout(withManifest(ociLayoutFiles(image), {...manifest, manifests: []}))
    expect((await failure(raw)).message).toContain(
      'has both `manifests` and `layers`/`config`; refusing an ambiguous document (CVE-2021-41190)'
    )
  })

  it('refuses an embedded media type that differs from the descriptor', async () => {
    const raw = layout(
      withManifest(
        ociLayoutFiles(image),
        JSON.parse(image.manifest.toString()),
        'application/vnd.docker.distribution.manifest.v2+json'
      )
    )
    expect((await failure(raw)).message).toContain(
      'the descriptor says media type `application/vnd.docker.distribution.manifest.v2+json` but the document says `application/vnd.oci.image.manifest.v1+json`'
    )
  })

  it('refuses a non-image artifact, naming its config media type', async () => {
    const chart = Buffer.from('{}')
    const files = ociLayoutFiles(image)
    files.set(`blobs/sha256/${hex(sha256(chart))}`, chart)
    const raw = layout(
      withManifest(files, {
        schemaVersion: 2,
        mediaType: ociManifestType,
        config: descriptor('application/vnd.cncf.helm.config.v1+json', chart),
        layers: []
      })
    )
    expect((await failure(raw)).message).toContain(
      'is not a container image: its config has media type `application/vnd.cncf.helm.config.v1+json`'
    )
  })

  it('refuses an index that contains itself (a cycle) and indexes nested too deep, without looping', async () => {
    const files = ociLayoutFiles(image)
    const self = 'sha256:' + 'ab'.repeat(32)
    const cyclic = json({
      schemaVersion: 2,
      mediaType: ociIndexType,
      manifests: [{mediaType: ociIndexType, digest: self, size: 0}]
    })
    files.set(`blobs/sha256/${hex(self)}`, cyclic)
    files.set(
      'index.json',
      json({
        schemaVersion: 2,
        manifests: [{mediaType: ociIndexType, digest: self, size: cyclic.length}]
      })
    )
    const raw = layout(files)
    // A blob cannot contain its own digest and still hash to it: verification stops the loop at the
    // first read, before the cycle check (kept as defence in depth) is ever reached.
    expect((await failure(raw)).message).toBe(
      `index ${self.slice(0, 19)}… of ${raw}: expected ${self}, found ${sha256(cyclic)}`
    )

    rmSync(join(dir, 'layout'), {recursive: true})
    const deep = ociLayoutFiles(image)
    let target = descriptor(ociManifestType, image.manifest)
    for (let i = 0; i < 10; i++) {
      const index = json({schemaVersion: 2, mediaType: ociIndexType, manifests: [target]})
      deep.set(`blobs/sha256/${hex(sha256(index))}`, index)
      target = descriptor(ociIndexType, index)
    }
    deep.set('index.json', json({schemaVersion: 2, manifests: [target]}))
    expect((await failure(layout(deep))).message).toContain('indexes nest more than 8 levels deep')
  })

  it('accepts an index nested a few levels deep', async () => {
    const files = ociLayoutFiles(image)
    let target = descriptor(ociManifestType, image.manifest, {
      platform: {os: 'linux', architecture: 'amd64'}
    })
    for (let i = 0; i < 3; i++) {
      const index = json({schemaVersion: 2, mediaType: ociIndexType, manifests: [target]})
      files.set(`blobs/sha256/${hex(sha256(index))}`, index)
      target = descriptor(ociIndexType, index)
    }
    files.set('index.json', json({schemaVersion: 2, manifests: [target]}))
    expect((await open(layout(files))).manifestDigest).toBe(image.manifestDigest)
  })

  it('refuses an OCI layout whose oci-layout version is not 1.0.0', async () => {
    const files = ociLayoutFiles(image)
    files.set('oci-layout', json({imageLayoutVersion: '2.0.0'}))
    mkdirSync(join(dir, 'layout'))
    const raw = layout(files)
    expect((await failure(raw)).message).toBe(
      `${raw}: oci-layout: expected imageLayoutVersion 1.0.0, found \`2.0.0\``
    )
  })
})
