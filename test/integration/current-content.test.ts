import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureDebianImage, type DebianRelease} from '../support/debian-image.js'
import {referenceScan} from '../support/reference-scan.js'
import {runCli} from '../support/run-cli.js'
import {scanDirs} from '../support/scan-fixtures.js'
import {ensureSsgContent, ssg0176, ssg0182, type SsgPackage} from '../support/ssg-packages.js'

const dirs = scanDirs('scapgate-current')
afterAll(() => dirs.cleanup())

const REASON = 'script check, not run on untrusted images'
const OVAL = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
const SCE = 'http://open-scap.org/page/SCE'
const rule = (name: string): string => `xccdf_org.ssgproject.content_rule_${name}`
/**
 * What the test images (test/fixtures/images/debian1{2,3}-app) break on purpose; each must fail
 * where the profile selects it (CIS level 1 server has no package_telnetd_removed).
 */
const planted = [
  'package_telnetd_removed',
  'file_permissions_etc_shadow',
  'file_permissions_etc_group'
].map(rule)
const plantedIn: Record<string, string[]> = {
  standard: planted,
  cis_level1_server: planted.slice(1)
}

interface Results {
  rules: {id: string; result: string; reason?: string}[]
  scanner: {content: {path: string; sha256: string; sceChecksRemoved?: number}}
}

/**
 * SCE facts read from the data stream with plain regexes, independently of `strip-sce.ts`: how many
 * SCE checks it has, and which rules have an SCE check but no OVAL one.
 */
function sceFacts(dataStream: string): {checks: number; scriptOnly: Set<string>} {
  const text = readFileSync(dataStream, 'utf8')
  const checks = text.split(`system="${SCE}"`).length - 1
  const scriptOnly = new Set<string>()
  for (const [body, id] of text.matchAll(
    /<xccdf-1\.2:Rule\b[^>]*?\bid="([^"]+)"[\s\S]*?<\/xccdf-1\.2:Rule>/g
  )) {
    if (body.includes(`system="${SCE}"`) && !body.includes(`system="${OVAL}"`))
      scriptOnly.add(id as string)
  }
  return {checks, scriptOnly}
}

interface Case {
  release: DebianRelease
  content: SsgPackage
  dataStream: string
  profile: string
}

const cases: Case[] = [
  {release: 'debian12', content: ssg0182, dataStream: 'ssg-debian12-ds.xml', profile: 'standard'},
  {
    release: 'debian12',
    content: ssg0182,
    dataStream: 'ssg-debian12-ds.xml',
    profile: 'cis_level1_server'
  },
  {release: 'debian13', content: ssg0182, dataStream: 'ssg-debian13-ds.xml', profile: 'standard'},
  {
    release: 'debian13',
    content: ssg0182,
    dataStream: 'ssg-debian13-ds.xml',
    profile: 'cis_level1_server'
  },
  {release: 'debian12', content: ssg0176, dataStream: 'ssg-debian12-ds.xml', profile: 'standard'}
]

/**
 * Issue 11 §5: real Debian 12 and 13 images (debootstrap + podman) judged with current content
 * given by `--content`: SSG 0.1.82 from unstable (with SCE checks) and 0.1.76 from trixie. Every
 * rule result must equal oscap's own on the same root and the same, unmodified data stream, run
 * the correct way (reference-oscap.sh) with no SCE engine — so the reference also evaluates the
 * OVAL alternatives and leaves SCE-only rules notchecked, without scapgate's stripping.
 */
describe('current SCAP content on current Debian images', () => {
  beforeAll(() => {
    // The reference must not run SCE either; this makes oscap load no check-engine plugin at all.
    process.env['OSCAP_CHECK_ENGINE_PLUGIN_DIR'] = join(dirs.dir, 'no-plugins')
  })

  for (const c of cases) {
    it(`${c.release} image, SSG ${c.content.version} ${c.dataStream}, ${c.profile} profile: oscap's results for every rule, exit 1`, async () => {
      const [image, contentDir] = await Promise.all([
        ensureDebianImage({release: c.release}),
        ensureSsgContent(c.content)
      ])
      const dataStream = join(contentDir, c.dataStream)
      const out = dirs.out(`${c.release}-${c.content.version}-${c.profile}`)
      const [run, reference] = await Promise.all([
        runCli([
          'scan',
          `oci:${image.ociDir}:${image.ociTag}`,
          '--content',
          dataStream,
          '--profile',
          c.profile,
          '--out',
          out
        ]),
        referenceScan(
          {ociDir: image.ociDir, ociTag: image.ociTag, manifestDigest: image.manifestDigest},
          {profile: c.profile, content: dataStream}
        )
      ])
      expect(run.stderr).not.toMatch(/internal error|could not complete|refuses/)
      expect(run.code).toBe(1)

      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results
      const ours = Object.fromEntries(results.rules.map(r => [r.id, r.result]))
      const selected = Object.fromEntries(
        [...reference].filter(([, result]) => result !== 'notselected')
      )
      expect(ours).toEqual(selected)
      for (const id of plantedIn[c.profile] ?? [])
        expect({id, result: ours[id]}).toEqual({id, result: 'fail'})

      // The content as given is what results.json names; SCE checks removed are counted.
      const facts = sceFacts(dataStream)
      expect(results.scanner.content.sha256).toBe(
        createHash('sha256').update(readFileSync(dataStream)).digest('hex')
      )
      expect(results.scanner.content.sceChecksRemoved).toBe(facts.checks)
      // SCE-only rules are never judged: notchecked with the reason, or notapplicable (their
      // platform, e.g. nftables installed, does not hold); no other rule gets the reason.
      for (const r of results.rules) {
        if (!facts.scriptOnly.has(r.id)) expect(r.reason).toBeUndefined()
        else if (r.result !== 'notapplicable')
          expect([r.id, r.result, r.reason]).toEqual([r.id, 'notchecked', REASON])
      }
    })
  }

  it('SSG 0.1.82 Debian 12 really has SCE checks and SCE-only CIS rules (what the cases above rely on)', async () => {
    const dataStream = join(await ensureSsgContent(ssg0182), 'ssg-debian12-ds.xml')
    const facts = sceFacts(dataStream)
    expect(facts.checks).toBe(111)
    expect([...facts.scriptOnly].sort()).toEqual([
      rule('set_ip6tables_default_rule'),
      rule('set_nftables_base_chain')
    ])
  })
})
