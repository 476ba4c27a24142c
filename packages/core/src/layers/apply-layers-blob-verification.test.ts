import * as fs from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {
  buildImage,
  dockerArchiveFiles,
  hex,
  ociLayoutFiles,
  sha256,
  tarOfFiles,
  writeFiles
} from '../../../../test/support/image-builder.js'
import {InvalidImageError} from '../errors.js'
import {openImage} from '../image/open-image.js'
import {parseImageReference} from '../image/reference.js'
import {applyLayers} from './apply-layers.js'
import {Sandbox} from '../../../../test/support/layer-fixtures.js'

// Intake no longer hashes blobs up front: these check that the one read that applies a layer
// also verifies its stored bytes, and that a mismatch aborts the apply naming the layer.

let box: Sandbox
let dir: string
beforeEach(() => {
  box = new Sandbox()
  dir = fs.mkdtempSync(join(tmpdir(), 'apply-verify-'))
})
afterEach(() => {
  box.cleanup()
  fs.rmSync(dir, {recursive: true, force: true})
})

const image = buildImage({
  layers: [
    [{name: 'etc/os-release', content: 'ID=debian\n'}],
    [{name: 'usr/bin/app', content: 'app'}]
  ]
})

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!(error instanceof Error)) throw new Error('expected a rejection')
  return error
}

describe('applyLayers verifies the stored blobs as it reads them', () => {
  it('refuses a gzip blob that does not match its descriptor even though it decompresses to the diff_id', async () => {
    const layer = image.layers[1]
    if (!layer) throw new Error('fixture')
    // A different gzip header mtime: same uncompressed tar (diff_id holds), different blob digest.
    const tampered = Buffer.from(layer.gzip)
    tampered[4] = (tampered[4] ?? 0) ^ 0xff
    const files = ociLayoutFiles(image)
    files.set(`blobs/sha256/${hex(layer.gzipDigest)}`, tampered)
    writeFiles(files, join(dir, 'layout'))
    const raw = `oci:${join(dir, 'layout')}`
    const opened = await openImage(parseImageReference(raw), {workDir: join(dir, 'work')})
    try {
      const error = await rejection(applyLayers({root: box.dest, layers: opened.layers}))
      expect(error).toBeInstanceOf(InvalidImageError)
      expect(error.message).toBe(
        `layer 1 (${layer.gzipDigest.slice(0, 19)}…) of ${raw}: expected ${layer.gzipDigest}, found ${sha256(tampered)}`
      )
      expect(box.violations()).toEqual([])
    } finally {
      await opened.close()
    }
  })

  it('refuses an uncompressed legacy layer.tar that does not match its diff_id', async () => {
    const files = dockerArchiveFiles(image, {repoTags: ['app:1']})
    const [id] = [...files.keys()].filter(k => k.endsWith('/layer.tar'))
    const layer = image.layers[0]
    if (!id || !layer) throw new Error('fixture')
    const tampered = Buffer.from(layer.tar)
    tampered[600] = (tampered[600] ?? 0) ^ 0xff
    files.set(id, tampered)
    fs.writeFileSync(join(dir, 'img.tar'), tarOfFiles(files))
    const opened = await openImage(parseImageReference(`docker-archive:${join(dir, 'img.tar')}`), {
      workDir: join(dir, 'work')
    })
    try {
      const error = await rejection(applyLayers({root: box.dest, layers: opened.layers}))
      expect(error).toBeInstanceOf(InvalidImageError)
      expect(error.message).toBe(
        `Layer ${layer.diffId}: the uncompressed layer has digest ${sha256(tampered)}, but the image config says ${layer.diffId}`
      )
    } finally {
      await opened.close()
    }
  })

  it('applies an untampered image from either source', async () => {
    const files = ociLayoutFiles(image)
    writeFiles(files, join(dir, 'layout'))
    const opened = await openImage(parseImageReference(`oci:${join(dir, 'layout')}`), {
      workDir: join(dir, 'work')
    })
    try {
      const result = await applyLayers({root: box.dest, layers: opened.layers})
      expect(result.layers.map(l => l.diffId)).toEqual(image.layers.map(l => l.diffId))
      expect(fs.readFileSync(box.path('usr/bin/app'), 'utf8')).toBe('app')
    } finally {
      await opened.close()
    }
  })
})
