// Real oscap, real sandbox: needs root, openscap-scanner and ssg-debian, and fails without them.
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {dpkginfoNeedsAptConfig, readOscapVersion} from './oscap-release.js'
import {type ScannerEnvironment, preflightScanner} from './preflight.js'
import {runInSandbox} from './sandbox.js'
import {buildDebian11Root} from '../../../../test/support/synthetic-roots.js'

let base: string
let scanner: ScannerEnvironment
let withTelnetd: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-apt-config-'))
  scanner = await preflightScanner()
  withTelnetd = join(base, 'with-telnetd')
  await buildDebian11Root(withTelnetd, ['base-files', 'login', 'telnetd'])
})

afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

async function sandboxEnv(aptConfig: boolean | undefined): Promise<string[]> {
  const work = await mkdtemp(join(base, 'env-'))
  const out = join(work, 'out')
  await mkdir(out)
  const result = await runInSandbox({
    command: ['/usr/bin/env'],
    workDir: work,
    outDir: out,
    root: withTelnetd,
    timeoutMs: 30_000,
    ...(aptConfig === undefined ? {} : {aptConfig})
  })
  expect(result.exitCode, result.stderr).toBe(0)
  return result.stdout.split('\n').filter(line => line !== '')
}

describe('the APT_CONFIG workaround in the sandbox', () => {
  it('sets APT_CONFIG to a private configuration when asked, and by default', async () => {
    for (const aptConfig of [true, undefined]) {
      const env = await sandboxEnv(aptConfig)
      expect(env).toContain('APT_CONFIG=/scapgate/apt.conf')
      expect(env).toContain('OSCAP_PROBE_ROOT=/scan')
    }
  })

  it('leaves APT_CONFIG unset when not needed', async () => {
    const env = await sandboxEnv(false)
    expect(env.filter(line => line.startsWith('APT_CONFIG='))).toEqual([])
    expect(env).toContain('OSCAP_PROBE_ROOT=/scan')
  })

  it('is what keeps OpenSCAP < 1.3.10 (this host: 1.3.7) from writing its APT cache into the scanned view', async () => {
    // 1.3.7's dpkginfo goes through libapt-pkg, which (re)builds pkgcache.bin under the probe root
    // when it can write there, i.e. into the overlay the probes read. The answers are right either
    // way in the sandbox (its /etc has no apt.conf.d); the workaround keeps the view untouched.
    expect(
      dpkginfoNeedsAptConfig(
        readOscapVersion(
          `OpenSCAP command line tool (oscap) ${scanner.oscapVersion}`,
          'oscap --version'
        )
      )
    ).toBe(true)
    expect(scanner.aptConfigWorkaround).toBe(true)
    const oval = join(base, 'dpkginfo-telnetd.oval.xml')
    await writeFile(oval, DPKGINFO_TELNETD_OVAL)
    const run = async (aptConfig: boolean) => {
      const work = await mkdtemp(join(base, 'oval-'))
      const out = join(work, 'out')
      await mkdir(out)
      const result = await runInSandbox({
        command: [
          '/bin/sh',
          '-c',
          '"$0" oval eval /scapgate/input/content.xml && ls /scan/var/cache/apt',
          scanner.oscapPath
        ],
        workDir: work,
        outDir: out,
        root: withTelnetd,
        inputFile: oval,
        timeoutMs: 60_000,
        aptConfig
      })
      expect(result.exitCode, result.stderr).toBe(0)
      expect(result.stderr).not.toMatch(/dpkginfo_init has failed/)
      return result.stdout
    }
    const withWorkaround = await run(true)
    expect(withWorkaround).toContain('Definition oval:scapgate:def:1: true')
    expect(withWorkaround).not.toContain('pkgcache.bin')
    const without = await run(false)
    expect(without).toContain('Definition oval:scapgate:def:1: true')
    expect(without).toContain('pkgcache.bin')
  })
})

/** True when telnetd is installed (dpkginfo). */
const DPKGINFO_TELNETD_OVAL = `<?xml version="1.0" encoding="UTF-8"?>
<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5"
  xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5"
  xmlns:lin="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux">
  <generator><oval:schema_version>5.11</oval:schema_version><oval:timestamp>2024-01-01T00:00:00</oval:timestamp></generator>
  <definitions>
    <definition id="oval:scapgate:def:1" version="1" class="compliance">
      <metadata><title>telnetd installed</title><description>telnetd installed</description></metadata>
      <criteria><criterion test_ref="oval:scapgate:tst:1"/></criteria>
    </definition>
  </definitions>
  <tests>
    <lin:dpkginfo_test id="oval:scapgate:tst:1" version="1" check_existence="at_least_one_exists" check="all" comment="telnetd">
      <lin:object object_ref="oval:scapgate:obj:1"/>
    </lin:dpkginfo_test>
  </tests>
  <objects>
    <lin:dpkginfo_object id="oval:scapgate:obj:1" version="1"><lin:name>telnetd</lin:name></lin:dpkginfo_object>
  </objects>
</oval_definitions>
`
