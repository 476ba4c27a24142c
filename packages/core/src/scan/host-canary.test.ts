// OS-1 / CI-8: an image whose symlinks point at host files and /proc must not leak them into our outputs.
// Real oscap and root needed; fails without them.
import {randomBytes} from 'node:crypto'
import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {nullLogger} from '../logging.js'
import {generateHtmlReport} from './html-report.js'
import {runOscapScan} from './oscap-scan.js'
import {preflightScanner} from './preflight.js'
import {
  CANARY_PROFILE,
  composeDataStream,
  execFileAsync,
  fileReaderContent
} from '../../../../test/support/synthetic-roots.js'

const CANARY = `CANARY-${randomBytes(12).toString('hex')}`
const INSIDE = `INSIDE-${randomBytes(8).toString('hex')}`
const ENV_NAME = 'SCAPGATE_TEST_CANARY_TOKEN'

let base: string
let root: string
let contentPath: string
let canaryFile: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-canary-'))
  // The host secret lives outside the root, in a place the sandbox does not bind.
  canaryFile = join(base, 'host-secret.txt')
  await writeFile(canaryFile, `${CANARY}\n`)
  root = join(base, 'root')
  await mkdir(join(root, 'etc'), {recursive: true})
  await symlink(canaryFile, join(root, 'etc/issue'))
  await symlink(`../../../../../../../..${canaryFile}`, join(root, 'etc/motd'))
  await symlink('/proc', join(root, 'proc'))
  // Positive control: a regular in-root file the same rule must read.
  await writeFile(join(root, 'etc/inside.txt'), `${INSIDE}\n`)
  const contentDir = join(base, 'content')
  await mkdir(contentDir)
  const {xccdf, oval} = fileReaderContent([
    '/etc/inside.txt',
    '/etc/issue',
    '/etc/motd',
    '/proc/self/environ'
  ])
  contentPath = await composeDataStream(contentDir, xccdf, oval)
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

it('keeps host files and our environment out of the ARF and the HTML report, though the image links to them', async () => {
  // Given our own process holds a secret in its environment
  process.env[ENV_NAME] = CANARY
  try {
    const scanner = await preflightScanner()
    const outDir = await mkdtemp(join(base, 'out-'))
    const warnings: string[] = []
    // When the hostile root is scanned with content that reads the linked files
    const result = await runOscapScan({
      root,
      contentPath,
      profileId: CANARY_PROFILE,
      imageEnv: ['IMAGE_VAR=1'],
      target: 'test-image@sha256:' + '0'.repeat(64),
      outDir,
      timeoutMs: 60_000,
      logger: {...nullLogger, warning: message => warnings.push(String(message))},
      scanner
    })
    const htmlPath = join(outDir, 'report.html')
    await generateHtmlReport(result.arfPath, htmlPath, {scanner})

    // Then the probe did read the image's own file
    const arf = await readFile(result.arfPath, 'utf8')
    expect(arf).toContain(`<ind-sys:text>${INSIDE}`)
    // but neither the host file nor the environment canary appears anywhere
    expect(arf).not.toContain(CANARY)
    expect(await readFile(htmlPath, 'utf8')).not.toContain(CANARY)
    expect(warnings.join('\n')).not.toContain(CANARY)
    // and oscap found no /proc at all inside the sandbox
    expect(arf).not.toMatch(/<ind-sys:path>\/proc\/self<\/ind-sys:path>/)
  } finally {
    delete process.env.SCAPGATE_TEST_CANARY_TOKEN
  }
})

it('is needed: unsandboxed oscap in offline mode leaks the host file and its own environment through the same image', async () => {
  const arfPath = join(base, 'unsandboxed.arf.xml')
  // What oscap-chroot does (OSCAP_PROBE_ROOT only). The canary is the first environment entry
  // because textfilecontent54 stops at the first NUL of /proc/self/environ.
  const run = await execFileAsync(
    'oscap',
    ['xccdf', 'eval', '--profile', CANARY_PROFILE, '--results-arf', arfPath, contentPath],
    {
      env: {
        [ENV_NAME]: `env-${CANARY}`,
        OSCAP_PROBE_ROOT: root,
        PATH: '/usr/sbin:/usr/bin:/sbin:/bin'
      }
    }
  ).catch((error: {stdout: string}) => error)
  expect(run.stdout).toContain('Result')
  const arf = await readFile(arfPath, 'utf8')
  expect(arf).toContain(`<ind-sys:text>${CANARY}`)
  expect(arf).toContain(`env-${CANARY}`)
})
