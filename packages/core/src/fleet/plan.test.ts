import {mkdtempSync, mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {archivesIn, localSize, planShards, policyImages} from './plan.js'
import {githubMatrix, gitlabChildPipeline, jenkinsList} from './plan-formats.js'
import type {Policy} from '../policy/types.js'

describe('planShards', () => {
  it('balances known sizes: largest first onto the lightest shard', () => {
    const sizes = [90, 80, 70, 60, 50, 40, 30, 20, 10, 5]
    const plan = planShards(
      sizes.map((size, i) => ({image: `docker-archive:i${i}.tar`, size})),
      3
    )
    expect(plan.shards).toHaveLength(3)
    const loads = plan.shards.map(s => s.bytes)
    expect(loads.reduce((a, b) => a + b, 0)).toBe(455)
    // LPT: the heaviest shard is within 4/3 of the ideal (455 / 3)
    expect(Math.max(...loads)).toBeLessThanOrEqual(Math.ceil((455 / 3) * (4 / 3)))
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(20)
    // every image exactly once
    expect(plan.shards.flatMap(s => s.images).sort()).toEqual(plan.images.map(i => i.image).sort())
  })

  it('spreads images of unknown size evenly and never makes an empty shard', () => {
    const plan = planShards(
      ['a', 'b', 'c', 'd', 'e'].map(image => ({image: `registry.example/${image}:1`})),
      8
    )
    expect(plan.shards).toHaveLength(5)
    expect(plan.shards.every(s => s.images.length === 1)).toBe(true)
    const two = planShards(
      ['a', 'b', 'c', 'd', 'e'].map(image => ({image})),
      2
    )
    expect(two.shards.map(s => s.images.length).sort()).toEqual([2, 3])
  })

  it('drops duplicates and refuses an empty fleet or a bad shard count', () => {
    expect(planShards([{image: 'a'}, {image: 'a'}], 2).shards).toHaveLength(1)
    expect(() => planShards([], 2)).toThrow(/at least one image/)
    expect(() => planShards([{image: 'a'}], 0)).toThrow(/at least 1, got 0/)
  })
})

describe('plan inputs', () => {
  it('finds archives in a directory with their sizes, and literal policy images', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scapgate-plan-'))
    mkdirSync(join(dir, 'images'))
    writeFileSync(join(dir, 'images', 'b.tar'), Buffer.alloc(300))
    writeFileSync(join(dir, 'images', 'a.oci.tar'), Buffer.alloc(100))
    writeFileSync(join(dir, 'images', 'notes.txt'), 'x')
    const found = await archivesIn(join(dir, 'images'), dir)
    expect(found).toEqual(['oci-archive:./images/a.oci.tar', 'docker-archive:./images/b.tar'])
    expect(await localSize('docker-archive:./images/b.tar', dir)).toBe(300)
    expect(await localSize('docker-archive:./images/b.tar:app:1', dir)).toBe(300)
    expect(await localSize('registry.example/app:1', dir)).toBeUndefined()
    await expect(archivesIn(join(dir, 'missing'), dir)).rejects.toThrow(
      /directory of image archives/
    )
    const policy = {
      images: [{match: ['docker-archive:api.tar', 'registry.example/team/*']}, {match: ['worker']}]
    } as unknown as Policy
    expect(policyImages(policy)).toEqual(['docker-archive:api.tar', 'worker'])
  })
})

describe('plan formats', () => {
  const plan = planShards(
    [
      {image: 'docker-archive:a.tar', size: 3},
      {image: 'docker-archive:b.tar', size: 2},
      {image: 'docker-archive:c.tar', size: 2}
    ],
    2
  )

  it('github: a strategy.matrix with one include per shard, images one per line', () => {
    const matrix = JSON.parse(githubMatrix(plan)) as {include: {shard: string; images: string}[]}
    expect(githubMatrix(plan)).not.toContain('\n')
    expect(matrix.include).toEqual([
      {shard: '1', images: 'docker-archive:a.tar'},
      {shard: '2', images: 'docker-archive:b.tar\ndocker-archive:c.tar'}
    ])
  })

  it('gitlab: a child pipeline with parallel: matrix and a merge job that needs it', () => {
    const yaml = parse(
      gitlabChildPipeline(plan, {scannerImage: 'scanner:1', outDir: 'scapgate-out'})
    ) as Record<string, Record<string, unknown>>
    const scan = yaml['scapgate-scan'] as {parallel: {matrix: Record<string, string>[]}}
    expect(scan.parallel.matrix).toEqual([
      {SCAPGATE_SHARD: '1', SCAPGATE_SHARD_IMAGES: 'docker-archive:a.tar'},
      {SCAPGATE_SHARD: '2', SCAPGATE_SHARD_IMAGES: 'docker-archive:b.tar docker-archive:c.tar'}
    ])
    expect(yaml['scapgate-merge']).toMatchObject({
      needs: [{job: 'scapgate-scan', artifacts: true}],
      when: 'always'
    })
  })

  it('jenkins: one line per shard', () => {
    expect(jenkinsList(plan)).toBe(
      'docker-archive:a.tar\ndocker-archive:b.tar docker-archive:c.tar\n'
    )
  })
})
