// Real oscap, real sandbox: these tests need root and openscap-scanner + ssg-debian, and fail without them.
import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ConfigurationError, ScanFailedError} from '../errors.js'
import {nullLogger} from '../logging.js'
import {generateHtmlReport} from './html-report.js'
import {type OscapScanOptions, runOscapScan} from './oscap-scan.js'
import {type ScannerEnvironment, preflightScanner} from './preflight.js'
import {
  DEBIAN11_DS,
  RULE,
  STANDARD,
  buildDebian11Root,
  execFileAsync,
  manifest,
  ruleResult
} from '../../../../test/support/synthetic-roots.js'

const TARGET = 'docker-archive:/images/app.tar@sha256:' + 'ab'.repeat(32)

let base: string
let scanner: ScannerEnvironment
let withTelnetd: string
let withoutTelnetd: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-scan-test-'))
  scanner = await preflightScanner()
  withTelnetd = join(base, 'with-telnetd')
  withoutTelnetd = join(base, 'without-telnetd')
  await buildDebian11Root(withTelnetd, ['base-files', 'login', 'telnetd'])
  await buildDebian11Root(withoutTelnetd, ['base-files', 'login'])
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

async function scan(
  overrides: Partial<OscapScanOptions> & {root: string}
): Promise<{arf: string; outDir: string}> {
  const outDir = await mkdtemp(join(base, 'out-'))
  const result = await runOscapScan({
    contentPath: DEBIAN11_DS,
    profileId: STANDARD,
    imageEnv: ['PATH=/usr/local/bin:/usr/bin', 'APP_MODE=production'],
    target: TARGET,
    outDir,
    timeoutMs: 120_000,
    logger: nullLogger,
    scanner,
    ...overrides
  })
  expect([0, 2]).toContain(result.exitCode)
  return {arf: await readFile(result.arfPath, 'utf8'), outDir}
}

async function processesMentioning(text: string): Promise<string[]> {
  const found: string[] = []
  for (const pid of (await readdir('/proc')).filter(name => /^\d+$/.test(name))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    if (cmdline.includes(text)) found.push(`${pid}: ${cmdline.replaceAll('\0', ' ').slice(0, 200)}`)
  }
  return found
}

describe('preflightScanner', () => {
  it('finds oscap under /usr and proves the sandbox works with it', () => {
    expect(scanner.oscapPath).toMatch(/^\/usr\/s?bin\/oscap$/)
    expect(scanner.oscapVersion).toMatch(/^1\.\d+\.\d+$/)
  })

  it('loads no check-engine plugin inside the sandbox, so SCE cannot run even if content slips through', () => {
    expect(scanner.sceDisabled).toBe(true)
  })

  it('names the package to install when oscap is missing', async () => {
    const error = await preflightScanner({oscapPath: join(base, 'no-such-oscap')}).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({name: 'EnvironmentError'})
    expect(String(error)).toContain('no-such-oscap')
  })
})

describe('runOscapScan on a Debian 11 root', () => {
  it('fails package_telnetd_removed when telnetd is installed, evaluates #machine rules as notapplicable, and leaves the root unchanged', async () => {
    const before = await manifest(withTelnetd)
    const {arf, outDir} = await scan({root: withTelnetd})

    expect(ruleResult(arf, RULE('package_telnetd_removed'))).toBe('fail')
    // A machine-only rule: the container marker in the overlay made it not applicable.
    expect(ruleResult(arf, RULE('partition_for_tmp'))).toBe('notapplicable')
    expect(ruleResult(arf, RULE('file_owner_etc_passwd'))).toBe('pass')
    expect(arf).toContain(`<fact name="urn:xccdf:fact:identifier" type="string">${TARGET}</fact>`)
    expect(await manifest(withTelnetd)).toEqual(before)
    // Nothing but the ARF is left in the output directory.
    expect(await readdir(outDir)).toEqual(['results.arf.xml'])
  })

  it('passes package_telnetd_removed when telnetd is not installed', async () => {
    const {arf} = await scan({root: withoutTelnetd, rules: [RULE('package_telnetd_removed')]})
    expect(ruleResult(arf, RULE('package_telnetd_removed'))).toBe('pass')
  })

  it('writes the HTML report in the same run when asked (`--report`), beside the ARF', async () => {
    const {arf, outDir} = await scan({
      root: withTelnetd,
      rules: [RULE('package_telnetd_removed')],
      htmlReport: true
    })
    expect(ruleResult(arf, RULE('package_telnetd_removed'))).toBe('fail')
    expect((await readdir(outDir)).sort()).toEqual(['report.html', 'results.arf.xml'])
    const html = await readFile(join(outDir, 'report.html'), 'utf8')
    expect(html).toMatch(
      new RegExp(`rule-detail-fail rule-detail-id-${RULE('package_telnetd_removed')}`)
    )
  })

  it('is needed: plain oscap-chroot on this host reports the installed telnetd as absent (the dpkginfo bug)', async () => {
    const copy = join(base, 'chroot-copy')
    await execFileAsync('cp', ['-a', withTelnetd, copy])
    const arfPath = join(base, 'plain-chroot.arf.xml')
    const run = await execFileAsync(
      'oscap-chroot',
      [
        copy,
        'xccdf',
        'eval',
        '--profile',
        STANDARD,
        '--rule',
        RULE('package_telnetd_removed'),
        '--results-arf',
        arfPath,
        DEBIAN11_DS
      ],
      {env: {PATH: '/usr/sbin:/usr/bin:/sbin:/bin'}}
    ).catch((error: {stdout: string; stderr: string}) => error)
    // If the host ever stops reproducing the bug, this test says so instead of passing silently.
    expect(run.stderr).toContain('dpkginfo_init has failed')
    expect(ruleResult(await readFile(arfPath, 'utf8'), RULE('package_telnetd_removed'))).toBe(
      'pass'
    )
  })

  it('renders the HTML report in the sandbox', async () => {
    const {arf, outDir} = await scan({
      root: withoutTelnetd,
      rules: [RULE('package_telnetd_removed')]
    })
    const htmlPath = join(outDir, 'report.html')
    await generateHtmlReport(join(outDir, 'results.arf.xml'), htmlPath, {scanner})
    expect(await readFile(htmlPath, 'utf8')).toContain('package_telnetd_removed')
    expect(arf.length).toBeGreaterThan(0)
    expect((await readdir(outDir)).sort()).toEqual(['report.html', 'results.arf.xml'])
  })

  it('applies every unselect of a one-line tailoring file (oscap 1.3.7 skips every second one)', async () => {
    // Rules applicable in a container: machine-only rules report notapplicable whether selected or not.
    const unselected = [
      'file_owner_etc_passwd',
      'file_owner_etc_group',
      'file_owner_etc_shadow',
      'file_owner_etc_gshadow'
    ]
    const tailoring = join(base, 'one-line-tailoring.xml')
    await writeFile(
      tailoring,
      '<?xml version="1.0" encoding="UTF-8"?><xccdf-1.2:Tailoring xmlns:xccdf-1.2="http://checklists.nist.gov/xccdf/1.2" id="xccdf_scapgate_tailoring_test">' +
        '<xccdf-1.2:benchmark href="/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml"/>' +
        '<xccdf-1.2:version time="2026-01-01T00:00:00">1</xccdf-1.2:version>' +
        '<xccdf-1.2:Profile id="xccdf_scapgate_profile_ci" extends="xccdf_org.ssgproject.content_profile_standard">' +
        '<xccdf-1.2:title>CI</xccdf-1.2:title>' +
        unselected
          .map(rule => `<xccdf-1.2:select idref="${RULE(rule)}" selected="false"/>`)
          .join('') +
        '</xccdf-1.2:Profile></xccdf-1.2:Tailoring>'
    )
    const {arf} = await scan({
      root: withoutTelnetd,
      profileId: 'xccdf_scapgate_profile_ci',
      tailoringPath: tailoring
    })
    expect(unselected.map(rule => ruleResult(arf, RULE(rule)))).toEqual(
      unselected.map(() => 'notselected')
    )
    expect(ruleResult(arf, RULE('file_groupowner_etc_passwd'))).toBe('pass')
  })
})

describe('runOscapScan failures', () => {
  it('turns an unknown profile id into ScanFailedError with oscap stderr (exit 1)', async () => {
    const outDir = await mkdtemp(join(base, 'out-'))
    const error = await runOscapScan({
      root: withoutTelnetd,
      contentPath: DEBIAN11_DS,
      profileId: 'xccdf_org.ssgproject.content_profile_nonexistent',
      imageEnv: [],
      target: TARGET,
      outDir,
      timeoutMs: 60_000,
      logger: nullLogger,
      scanner
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScanFailedError)
    expect((error as ScanFailedError).details).toMatchObject({reason: 'oscap-error', exitCode: 1})
    expect((error as ScanFailedError).message).toContain('nonexistent')
  })

  it('turns a dpkginfo_init failure on stderr into ScanFailedError(silent-failure) although oscap exits 0 or 2', async () => {
    // libapt cannot tell the architecture without dpkg's cputable, so every package looks absent.
    const broken = join(base, 'no-cputable')
    await buildDebian11Root(broken, ['telnetd'])
    await rm(join(broken, 'usr/share/dpkg'), {recursive: true})
    const error = await scan({root: broken, rules: [RULE('package_telnetd_removed')]}).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ScanFailedError)
    expect((error as ScanFailedError).details).toMatchObject({reason: 'silent-failure'})
    expect((error as ScanFailedError).message).toContain('dpkginfo_init has failed')
  })

  it('refuses a missing content file with ConfigurationError before starting oscap', async () => {
    const error = await scan({
      root: withoutTelnetd,
      contentPath: join(base, 'missing-ds.xml')
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigurationError)
    expect(String(error)).toContain('missing-ds.xml')
  })

  it('kills oscap and throws ScanFailedError(timeout) when the timeout expires', async () => {
    const started = Date.now()
    const error = await scan({root: withoutTelnetd, timeoutMs: 50}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ScanFailedError)
    expect((error as ScanFailedError).details.reason).toBe('timeout')
    expect(Date.now() - started).toBeLessThan(10_000)
    // The whole process group died: no process still refers to the test's work directory.
    expect(await processesMentioning(base)).toEqual([])
  })

  it('stops with CancelledError when the signal aborts', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const error = await scan({root: withoutTelnetd, signal: controller.signal}).catch(
      (e: unknown) => e
    )
    expect(error).toMatchObject({name: 'CancelledError'})
  })

  it('accepts content with an SCE check and never runs it: the rule comes out notchecked', async () => {
    const dir = await mkdtemp(join(base, 'sce-'))
    const content = join(dir, 'sce-ds.xml')
    const marker = join(dir, 'ran')
    // Pretty-printed: oscap 1.3.7 loses elements that follow a sibling on the same line.
    await writeFile(
      content,
      `<?xml version="1.0"?>
<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_test.x_benchmark_x" resolved="1">
  <status>accepted</status>
  <version>1</version>
  <Profile id="xccdf_test.x_profile_x">
    <title>x</title>
    <select idref="xccdf_test.x_rule_x" selected="true"/>
  </Profile>
  <Rule id="xccdf_test.x_rule_x" selected="false">
    <title>x</title>
    <check system="http://open-scap.org/page/&#83;CE"><check-content-ref href="evil.sh"/></check>
  </Rule>
</Benchmark>
`
    )
    await writeFile(join(dir, 'evil.sh'), `#!/bin/sh\ntouch ${marker}\nexit 101\n`, {mode: 0o755})
    const {arf} = await scan({
      root: withoutTelnetd,
      contentPath: content,
      profileId: 'xccdf_test.x_profile_x'
    })
    expect(ruleResult(arf, 'xccdf_test.x_rule_x')).toBe('notchecked')
    expect(arf).toContain('urn:scapgate:check:script-not-run')
    expect(arf).not.toContain('evil.sh')
    await expect(readFile(marker)).rejects.toThrow()
    // The original is untouched: the stripped copy lived in the scan's work directory.
    expect(await readFile(content, 'utf8')).toContain('evil.sh')
  })
})
