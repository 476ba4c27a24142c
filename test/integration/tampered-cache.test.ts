import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildImage, dockerArchiveFiles, tarOfFiles} from '../support/image-builder.js'
import {runCli} from '../support/run-cli.js'
import {debian11Base, scanDirs} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-tampered-cache')
afterAll(() => dirs.cleanup())

// Layer digests are checked while a scan applies the layers; a cache hit applies nothing, so it
// must check them itself.
describe('a tampered archive of an image whose results are cached', () => {
  it('fails with exit 3 naming the layer instead of reusing the cached results', async () => {
    const image = buildImage({
      layers: [
        debian11Base,
        [
          {name: 'etc/', type: 'dir'},
          {name: 'etc/motd', content: 'cached\n'}
        ]
      ]
    })
    const files = dockerArchiveFiles(image, {format: 'legacy', repoTags: ['localhost/cached:1']})
    const cache = join(dirs.dir, 'cache')
    const good = join(dirs.dir, 'good.tar')
    writeFileSync(good, tarOfFiles(files))
    const cold = await runCli([
      'scan',
      `docker-archive:${good}`,
      '--out',
      dirs.out('cold'),
      '--cache-dir',
      cache
    ])
    expect([0, 1]).toContain(cold.code)
    const warm = await runCli([
      'scan',
      `docker-archive:${good}`,
      '--out',
      dirs.out('warm'),
      '--cache-dir',
      cache
    ])
    expect(warm.stderr).toContain('reusing the cached scan')

    const layerName = [...files.keys()].filter(name => name.endsWith('/layer.tar'))[1]!
    const layer = Buffer.from(files.get(layerName)!)
    layer[600] = (layer[600] ?? 0) ^ 0xff
    files.set(layerName, layer)
    const tampered = join(dirs.dir, 'tampered.tar')
    writeFileSync(tampered, tarOfFiles(files))
    const out = dirs.out('tampered')
    const run = await runCli([
      'scan',
      `docker-archive:${tampered}`,
      '--out',
      out,
      '--cache-dir',
      cache
    ])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain(image.layers[1]!.diffId.slice(0, 19))
    expect(run.stderr).not.toContain('reusing the cached scan')
    // No verdict: only the `incomplete` results.json of docs/output-sets.md.
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'))).toMatchObject({
      status: 'incomplete',
      gate: {status: 'incomplete'}
    })
  })
})
