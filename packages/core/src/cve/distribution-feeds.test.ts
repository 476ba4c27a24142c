// The three feed structures (test/fixtures/feeds): Ubuntu's OCI feed through real oscap in the
// sandbox (manifest mode), Red Hat's v2 feed through the prefilter and the findings.
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nullLogger} from '../logging.js'
import {preflightScanner} from '../scan/preflight.js'
import {buildDebian11Root} from '../../../../test/support/synthetic-roots.js'
import {evaluateCveGate} from './cve-gate.js'
import {defaultCvePolicy} from '../policy/cve-policy.js'
import {buildFindings} from './findings.js'
import {prefilterFeed} from './prefilter.js'
import {scanCves} from './scan-cves.js'

const FEEDS = resolve(import.meta.dirname, '../../../../test/fixtures/feeds')
let base: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'scapgate-feeds-test-'))
})
afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

describe("Canonical's OCI feed", () => {
  it('reads packages from ./manifest: a fixed CVE with the fixed version, an unfixed one without, an absent package pruned', async () => {
    const root = join(base, 'ubuntu')
    await buildDebian11Root(root, [])
    await writeFile(
      join(root, 'etc/os-release'),
      'ID=ubuntu\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy\n'
    )
    const entry = (name: string, version: string, status = 'install ok installed'): string =>
      `Package: ${name}\nStatus: ${status}\nArchitecture: amd64\nVersion: ${version}\n`
    await writeFile(
      join(root, 'var/lib/dpkg/status'),
      [
        entry('sudo', '1.9.9-1ubuntu2'),
        entry('libc6', '2.35-0ubuntu3.6'),
        entry('vim', '2:8.2.3995-1ubuntu2', 'deinstall ok not-installed')
      ].join('\n')
    )
    const report = await scanCves({
      root,
      os: {id: 'ubuntu', idLike: ['debian'], versionId: '22.04', versionCodename: 'jammy'},
      feed: join(FEEDS, 'ubuntu-jammy-oci-excerpt.xml'),
      workDir: base,
      outDir: base,
      scanner: await preflightScanner(),
      imageEnv: [],
      target: 'test',
      timeoutMs: 120_000,
      logger: nullLogger
    })
    expect(report.definitions).toMatchObject({total: 3, evaluated: 2, true: 2})
    expect(report.findings).toEqual([
      expect.objectContaining({
        id: 'CVE-2016-20013',
        package: 'libc6',
        installedVersion: '2.35-0ubuntu3.6',
        severity: 'low',
        cvss: {score: 7.5, vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'}
      }),
      expect.objectContaining({
        id: 'CVE-2023-22809',
        package: 'sudo',
        installedVersion: '1.9.9-1ubuntu2',
        fixedVersion: '1.9.9-1ubuntu2.2',
        severity: 'medium'
      })
    ])
    expect(report.findings[0]?.fixedVersion).toBeUndefined()
    // ignore-unfixed drops libc6 from the gate; medium sudo fails at fail-on medium.
    const gate = evaluateCveGate(
      report,
      {...defaultCvePolicy, failOn: 'medium', ignoreUnfixed: true},
      new Date()
    )
    expect(gate.reasons).toEqual([
      expect.objectContaining({kind: 'vulnerable-packages', cveIds: ['CVE-2023-22809']})
    ])
    expect(gate.counts.unfixedIgnored).toBe(1)
    const waived = evaluateCveGate(
      report,
      {
        ...defaultCvePolicy,
        failOn: 'medium',
        ignoreUnfixed: true,
        waivers: [{id: 'CVE-2023-22809', reason: 'not reachable', expires: '2999-01-01'}]
      },
      new Date()
    )
    expect(waived.status).toBe('pass')
    const expired = evaluateCveGate(
      report,
      {
        ...defaultCvePolicy,
        failOn: 'medium',
        ignoreUnfixed: true,
        waivers: [{id: 'CVE-2023-22809', reason: 'not reachable', expires: '2020-01-01'}]
      },
      new Date()
    )
    expect(expired.reasons.map(r => r.kind)).toEqual(['vulnerable-packages', 'expired-cve-waivers'])
  })
})

describe("Red Hat's OVAL v2 feed", () => {
  it('names the RHSA, both CVEs, the highest CVSS and the Important severity, per vulnerable rpm', async () => {
    const result = await prefilterFeed({
      feedPath: join(FEEDS, 'rhel9-v2-excerpt.xml'),
      label: 'rhel9 excerpt',
      outputPath: join(base, 'rhel.xml'),
      installed: {rpm: new Set(['openssl-libs', 'bash'])}
    })
    // The "RHEL must be installed" (none satisfy) branch keeps every v2 definition: nothing is provably false.
    expect(result.keptDefinitions).toBe(1)
    const findings = buildFindings(['oval:com.redhat.rhsa:def:20230946'], result, {
      rpm: new Map([
        ['openssl-libs', '1:3.0.1-43.el9_0'],
        ['bash', '0:5.1.8-6.el9']
      ])
    })
    expect(findings).toEqual([
      {
        id: 'CVE-2022-4304',
        cves: ['CVE-2022-4304', 'CVE-2023-0286'],
        advisory: 'RHSA-2023:0946',
        definitionId: 'oval:com.redhat.rhsa:def:20230946',
        title: 'RHSA-2023:0946: openssl security and bug fix update (Important)',
        package: 'openssl-libs',
        installedVersion: '1:3.0.1-43.el9_0',
        fixedVersion: '1:3.0.1-47.el9_1',
        severity: 'high',
        cvss: {score: 7.4, vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H'},
        references: [
          'https://access.redhat.com/errata/RHSA-2023:0946',
          'https://access.redhat.com/security/cve/CVE-2022-4304',
          'https://access.redhat.com/security/cve/CVE-2023-0286'
        ]
      }
    ])
  })
})
