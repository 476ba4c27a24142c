/**
 * Issue 17, sections 3, 6 and 7: hostile workspace files and flags, against the built CLI.
 * Each case asserts the exit code, that the message names the file, and that no canary (a secret
 * in the environment, a line of /etc/shadow, a token in an env file) reaches stdout, stderr or any
 * output file. Runs that used to block forever (a FIFO) are killed after a deadline, so a
 * regression fails instead of hanging.
 */
import {execFileSync, spawn} from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeEach, describe, expect, it} from 'vitest'
import {cliBundle} from '../support/run-cli.js'

const sampleTar = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'images',
  'sample-app',
  'sample-app.docker.tar'
)
const sample = `docker-archive:${sampleTar}`
const missingImage = 'docker-archive:/nonexistent/scapgate-hostile.tar'
const canary = 'ghp_SCAPGATECANARY0123456789abcdefXYZ'
const shadowFirstLine = readFileSync('/etc/shadow', 'utf8').split('\n')[0] as string

const root = mkdtempSync(join(tmpdir(), 'scapgate-hostile-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

/** A fresh workspace (the CLI's cwd) and a directory outside it, per test. */
let workspace: string
let outside: string
let counter = 0
beforeEach(() => {
  counter += 1
  workspace = join(root, `ws-${counter}`)
  outside = join(root, `outside-${counter}`)
  mkdirSync(workspace)
  mkdirSync(outside)
  writeFileSync(join(outside, 'secrets.env'), `MY_SECRET_TOKEN=${canary}\nOTHER=1\n`)
})

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  ms: number
}

/** `node dist/cli/index.js ARGS` in the workspace, SIGKILLed after `deadlineMs`. */
function cli(args: readonly string[], deadlineMs = 30_000): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], {
      cwd: workspace,
      env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', MY_SECRET_TOKEN: canary},
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code, signal, stdout, stderr, ms: Date.now() - started})
    })
  })
}

/** Every file under `dir` (none when it does not exist), as text. */
function outputFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  if (!existsSync(dir)) return files
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, {withFileTypes: true})) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.isFile()) files.set(path, readFileSync(path, 'latin1'))
    }
  }
  walk(dir)
  return files
}

/** No canary and no line of /etc/shadow anywhere the run could write. */
function expectNoLeak(run: Run, out = join(workspace, 'out')): void {
  for (const [where, text] of [
    ['stdout', run.stdout],
    ['stderr', run.stderr],
    ...outputFiles(out)
  ] as [string, string][]) {
    expect(text, where).not.toContain(canary)
    expect(text, where).not.toContain('SCAPGATECANARY')
    expect(text, where).not.toContain(shadowFirstLine)
    expect(text, where).not.toContain('root:')
  }
}

const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path])
}

describe('files followed through symlinks (issue 17 §3)', () => {
  it('refuses a scapgate.yml that links to /etc/shadow, without printing it', async () => {
    symlinkSync('/etc/shadow', join(workspace, 'scapgate.yml'))
    const run = await cli(['scan', sample, '--out', 'out'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected the policy file `scapgate.yml` (found in the workspace) to be a regular file, found a symbolic link'
    )
    expect(run.stderr).not.toContain('/etc/shadow')
    expectNoLeak(run)
  })

  it('refuses a scapgate.yml that links to /proc/self/environ: the job environment stays secret', async () => {
    symlinkSync('/proc/self/environ', join(workspace, 'scapgate.yml'))
    const run = await cli(['scan', sample, '--out', 'out'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('`scapgate.yml`')
    expect(run.stderr).toContain('found a symbolic link')
    expect(run.stderr).not.toContain('MY_SECRET_TOKEN')
    expectNoLeak(run)
  })

  it('refuses a scapgate.yml that links to an env file outside the workspace', async () => {
    symlinkSync(join(outside, 'secrets.env'), join(workspace, 'scapgate.yml'))
    const run = await cli(['scan', sample, '--out', 'out'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('`scapgate.yml`')
    expect(run.stderr).not.toContain(outside)
    expectNoLeak(run)
  })

  it('refuses a --policy in the workspace that links outside it, naming neither target nor content', async () => {
    symlinkSync(join(outside, 'secrets.env'), join(workspace, 'policy.yml'))
    const run = await cli(['scan', sample, '--out', 'out', '--policy', 'policy.yml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected the policy file `policy.yml` (--policy) to be a file in the workspace, found a symbolic link that leads outside the workspace'
    )
    expect(run.stderr).not.toContain(outside)
    expectNoLeak(run)
  })

  it('follows a --policy symlink that stays inside the workspace (the file is read and parsed)', async () => {
    mkdirSync(join(workspace, 'ci'))
    writeFileSync(join(workspace, 'ci', 'policy.yml'), 'mode: ratchett\n')
    symlinkSync('ci/policy.yml', join(workspace, 'policy.yml'))
    const run = await cli(['scan', missingImage, '--out', 'out', '--policy', 'policy.yml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'policy.yml:1: mode: expected one of absolute|ratchet, got `ratchett` (string)'
    )
  })

  it('does not echo a --policy that is an env file in the workspace', async () => {
    writeFileSync(join(workspace, 'policy.yml'), `MY_SECRET_TOKEN=${canary}\n`)
    const run = await cli(['scan', missingImage, '--out', 'out', '--policy', 'policy.yml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('policy.yml:1: expected a mapping, got a string')
    expectNoLeak(run)
  })

  it('does not echo the first characters of a --baseline that is not a baseline', async () => {
    writeFileSync(join(workspace, 'baseline.json'), `MY_SECRET_TOKEN=${canary}\n`)
    const run = await cli(['scan', sample, '--out', 'out', '--baseline', 'baseline.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('baseline.json')
    expect(run.stderr).toContain('found a file that is neither JSON nor XML')
    expectNoLeak(run)
  })

  it('does not echo a baseline given to `scapgate baseline` and `compare`', async () => {
    writeFileSync(join(workspace, 'a.json'), `{"token": "${canary}"`)
    const baseline = await cli(['baseline', 'a.json'])
    expect(baseline.code).toBe(2)
    expect(baseline.stderr).toContain('a.json')
    expect(baseline.stderr).toContain('found JSON that does not parse')
    expectNoLeak(baseline)
    symlinkSync(join(outside, 'secrets.env'), join(workspace, 'b.json'))
    const compare = await cli(['compare', 'b.json', 'a.json'])
    expect(compare.code).toBe(2)
    expect(compare.stderr).toContain('`b.json`')
    expect(compare.stderr).toContain('a symbolic link that leads outside the workspace')
    expectNoLeak(compare)
  })

  it('refuses paths in a workspace scapgate.yml that leave the workspace', async () => {
    writeFileSync(join(outside, 'Dockerfile'), `FROM scratch\nRUN echo ${canary}\n`)
    writeFileSync(
      join(workspace, 'scapgate.yml'),
      `images:\n  - match: '**'\n    dockerfile: ${join(outside, 'Dockerfile')}\n`
    )
    const dockerfile = await cli(['scan', sample, '--out', 'out'])
    expect(dockerfile.code).toBe(2)
    expect(dockerfile.stderr).toContain('(named in scapgate.yml)')
    expect(dockerfile.stderr).toContain('found a path outside the workspace')
    expect(dockerfile.stderr).not.toContain('Extracting layers')
    expectNoLeak(dockerfile)

    writeFileSync(join(workspace, 'scapgate.yml'), 'baseline: /proc/self/environ\n')
    const baseline = await cli(['scan', sample, '--out', 'out2'])
    expect(baseline.code).toBe(2)
    expect(baseline.stderr).toContain('found a path outside the workspace')
    expectNoLeak(baseline, join(workspace, 'out2'))
  })
})

describe('FIFOs, devices and huge files (issue 17 §6)', () => {
  it('refuses a FIFO given as --policy at once instead of blocking forever', async () => {
    mkfifo(join(workspace, 'policy.yml'))
    const run = await cli(['scan', sample, '--out', 'out', '--policy', 'policy.yml'], 20_000)
    expect(run.signal).toBe(null)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected the policy file `policy.yml` (--policy) to be a regular file, found a named pipe (FIFO)'
    )
    expect(run.ms).toBeLessThan(15_000)
  })

  it('refuses a FIFO that is the workspace scapgate.yml', async () => {
    mkfifo(join(workspace, 'scapgate.yml'))
    const run = await cli(['scan', sample, '--out', 'out'], 20_000)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('found a named pipe (FIFO)')
  })

  it('refuses FIFOs as baseline, content, tailoring, Dockerfile, --images, ARF and --ca-file', async () => {
    for (const name of [
      'b.json',
      'ds.xml',
      't.xml',
      'Dockerfile.fifo',
      'images.txt',
      'arf.xml',
      'ca.pem'
    ])
      mkfifo(join(workspace, name))
    const runs: [string[], string][] = [
      [['scan', sample, '--out', 'o1', '--baseline', 'b.json'], 'b.json`'],
      [['scan', sample, '--out', 'o2', '--content', 'ds.xml'], 'ds.xml`'],
      [['scan', sample, '--out', 'o3', '--tailoring', 't.xml'], 't.xml`'],
      [['scan', sample, '--out', 'o4', '--dockerfile', 'Dockerfile.fifo'], 'Dockerfile.fifo`'],
      [['scan', '--images', 'images.txt', '--out', 'o5'], 'images.txt`'],
      [['report', 'arf.xml', '--out', 'o6', '--no-oscap'], 'arf.xml`'],
      [['scan', 'localhost:5000/app:1', '--out', 'o7', '--ca-file', 'ca.pem'], 'ca.pem`']
    ]
    const results = await Promise.all(runs.map(([args]) => cli(args, 20_000)))
    results.forEach((run, index) => {
      const [args, named] = runs[index] as [string[], string]
      expect(run.signal, args.join(' ')).toBe(null)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toContain(named)
      expect(run.stderr, args.join(' ')).toContain('found a named pipe (FIFO)')
    })
  })

  it('refuses /dev/zero as --policy and a policy over 1 MiB without reading them', async () => {
    const device = await cli(['scan', sample, '--out', 'out', '--policy', '/dev/zero'], 20_000)
    expect(device.code).toBe(2)
    expect(device.stderr).toContain(
      '`/dev/zero` (--policy) to be a regular file, found a character device'
    )
    writeFileSync(join(workspace, 'scapgate.yml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`)
    const huge = await cli(['scan', sample, '--out', 'out'], 20_000)
    expect(huge.code).toBe(2)
    expect(huge.stderr).toContain('to be at most 1048576 bytes (1 MiB), found 2097155 bytes')
  })
})

describe('smaller ones (issue 17 §7)', () => {
  it('refuses --fail-on given twice with different values', async () => {
    const run = await cli(['scan', missingImage, '--fail-on', 'high', '--fail-on', 'never'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected `--fail-on` once, got it twice with different values: `high` and `never`'
    )
  })

  it('refuses a tailoring file that is not SCAP with exit 2, before opening the image', async () => {
    writeFileSync(join(workspace, 'tailoring.xml'), `TOKEN=${canary}\n`)
    const run = await cli(['scan', missingImage, '--out', 'out', '--tailoring', 'tailoring.xml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected the tailoring file `' // the resolved path follows
    )
    expect(run.stderr).toContain(
      '(--tailoring) to be an XCCDF tailoring file (root element <Tailoring>), found a file that is not XML'
    )
    expectNoLeak(run)
  })

  it('refuses an --out that is a regular file with a clear exit 2', async () => {
    writeFileSync(join(workspace, 'out'), 'not a directory\n')
    const run = await cli(['scan', missingImage, '--out', 'out'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'configuration error: Expected `--out` `out` to be a directory (or a path that does not exist yet), found a regular file'
    )
    expect(run.stderr).not.toContain('EEXIST')
    expect(readFileSync(join(workspace, 'out'), 'utf8')).toBe('not a directory\n')
  })

  it('refuses a --dockerfile that does not exist; an absent ./Dockerfile stays silent', async () => {
    const given = await cli([
      'scan',
      missingImage,
      '--out',
      'out',
      '--dockerfile',
      'nope/Dockerfile'
    ])
    expect(given.code).toBe(2)
    expect(given.stderr).toContain(
      'Expected the Dockerfile `nope/Dockerfile` (--dockerfile) to be a regular file, found nothing there'
    )
    const implicit = await cli(['scan', missingImage, '--out', 'out'])
    expect(implicit.code).toBe(3)
    expect(implicit.stderr).not.toContain('Dockerfile')
  })

  it('refuses an implicit ./Dockerfile that links outside the workspace', async () => {
    writeFileSync(join(outside, 'Dockerfile'), `FROM scratch\nRUN ${canary}\n`)
    symlinkSync(join(outside, 'Dockerfile'), join(workspace, 'Dockerfile'))
    const run = await cli(['scan', missingImage, '--out', 'out'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'Expected the Dockerfile `Dockerfile` (found in the workspace) to be a file in the workspace, found a symbolic link that leads outside the workspace'
    )
    expectNoLeak(run)
  })

  it('reports a bad --content before any layer is extracted, saying what it is', async () => {
    writeFileSync(join(workspace, 'ds.xml'), '<?xml version="1.0"?>\n<html><body/></html>\n')
    const run = await cli(['scan', sample, '--out', 'out', '--content', 'ds.xml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      '(--content) to be an SCAP source data stream (root element <data-stream-collection>) or an XCCDF benchmark, found XML whose root element is <html>'
    )
    expect(run.stderr).not.toContain('Extracting layers')
    expect(run.stderr).not.toContain('has no `standard` profile')
  })
})
