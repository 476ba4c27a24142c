import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {
  buildImage,
  sha256,
  writeDockerArchive,
  writeOciArchive,
  writeOciLayout,
  type ImageSpec
} from './image-builder.js'

const spec: ImageSpec = {
  layers: [
    [
      {name: 'etc/', type: 'dir'},
      {name: 'etc/os-release', content: 'ID=debian\n'}
    ],
    [
      {name: 'usr/bin/app', content: 'app', mode: 0o755},
      {name: 'usr/bin/link', type: 'symlink', linkname: 'app'}
    ]
  ],
  config: {env: ['PATH=/bin'], history: ['ADD rootfs /', 'COPY app /usr/bin/'], labels: {a: 'b'}}
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'image-builder-'))
})
afterEach(() => {
  rmSync(dir, {recursive: true, force: true})
})

function skopeo(...args: string[]): string {
  return execFileSync('skopeo', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})
}

function writeAll(prefix: string): void {
  const image = buildImage(spec)
  const arm = buildImage({...spec, platform: {os: 'linux', architecture: 'arm64', variant: 'v8'}})
  writeDockerArchive(image, join(dir, `${prefix}-legacy.tar`), {repoTags: ['app:1']})
  writeDockerArchive(image, join(dir, `${prefix}-d25.tar`), {format: 'oci', repoTags: ['app:1']})
  writeDockerArchive(image, join(dir, `${prefix}-legacy.tar.gz`), {repoTags: ['app:1'], gzip: true})
  writeOciArchive([image, arm], join(dir, `${prefix}-multi.tar`), {
    refName: 'v1',
    attestation: true
  })
  writeOciLayout([image, arm], join(dir, `${prefix}-layout`), {refName: 'v1', attestation: true})
}

describe('image-builder', () => {
  it('writes byte-for-byte identical fixtures from the same spec', () => {
    writeAll('a')
    writeAll('b')
    for (const name of ['legacy.tar', 'd25.tar', 'legacy.tar.gz', 'multi.tar']) {
      expect(sha256(readFileSync(join(dir, `a-${name}`)))).toBe(
        sha256(readFileSync(join(dir, `b-${name}`)))
      )
    }
    const blobs = readdirSync(join(dir, 'a-layout', 'blobs', 'sha256'))
    expect(readdirSync(join(dir, 'b-layout', 'blobs', 'sha256'))).toEqual(blobs)
  })

  it('records the layer tars as diff_ids and the history, env and labels in the config', () => {
    const image = buildImage(spec)
    const config = JSON.parse(image.config.toString()) as {
      rootfs: {diff_ids: string[]}
      history: {created_by: string}[]
      config: {Env: string[]; Labels: object}
    }
    expect(config.rootfs.diff_ids).toEqual(image.layers.map(l => sha256(l.tar)))
    expect(config.history.map(h => h.created_by)).toEqual(['ADD rootfs /', 'COPY app /usr/bin/'])
    expect(config.config).toEqual({Env: ['PATH=/bin'], Labels: {a: 'b'}})
    expect(image.configDigest).toBe(sha256(image.config))
  })

  it('writes docker-archives that skopeo reads, legacy and Docker 25 style', () => {
    writeAll('a')
    const image = buildImage(spec)
    // skopeo 1.9 cannot read a gzip'd docker-archive itself; the gzip must wrap the same tar.
    expect(gunzipSync(readFileSync(join(dir, 'a-legacy.tar.gz')))).toEqual(
      readFileSync(join(dir, 'a-legacy.tar'))
    )
    for (const name of ['a-legacy.tar', 'a-d25.tar']) {
      const config = JSON.parse(
        skopeo('inspect', '--config', `docker-archive:${join(dir, name)}`)
      ) as {rootfs: {diff_ids: string[]}}
      expect(config.rootfs.diff_ids).toEqual(image.layers.map(l => l.diffId))
    }
  })

  it('writes OCI layouts and archives that skopeo copies with digest verification', () => {
    writeAll('a')
    const image = buildImage(spec)
    const raw = JSON.parse(skopeo('inspect', '--raw', `oci:${join(dir, 'a-layout')}:v1`)) as {
      manifests: {platform: {architecture: string}}[]
    }
    expect(raw.manifests.map(m => m.platform.architecture)).toEqual([
      'amd64',
      'arm64',
      'unknown',
      'unknown'
    ])
    skopeo('copy', '-q', '--all', `oci:${join(dir, 'a-layout')}:v1`, `oci:${join(dir, 'copy')}:all`)
    skopeo(
      'copy',
      '-q',
      `oci-archive:${join(dir, 'a-multi.tar')}:v1`,
      `oci:${join(dir, 'copy')}:amd64`
    )
    const copied = JSON.parse(skopeo('inspect', '--raw', `oci:${join(dir, 'copy')}:amd64`)) as {
      config: {digest: string}
    }
    expect(copied.config.digest).toBe(image.configDigest)
  })
})
