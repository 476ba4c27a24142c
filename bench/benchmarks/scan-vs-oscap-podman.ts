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
  const samples = await alternate(
    [
      {
        label: 'scapgate',
        before: () => rm(out, {recursive: true, force: true}),
        run: async () => {
          const {stderr} = await run(process.execPath, scapgateArgs, {okCodes: [0, 1]})
          for (const [phase, value] of parseTimings(stderr)) {
            phases.set(phase, [...(phases.get(phase) ?? []), value])
          }
        }
      },
      {
        label: 'oscap-podman',
        before: () => mkdir(out, {recursive: true}).then(() => undefined),
        run: async () => {
          await run('oscap-podman', [image.imageName, ...oscapArgs(join(out, 'podman-arf.xml'))], {
            okCodes: [0, 2]
          })
        }
      },
      {
        label: 'oscap-podman --report',
        before: () => mkdir(out, {recursive: true}).then(() => undefined),
        run: async () => {
          await run(
            'oscap-podman',
            [image.imageName, ...oscapArgs(join(out, 'report-arf.xml'), join(out, 'report.html'))],
            {okCodes: [0, 2]}
          )
        }
      },
      {
        label: 'podman load + oscap-podman',
        before: async () => {
          await resetStorage()
          await mkdir(out, {recursive: true})
        },
        run: async () => {
          await run('podman', ['load', '-q', '-i', image.dockerArchive], {env: privateEnv})
          await run('oscap-podman', [image.imageName, ...oscapArgs(join(out, 'load-arf.xml'))], {
            okCodes: [0, 2],
            env: privateEnv
          })
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
  const phaseNote = [...phases.entries()]
    .map(([phase, values]) => {
      const stats = summarize(values.length > 1 ? values.slice(1) : values)
      return `${phase} ${stats.median.toFixed(2)} s (${stats.min.toFixed(2)}–${stats.max.toFixed(2)})`
    })
    .join(', ')
  return {
    status: 'measured',
    comparisons: [
      {
        title: 'Scan of the Debian 11 image (wall time, end to end)',
        metric: 'time',
        target: 1,
        subject: series(
          'scapgate',
          `node ${scapgateArgs.join(' ').replace(context.root + '/', '')}`
        ),
        baselines: [
          series('oscap-podman', `oscap-podman ${image.imageName} ${oscapArgs('ARF').join(' ')}`),
          series(
            'oscap-podman --report',
            `oscap-podman ${image.imageName} ${oscapArgs('ARF', 'HTML').join(' ')}`
          ),
          series(
            'podman load + oscap-podman',
            `podman load -i ${image.dockerArchive} && oscap-podman … (same arguments), into an empty podman storage each run`
          )
        ],
        goalAgainst: ['oscap-podman', 'podman load + oscap-podman'],
        notes: [
          `scapgate phases (median of \`--verbose\` timings): ${phaseNote}. The rest of the wall time is Node start-up and the preflight (the root is removed while the reports render).`,
          'What each side does. oscap-podman scans an image already in podman storage (a mounted overlay: no extraction, no verification) and writes the ARF. scapgate verifies and extracts the archive, runs oscap sandboxed, and writes the ARF plus report.html, results.json, SARIF, JUnit, Code Quality, summary.md, blame and fixes/ (`report.html` and `fixes/` are two more oscap runs over the 8 MB ARF, about 1.5–2 s each, run alongside the rest). `oscap-podman --report` is the closer equivalent for the HTML report; `podman load + oscap-podman` is what a job holding the archive must do to use oscap-podman at all.',
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
  goal: 'scapgate end to end at most 1.0× the time of `oscap-podman` on the same image.',
  run: measure
}
