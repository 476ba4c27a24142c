import {mkdir, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {debianContent, debianImage, requireFile} from '../support/debian.js'
import {run} from '../support/run.js'
import {alternate, summarize} from '../support/stats.js'
import type {Benchmark, BenchContext, BenchOutcome} from '../types.js'

/** `debug: timings: reading 0.92s, extracting 1.58s, …, total 7.82s` from `--verbose`. */
function parseTimings(stderr: string): Map<string, number> {
  const line = stderr.split('\n').find(text => text.includes('timings: '))
  const phases = new Map<string, number>()
  if (line === undefined) return phases
  for (const match of line.matchAll(/(\w+) (\d+(?:\.\d+)?)s/g)) {
    phases.set(match[1] as string, Number(match[2]))
  }
  return phases
}

async function measure(context: BenchContext): Promise<BenchOutcome> {
  const image = await debianImage(context.log)
  const cli = join(context.root, 'dist/cli/index.js')
  requireFile(cli, 'the bundled CLI (node scripts/build.mjs)')
  requireFile(debianContent, 'the SSG Debian 11 data stream')
  const out = join(context.scratch, 'scan-out')
  const scapgateArgs = [
    cli,
    'scan',
    `docker-archive:${image.dockerArchive}`,
    // The same content and profile as oscap-podman (else scapgate picks its own content).
    '--content',
    debianContent,
    '--profile',
    'standard',
    '--out',
    out,
    '--verbose',
    // A cold scan every time: the result cache would otherwise answer from the first run.
    '--no-cache'
  ]
  const oscapArgs = (arf: string, report?: string): string[] => [
    'xccdf',
    'eval',
    '--profile',
    'standard',
    '--results-arf',
    arf,
    ...(report === undefined ? [] : ['--report', report]),
    debianContent
  ]

  // `podman load` into a private, empty storage each time: what a CI job holding the archive
  // does on a fresh runner. CONTAINERS_STORAGE_CONF reaches the podman calls inside oscap-podman.
  const storage = join(context.scratch, 'podman-storage')
  const storageConf = join(context.scratch, 'storage.conf')
  await writeFile(
    storageConf,
    `[storage]\ndriver = "overlay"\ngraphroot = "${storage}/root"\nrunroot = "${storage}/run"\n`
  )
  const privateEnv = {...process.env, CONTAINERS_STORAGE_CONF: storageConf}
  const resetStorage = async (): Promise<void> => {
    await run('podman', ['system', 'reset', '--force'], {env: privateEnv}).catch(() => undefined)
    await rm(storage, {recursive: true, force: true})
  }

  const phases = new Map<string, number[]>()
  const rss = new Map<string, number[]>()
  /** Runs `command` under GNU time; records its peak RSS (the largest process of the tree). */
  const timedRss = async (
    label: string,
    command: string,
    args: readonly string[],
    options: {okCodes?: number[]; env?: NodeJS.ProcessEnv} = {}
  ): Promise<string> => {
    const {stderr} = await run('/usr/bin/time', ['-f', 'maxrss-kib %M', command, ...args], {
      ...options,
      okCodes: options.okCodes ?? [0]
    })
    const kib = Number(/maxrss-kib (\d+)/.exec(stderr)?.[1] ?? NaN)
    if (Number.isFinite(kib)) rss.set(label, [...(rss.get(label) ?? []), kib / 1024])
    return stderr
  }
  // Both sides cold and producing the same two files a reviewer opens: the ARF and the HTML
  // report. scapgate: no result cache, from the docker archive. oscap-podman: the archive loaded
  // into an empty podman storage first (the image is not there on a fresh CI runner).
  const samples = await alternate(
    [
      {
        label: 'scapgate',
        before: () => rm(out, {recursive: true, force: true}),
        run: async () => {
          const stderr = await timedRss('scapgate', process.execPath, scapgateArgs, {
            okCodes: [0, 1]
          })
          for (const [phase, value] of parseTimings(stderr)) {
            phases.set(phase, [...(phases.get(phase) ?? []), value])
          }
        }
      },
      {
        label: 'podman load + oscap-podman (ARF + HTML)',
        before: async () => {
          await resetStorage()
          await mkdir(out, {recursive: true})
        },
        run: async () => {
          await timedRss('podman load', 'podman', ['load', '-q', '-i', image.dockerArchive], {
            env: privateEnv
          })
          await timedRss(
            'oscap-podman',
            'oscap-podman',
            [image.imageName, ...oscapArgs(join(out, 'load-arf.xml'), join(out, 'load.html'))],
            {okCodes: [0, 2], env: privateEnv}
          )
        },
        after: resetStorage
      }
    ],
    context.repeat,
    context.log
  )
  const series = (label: string, command: string) => ({
    label,
    command,
    seconds: samples.get(label) ?? []
  })
  // The first timings of each phase come from the untimed warm-up run.
  const median = (values: readonly number[]): string => {
    const stats = summarize(values.length > 1 ? values.slice(1) : values)
    return `${stats.median.toFixed(2)} s (${stats.min.toFixed(2)}–${stats.max.toFixed(2)})`
  }
  const phaseNote = [...phases.entries()]
    .map(([phase, values]) => `${phase} ${median(values)}`)
    .join(', ')
  const rssNote = [...rss.entries()]
    .map(([label, values]) => {
      const stats = summarize(values.length > 1 ? values.slice(1) : values)
      return `${label} ${stats.median.toFixed(0)} MiB (${stats.min.toFixed(0)}–${stats.max.toFixed(0)})`
    })
    .join(', ')
  return {
    status: 'measured',
    comparisons: [
      {
        title: 'Cold scan of the Debian 11 image, ARF + HTML report (wall time, end to end)',
        metric: 'time',
        target: 1,
        subject: series(
          'scapgate',
          `node ${scapgateArgs.join(' ').replace(context.root + '/', '')}`
        ),
        baselines: [
          series(
            'podman load + oscap-podman (ARF + HTML)',
            `podman load -i ${image.dockerArchive} && oscap-podman ${image.imageName} ${oscapArgs('ARF', 'HTML').join(' ')}, into an empty podman storage each run`
          )
        ],
        goalAgainst: ['podman load + oscap-podman (ARF + HTML)'],
        notes: [
          `scapgate phases (median of \`--verbose\` timings): ${phaseNote}. The rest of the wall time is Node start-up and the preflight (the root is removed while the reports render).`,
          `Peak RSS (GNU time, the largest process of each command's tree; median, range): ${rssNote}.`,
          'Cold on both sides: scapgate runs with `--no-cache` from the docker archive; oscap-podman first needs the image in podman storage, so each of its runs starts from an empty storage and `podman load`s the same archive. Both write the ARF and the HTML report. scapgate also verifies the layers, runs oscap sandboxed, and writes results.json, SARIF, JUnit, Code Quality, summary.md, blame and fixes/ (`report.html` and `fixes/` are more oscap runs over the ARF, run alongside the rest). The untimed warm-up round puts the archive in the page cache for both.',
          'scapgate exits 1 (gate failed: 4 rules fail on this image) and oscap exits 2 (some rules failed); both count as a completed scan.'
        ]
      }
    ]
  }
}

export const scanVsOscapPodman: Benchmark = {
  id: 'scan',
  title: 'scapgate scan vs oscap-podman',
  issue: 2,
  goal: 'A cold scapgate scan at most 1.0× the time of `podman load` + `oscap-podman` writing the same ARF and HTML report, on the same image (issue 13).',
  run: measure
}
