import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {storeVerdictInputs} from '../cache/verdict-inputs.js'
import {nullLogger} from '../logging.js'
import {noOptions} from '../options/given-options.js'
import {parsePolicy} from '../policy/parse-policy.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {rejudgeDigests} from './rejudge.js'

const rule = 'xccdf_org.ssgproject.content_rule_package_telnetd_removed'

async function released(dpkgStatus?: string): Promise<{cache: string; digest: string}> {
  const cache = mkdtempSync(join(tmpdir(), 'scapgate-rejudge-cache-'))
  const results = sampleResults([sampleRule({shortId: 'package_telnetd_removed', result: 'fail'})])
  await storeVerdictInputs(cache, {
    results,
    contentRuleIds: [rule],
    facts: {...(dpkgStatus === undefined ? {} : {dpkgStatus}), releaseFiles: {}},
    evidence: {arfSha256: 'f'.repeat(64)},
    recordedAt: '2026-11-01T00:00:00.000Z'
  })
  return {cache, digest: results.image.configDigest}
}

const policy = parsePolicy(
  `waivers:\n  - rule: package_telnetd_removed\n    reason: legacy client\n    approver: alice\n    expires: 2026-12-01\n`,
  '/policy/scapgate.yml'
)
const base = (cache: string, digest: string, now: string) => ({
  digests: [digest],
  cacheDir: cache,
  policy,
  given: noOptions(),
  outDir: mkdtempSync(join(tmpdir(), 'scapgate-rejudge-out-')),
  environment: {tmpDir: tmpdir()},
  timeoutMs: 60_000,
  logger: nullLogger,
  now: new Date(now)
})

describe('rejudgeDigests', () => {
  it('turns a released image red when its waiver expires, from the record alone', async () => {
    const {cache, digest} = await released('Package: login\nVersion: 1\n')
    const [before] = await rejudgeDigests(base(cache, digest, '2026-11-30T12:00:00Z'))
    expect(before?.verdict?.status).toBe('pass')
    expect(before?.verdict?.counts.waived).toBe(1)
    const options = base(cache, digest, '2026-12-02T12:00:00Z')
    const [after] = await rejudgeDigests(options)
    expect(after?.verdict?.status).toBe('fail')
    expect(after?.verdict?.reasons.map(r => r.kind)).toContain('expired-waivers')
    const written = JSON.parse(
      readFileSync(join(options.outDir, digest.slice(7, 19), 'results.json'), 'utf8')
    ) as {gate: {status: string}}
    expect(written.gate.status).toBe('fail')
  })

  it('refuses to judge CVEs of an image without a recorded dpkg database, never passes it', async () => {
    const {cache, digest} = await released(undefined)
    const [outcome] = await rejudgeDigests({
      ...base(cache, digest, '2026-11-30T12:00:00Z'),
      given: {
        values: {cves: true, feed: '/nonexistent/feed.xml'},
        from: {cves: {kind: 'flag', name: '--cves'}, feed: {kind: 'flag', name: '--feed'}}
      }
    })
    expect(outcome?.verdict).toBeUndefined()
    expect(String(outcome?.error)).toMatch(/recorded dpkg database .* Debian-family images only/)
  })

  it("resolves the given options over the policy with the scan's resolver", async () => {
    const {cache, digest} = await released('Package: login\nVersion: 1\n')
    // A CVE option without CVE scanning is refused before anything is read, naming the flag.
    await expect(
      rejudgeDigests({
        ...base(cache, digest, '2026-11-30T12:00:00Z'),
        given: {values: {feed: '/feed.xml'}, from: {feed: {kind: 'flag', name: '--feed'}}}
      })
    ).rejects.toThrow(/Expected `--feed` only with `--cves`/)
    // A given `fail-on` wins over the policy's thresholds, as in a scan.
    const [outcome] = await rejudgeDigests({
      ...base(cache, digest, '2026-11-30T12:00:00Z'),
      given: {values: {failOn: 'never'}, from: {failOn: {kind: 'env', name: 'SCAPGATE_FAIL_ON'}}}
    })
    expect(outcome?.verdict?.failOn).toBe('never')
  })

  it('says so for a digest with nothing recorded', async () => {
    const {cache} = await released()
    const [outcome] = await rejudgeDigests(
      base(cache, `sha256:${'9'.repeat(64)}`, '2026-11-30T12:00:00Z')
    )
    expect(String(outcome?.error)).toMatch(/found none \(scan the image once/)
  })
})
