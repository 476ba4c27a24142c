/**
 * Deterministic image fixtures: {@link buildImage} turns layer entry lists into tar layers, gzip
 * layers, a config and an OCI manifest; the writers lay them out as a docker-archive (legacy or
 * Docker ≥ 25 OCI-in-tar), an OCI layout directory or an OCI archive. Same spec → same bytes.
 *
 * The `*Files` functions return the archive's members as an ordered map so that tests can corrupt
 * one member (flip a byte, rewrite `manifest.json`) before writing it with {@link writeFiles} or
 * {@link tarOfFiles}.
 */
import {createHash} from 'node:crypto'
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {writeTar, type TarEntry} from './tar-writer.js'

export interface FixturePlatform {
  os: string
  architecture: string
  variant?: string
}

export interface ImageSpec {
  /** Each layer's tar entries, base layer first. */
  layers: TarEntry[][]
  config?: {
    env?: string[]
    /** `created_by` per layer (same length as `layers`). */
    history?: string[]
    labels?: Record<string, string>
    /** More fields of `config` (`User`, `Healthcheck`, `ExposedPorts` …). */
    fields?: Record<string, unknown>
  }
  /** Default linux/amd64. */
  platform?: FixturePlatform
}

export interface BuiltLayer {
  tar: Buffer
  /** sha256 of `tar`: the diff_id, and the blob digest where layers are stored uncompressed. */
  diffId: string
  gzip: Buffer
  gzipDigest: string
}

export interface BuiltImage {
  platform: FixturePlatform
  layers: BuiltLayer[]
  config: Buffer
  configDigest: string
  /** OCI manifest over the gzip layers (the `oci:` and `oci-archive:` forms). */
  manifest: Buffer
  manifestDigest: string
}

export type FileMap = Map<string, Buffer>

const created = '2024-01-01T00:00:00Z'
const ociManifestType = 'application/vnd.oci.image.manifest.v1+json'
const ociIndexType = 'application/vnd.oci.image.index.v1+json'
const ociConfigType = 'application/vnd.oci.image.config.v1+json'

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`
}

export function hex(digest: string): string {
  return digest.slice('sha256:'.length)
}

export function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value))
}

/** A descriptor object for `data`. */
export function descriptor(
  mediaType: string,
  data: Buffer,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return {mediaType, digest: sha256(data), size: data.length, ...extra}
}

export function buildImage(spec: ImageSpec): BuiltImage {
  const platform = spec.platform ?? {os: 'linux', architecture: 'amd64'}
  const layers = spec.layers.map(entries => {
    const tar = writeTar(entries)
    const gzip = gzipSync(tar, {level: 9})
    return {tar, diffId: sha256(tar), gzip, gzipDigest: sha256(gzip)}
  })
  const history = spec.layers.map((_, i) => ({
    created,
    created_by: spec.config?.history?.[i] ?? `ADD layer-${i}.tar /`
  }))
  const config = json({
    created,
    architecture: platform.architecture,
    ...(platform.variant ? {variant: platform.variant} : {}),
    os: platform.os,
    config: {
      Env: spec.config?.env ?? ['PATH=/usr/sbin:/usr/bin:/sbin:/bin'],
      Labels: spec.config?.labels ?? {},
      ...spec.config?.fields
    },
    rootfs: {type: 'layers', diff_ids: layers.map(l => l.diffId)},
    history
  })
  const manifest = json({
    schemaVersion: 2,
    mediaType: ociManifestType,
    config: descriptor(ociConfigType, config),
    layers: layers.map(l => descriptor('application/vnd.oci.image.layer.v1.tar+gzip', l.gzip))
  })
  return {
    platform,
    layers,
    config,
    configDigest: sha256(config),
    manifest,
    manifestDigest: sha256(manifest)
  }
}

export interface OciLayoutOptions {
  /** `org.opencontainers.image.ref.name` of the top-level entry. */
  refName?: string
  /** Several images: add a BuildKit attestation manifest (`unknown/unknown`) per image. */
  attestation?: boolean
}

/** An attestation manifest as BuildKit attaches it, pointing at `subject`. */
function attestationFiles(files: FileMap, subject: BuiltImage): Record<string, unknown> {
  const statement = json({
    _type: 'https://in-toto.io/Statement/v0.1',
    subject: [{digest: {sha256: hex(subject.manifestDigest)}}]
  })
  const config = json({
    architecture: 'unknown',
    os: 'unknown',
    config: {},
    rootfs: {type: 'layers', diff_ids: [sha256(statement)]}
  })
  const manifest = json({
    schemaVersion: 2,
    mediaType: ociManifestType,
    config: descriptor(ociConfigType, config),
    layers: [
      descriptor('application/vnd.in-toto+json', statement, {
        annotations: {'in-toto.io/predicate-type': 'https://spdx.dev/Document'}
      })
    ]
  })
  for (const blob of [statement, config, manifest])
    files.set(`blobs/sha256/${hex(sha256(blob))}`, blob)
  return descriptor(ociManifestType, manifest, {
    platform: {architecture: 'unknown', os: 'unknown'},
    annotations: {
      'vnd.docker.reference.digest': subject.manifestDigest,
      'vnd.docker.reference.type': 'attestation-manifest'
    }
  })
}

function platformOf(image: BuiltImage): Record<string, string> {
  const {os, architecture, variant} = image.platform
  return variant ? {architecture, os, variant} : {architecture, os}
}

/**
 * The members of an OCI layout. One image: `index.json` lists its manifest. Several images:
 * `index.json` lists one nested index (as `docker buildx` and `skopeo copy --all` write), which
 * lists each image's manifest with its platform (and attestations when asked).
 */
export function ociLayoutFiles(
  images: BuiltImage | BuiltImage[],
  options: OciLayoutOptions = {}
): FileMap {
  const list = Array.isArray(images) ? images : [images]
  const files: FileMap = new Map([['oci-layout', json({imageLayoutVersion: '1.0.0'})]])
  const blobs: FileMap = new Map()
  for (const image of list) {
    for (const layer of image.layers) blobs.set(`blobs/sha256/${hex(layer.gzipDigest)}`, layer.gzip)
    blobs.set(`blobs/sha256/${hex(image.configDigest)}`, image.config)
    blobs.set(`blobs/sha256/${hex(image.manifestDigest)}`, image.manifest)
  }
  const annotations = options.refName
    ? {annotations: {'org.opencontainers.image.ref.name': options.refName}}
    : {}
  let top: Record<string, unknown>
  const [only] = list
  if (list.length === 1 && only && !options.attestation) {
    top = descriptor(ociManifestType, only.manifest, annotations)
  } else {
    const entries = list.map(image =>
      descriptor(ociManifestType, image.manifest, {platform: platformOf(image)})
    )
    if (options.attestation) for (const image of list) entries.push(attestationFiles(blobs, image))
    const nested = json({schemaVersion: 2, mediaType: ociIndexType, manifests: entries})
    blobs.set(`blobs/sha256/${hex(sha256(nested))}`, nested)
    top = descriptor(ociIndexType, nested, annotations)
  }
  files.set('index.json', json({schemaVersion: 2, mediaType: ociIndexType, manifests: [top]}))
  for (const [name, data] of [...blobs].sort(([a], [b]) => a.localeCompare(b)))
    files.set(name, data)
  return files
}

export interface DockerArchiveOptions {
  /** `legacy`: `<id>/layer.tar` (docker < 25); `oci`: Docker ≥ 25 OCI layout + manifest.json. */
  format?: 'legacy' | 'oci'
  repoTags?: string[]
  /** Further images in the same archive. */
  extra?: {image: BuiltImage; repoTags: string[]}[]
}

function repositories(entries: {repoTags: string[]; top: string}[]): Buffer {
  const repos: Record<string, Record<string, string>> = {}
  for (const {repoTags, top} of entries) {
    for (const tag of repoTags) {
      const colon = tag.lastIndexOf(':')
      const repo = tag.slice(0, colon)
      repos[repo] = {...repos[repo], [tag.slice(colon + 1)]: top}
    }
  }
  return json(repos)
}

/** The members of a docker-archive, layers uncompressed as `docker save` writes them. */
export function dockerArchiveFiles(image: BuiltImage, options: DockerArchiveOptions = {}): FileMap {
  const all = [{image, repoTags: options.repoTags ?? []}, ...(options.extra ?? [])]
  const files: FileMap = new Map()
  const manifest: unknown[] = []
  const repos: {repoTags: string[]; top: string}[] = []
  const ociEntries: Record<string, unknown>[] = []
  for (const {image: img, repoTags} of all) {
    if (options.format === 'oci') {
      const layerPaths = img.layers.map(l => `blobs/sha256/${hex(l.diffId)}`)
      img.layers.forEach((l, i) => files.set(layerPaths[i] ?? '', l.tar))
      files.set(`blobs/sha256/${hex(img.configDigest)}`, img.config)
      const ociManifest = json({
        schemaVersion: 2,
        mediaType: ociManifestType,
        config: descriptor(ociConfigType, img.config),
        layers: img.layers.map(l => descriptor('application/vnd.oci.image.layer.v1.tar', l.tar))
      })
      files.set(`blobs/sha256/${hex(sha256(ociManifest))}`, ociManifest)
      for (const tag of repoTags.length > 0 ? repoTags : ['']) {
        const names = tag
          ? {
              'io.containerd.image.name': `docker.io/library/${tag}`,
              'org.opencontainers.image.ref.name': tag.slice(tag.lastIndexOf(':') + 1)
            }
          : {}
        ociEntries.push(descriptor(ociManifestType, ociManifest, {annotations: names}))
      }
      manifest.push({
        Config: `blobs/sha256/${hex(img.configDigest)}`,
        RepoTags: repoTags,
        Layers: layerPaths
      })
      repos.push({repoTags, top: hex(img.layers.at(-1)?.diffId ?? img.configDigest)})
    } else {
      let parent = ''
      const layerPaths: string[] = []
      for (const layer of img.layers) {
        const id = hex(sha256(`${parent} ${layer.diffId}`))
        files.set(`${id}/VERSION`, Buffer.from('1.0'))
        files.set(`${id}/json`, json(parent ? {id, parent} : {id}))
        files.set(`${id}/layer.tar`, layer.tar)
        layerPaths.push(`${id}/layer.tar`)
        parent = id
      }
      files.set(`${hex(img.configDigest)}.json`, img.config)
      manifest.push({
        Config: `${hex(img.configDigest)}.json`,
        RepoTags: repoTags,
        Layers: layerPaths
      })
      repos.push({repoTags, top: parent})
    }
  }
  if (options.format === 'oci') {
    files.set(
      'index.json',
      json({schemaVersion: 2, mediaType: ociIndexType, manifests: ociEntries})
    )
    files.set('oci-layout', json({imageLayoutVersion: '1.0.0'}))
  }
  files.set('manifest.json', json(manifest))
  files.set('repositories', repositories(repos))
  return files
}

/** A tar of `files` with a directory entry before each directory's first member. */
export function tarOfFiles(files: FileMap): Buffer {
  const entries: TarEntry[] = []
  const dirs = new Set<string>()
  for (const [name, content] of files) {
    const parts = name.split('/').slice(0, -1)
    for (let i = 1; i <= parts.length; i++) {
      const dir = `${parts.slice(0, i).join('/')}/`
      if (!dirs.has(dir)) entries.push({name: dir, type: 'dir', mtime: 0})
      dirs.add(dir)
    }
    entries.push({name, content, mtime: 0})
  }
  return writeTar(entries)
}

/** Writes `files` under `dir` (created as needed). */
export function writeFiles(files: FileMap, dir: string): void {
  for (const [name, content] of files) {
    const target = join(dir, ...name.split('/'))
    mkdirSync(dirname(target), {recursive: true})
    writeFileSync(target, content)
  }
}

export function writeDockerArchive(
  image: BuiltImage,
  path: string,
  options: DockerArchiveOptions & {gzip?: boolean} = {}
): void {
  const tar = tarOfFiles(dockerArchiveFiles(image, options))
  writeFileSync(path, options.gzip ? gzipSync(tar, {level: 9}) : tar)
}

export function writeOciLayout(
  images: BuiltImage | BuiltImage[],
  dir: string,
  options: OciLayoutOptions = {}
): void {
  writeFiles(ociLayoutFiles(images, options), dir)
}

export function writeOciArchive(
  images: BuiltImage | BuiltImage[],
  path: string,
  options: OciLayoutOptions = {}
): void {
  writeFileSync(path, tarOfFiles(ociLayoutFiles(images, options)))
}
