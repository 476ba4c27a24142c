import {describe, expect, it} from 'vitest'
import {imageSlugs} from './scan-images.js'

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
