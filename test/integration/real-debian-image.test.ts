import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {ensureDebianImage, type DebianImage} from '../support/debian-image.js'
import {debian11Content, referenceScan, type RuleResults} from '../support/reference-scan.js'
import {runCli} from '../support/run-cli.js'
import {readResults, scanDirs} from '../support/scan-fixtures.js'

const dirs = scanDirs('scapgate-real')
afterAll(() => dirs.cleanup())

/**
 * A real Debian 11 image: a debootstrap minbase root with podman-built layers on top (see
 * test/fixtures/images/debian11-app). scapgate's rule results must equal oscap's on the same root
 * scanned correctly (umoci unpack + overlay + container marker + the APT_CONFIG workaround).
 */
describe('scapgate on a real Debian 11 image built with debootstrap and podman', () => {
  let image: DebianImage
  let reference: RuleResults
  beforeAll(async () => {
    image = await ensureDebianImage()
    reference = await referenceScan(
      {ociDir: image.ociDir, ociTag: image.ociTag},
      {profile: 'standard'}
    )
  })

  for (const form of ['docker-archive', 'oci-archive', 'oci'] as const) {
    it(`gives oscap's correct results for every rule through ${form}`, async () => {
      const source =
        form === 'docker-archive'
          ? `docker-archive:${image.dockerArchive}`
          : form === 'oci-archive'
            ? `oci-archive:${image.ociArchive}`
            : `oci:${image.ociDir}:${image.ociTag}`
      const out = dirs.out(form)
      // The reference and the expected failures are SSG 0.1.65's (the host's): pin that content,
      // since automatic selection would take the newer content of the store (docs/content.md).
      const run = await runCli(['scan', source, '--out', out, '--content', debian11Content])
      expect(run.stderr).not.toMatch(/internal error|could not complete/)
      expect(run.code).toBe(1)
      const ours = new Map(readResults(out).rules.map(rule => [rule.id, rule.result]))
      const selected = new Map([...reference].filter(([, result]) => result !== 'notselected'))
      expect(Object.fromEntries(ours)).toEqual(Object.fromEntries(selected))
      const failing = [...ours].filter(([, r]) => r === 'fail').map(([id]) => id)
      expect(failing.sort()).toEqual([...image.expectedFailures].sort())
    })
  }
})
