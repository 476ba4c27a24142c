import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {imageSlugs, imageSource, imageSources} from './image-sources.js'
import {parseImageReference, supportedTransports} from './reference.js'
import type {ImageTransport} from './types.js'

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8')

/** One example per transport; the compiler fails when a transport is added without one. */
const examples: Record<ImageTransport, string> = {
  'docker-archive': 'docker-archive:/builds/app.tar',
  'oci-archive': 'oci-archive:/builds/app.oci.tar',
  oci: 'oci:/builds/layout:v1',
  'docker-daemon': 'docker-daemon:app:latest',
  podman: 'podman:localhost/app:latest',
  registry: 'docker://ghcr.io/me/app:1'
}

describe('imageSources', () => {
  it('has one row per transport, and parsing accepts every transport it lists', () => {
    expect(imageSources.map(s => s.transport).sort()).toEqual(
      (Object.keys(examples) as ImageTransport[]).sort()
    )
    for (const source of imageSources) {
      expect(parseImageReference(examples[source.transport]).transport).toBe(source.transport)
      expect(imageSource(source.transport)).toBe(source)
    }
    expect(supportedTransports).toEqual([
      'docker-archive',
      'oci-archive',
      'oci',
      'docker-daemon',
      'podman'
    ])
  })

  it('names every source form in the README and in the parse error', () => {
    for (const source of imageSources) expect(readme).toContain(source.form)
    expect(() => parseImageReference('nosuch:thing/x:y:z')).toThrow(
      imageSources.find(s => s.transport === 'podman')!.form
    )
  })

  it('strips every scheme from the slug', () => {
    expect(imageSlugs(imageSources.map(s => `${s.scheme}:app`))).toEqual(
      imageSources.map((_, i) => (i === 0 ? 'app' : `app-${i + 1}`))
    )
  })
})

describe('imageSlugs', () => {
  it('names each image by its file or reference, and makes repeats unique', () => {
    expect(
      imageSlugs([
        'docker-archive:/builds/api.tar',
        'oci-archive:dist/worker.oci.tar',
        'oci:./layout:web-1.0',
        'docker-archive:/other/api.tar',
        'registry.example/team/App:1.2'
      ])
    ).toEqual(['api', 'worker', 'layout-web-1.0', 'api-2', 'app-1.2'])
  })

  it('never produces an empty or path-like slug', () => {
    for (const slug of imageSlugs(['docker-archive:/', 'oci:../..', 'docker-archive:/x/..tar'])) {
      expect(slug).toMatch(/^[a-z0-9][a-z0-9._-]*$/)
      expect(slug).not.toBe('..')
    }
  })
})
