import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {writeDebianFeed} from '../../test/support/feed-generator.js'
import {debian11Base, writeImage} from '../../test/support/scan-fixtures.js'
import {requireFile} from '../support/debian.js'
import {freshDirs, removeDirs} from '../support/local-registry.js'
import {run} from '../support/run.js'
import {alternate} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

const imageCount = 20
const shardCount = 4

/**
 * Issue 18 (docs/fleets.md). 20 generated Debian 11 images (the test base plus one file of their
 * own each, so every config digest differs), through the bundled CLI, `--concurrency 1`:
 * - fan-out overhead: `plan` + 4 shard jobs (5 images each) one after another + `merge`, against
 *   one job scanning all 20. On one machine the shards can only cost more; the difference is the
 *   per-shard overhead that more runners must pay back.
 * - `rejudge` of the 20 digests (policy only, and with a CVE feed) against a full scan of them.
 */
async function measure(context: BenchContext): Promise<BenchOutcome> {
  const cli = join(context.root, 'dist/cli/index.js')
  requireFile(cli, 'the bundled CLI (node scripts/build.mjs)')
  const dir = join(context.scratch, 'fleet')
  await freshDirs(dir)
  const images: string[] = []
  for (let i = 0; i < imageCount; i++) {
    writeImage(dir, `svc-${i}`, [
      debian11Base,
      [
        {name: 'srv/', type: 'dir', mode: 0o755},
        {name: `srv/service-${i}`, content: `${i}\n`}
      ]
    ])
    images.push(`docker-archive:./svc-${i}.tar`)
  }
  const feed = join(dir, 'feed.xml')
  await writeDebianFeed(feed, {
    definitions: 2000,
    release: 11,
    installed: [{name: 'login', version: '1:4.8.1-1'}],
    timestamp: new Date().toISOString().slice(0, 19)
  })
  const scapgate = (args: string[]) =>
    run(process.execPath, [cli, ...args], {cwd: dir, okCodes: [0, 1]})
  const out = (name: string) => join(dir, name)

  // The records rejudge reads: one scan of every image with the cache on (untimed).
  const cache = join(dir, 'cache')
  await scapgate([
    'scan',
    ...images,
    '--concurrency',
    '1',
    '--cache-dir',
    cache,
    '--out',
    out('release'),
    '--quiet'
  ])
  const digests: string[] = []
  for (let i = 0; i < imageCount; i++) {
    const results = JSON.parse(
      await readFile(join(out('release'), `svc-${i}`, 'results.json'), 'utf8')
    ) as {image: {configDigest: string}}
    digests.push(results.image.configDigest)
  }

  const shards = async (): Promise<void> => {
    const planned = await scapgate([
      'plan',
      ...images,
      '--shards',
      String(shardCount),
      '--format',
      'jenkins'
    ])
    const lines = planned.stdout.trim().split('\n')
    for (const [k, line] of lines.entries())
      await scapgate([
        'scan',
        ...line.split(' '),
        '--concurrency',
        '1',
        '--no-cache',
        '--out',
        out(`shards/shard-${k + 1}`),
        '--quiet'
      ])
    await scapgate(['merge', out('shards'), '--out', out('fleet'), '--quiet'])
  }
  const oneJob = async (): Promise<void> => {
    await scapgate([
      'scan',
      ...images,
      '--concurrency',
      '1',
      '--no-cache',
      '--out',
      out('one'),
      '--quiet'
    ])
  }
  const fullCves = async (): Promise<void> => {
    await scapgate([
      'scan',
      ...images,
      '--concurrency',
      '1',
      '--no-cache',
      '--cves',
      '--feed',
      feed,
      '--out',
      out('full-cves'),
      '--quiet'
    ])
  }
  const rejudge = (cves: boolean) => async (): Promise<void> => {
    await scapgate([
      'rejudge',
      ...digests,
      '--cache-dir',
      cache,
      '--out',
      out(cves ? 'rejudged-cves' : 'rejudged'),
      '--quiet',
      ...(cves ? ['--cves', '--feed', feed] : [])
    ])
  }
  const clean =
    (...names: string[]) =>
    () =>
      removeDirs(...names.map(out))
  const samples = await alternate(
    [
      {label: '4 shards + merge', before: clean('shards', 'fleet'), run: shards},
      {label: 'one job of 20', before: clean('one'), run: oneJob},
      {label: 'rejudge 20', before: clean('rejudged'), run: rejudge(false)},
      {label: 'rejudge 20 --cves', before: clean('rejudged-cves'), run: rejudge(true)},
      {label: 'scan 20 --cves', before: clean('full-cves'), run: fullCves}
    ],
    context.repeat,
    context.log
  )
  const series = (label: string, command: string) => ({
    label,
    command,
    seconds: samples.get(label) ?? []
  })
  const list = 'docker-archive:./svc-{0..19}.tar'
  return {
    status: 'measured',
    comparisons: [
      {
        title: `${imageCount} images: ${shardCount} shard jobs one after another vs one job (per-shard overhead)`,
        metric: 'time',
        subject: series(
          '4 shards + merge',
          `scapgate plan … --shards 4 --format jenkins; 4 × scapgate scan <5 images> --concurrency 1 --no-cache; scapgate merge shards`
        ),
        baselines: [series('one job of 20', `scapgate scan ${list} --concurrency 1 --no-cache`)],
        notes: [
          'Both run on this one machine; with four runners the shards run side by side, so the fleet takes about one shard plus the merge. The ratio above is the overhead those runners pay (four processes, content loaded four times, plan and merge).'
        ]
      },
      {
        title: `rejudge of ${imageCount} digests vs a full scan of them`,
        metric: 'speed-up',
        target: 20,
        goalAgainst: ['scan 20 --cves'],
        subject: series(
          'rejudge 20 --cves',
          `scapgate rejudge <20 digests> --cves --feed feed.xml --cache-dir CACHE`
        ),
        baselines: [
          series(
            'scan 20 --cves',
            `scapgate scan ${list} --concurrency 1 --no-cache --cves --feed feed.xml`
          )
        ],
        notes: [
          "The feed is generated with the structure of Debian's (2,000 definitions, some listing `login` of the images). rejudge reads no layer: the policy from the recorded results, the feed through `oscap oval eval` on a synthetic root of the recorded dpkg database (docs/fleets.md)."
        ]
      },
      {
        title: `rejudge of ${imageCount} digests, policy and waivers only, vs a full scan of them`,
        metric: 'speed-up',
        target: 20,
        subject: series('rejudge 20', `scapgate rejudge <20 digests> --cache-dir CACHE`),
        baselines: [series('one job of 20', `scapgate scan ${list} --concurrency 1 --no-cache`)]
      }
    ]
  }
}

export const fleets: Benchmark = {
  id: 'fleets',
  title: 'Fleets: shards one after another vs one job; rejudge vs full scan',
  issue: 18,
  goal: 'rejudge of 20 released digests is at least 20× faster than a full scan of them; the per-shard overhead of 4 shards is reported.',
  run: measure
}
