import {beforeAll, describe, expect, it} from 'vitest'
import {ensureDebianImage, type DebianImage} from '../support/debian-image.js'
import {runCli} from '../support/run-cli.js'

/**
 * `scapgate content` with the content `make setup` installs (scripts/install-content.sh): the
 * pinned SSG 0.1.76 and 0.1.82 packages in /var/cache/scapgate/content, beside the host's 0.1.65.
 * Which of 0.1.76/0.1.82 serves Debian 12 depends on whether content with SCE checks is usable,
 * so these tests assert the rule (the newest usable copy, and why), not one version.
 */
describe('scapgate content on the set-up machine', () => {
  let image: DebianImage
  beforeAll(async () => {
    image = await ensureDebianImage({release: 'debian12'})
  })

  it('lists the installed and the stored content with SSG versions', async () => {
    const run = await runCli(['content', 'list'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /^\/usr\/share\/xml\/scap\/ssg\/content\n {2}alinux2 +SSG 0\.1\.65 /m
    )
    expect(run.stdout).toMatch(
      /entries\/f6880719015c… from .*ssg-debian_0\.1\.76-1_all\.deb \(pinned/
    )
    expect(run.stdout).toMatch(/^ {2}debian13 +SSG 0\.1\.82 +\d+ profiles: .*cis_level1_server/m)
  })

  it('explains which data stream and profile a real Debian 12 image gets, and why', async () => {
    const run = await runCli(['content', 'explain', `docker-archive:${image.dockerArchive}`])
    expect(run.stderr).not.toMatch(/internal error/)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Debian GNU/Linux 12 (bookworm)')
    expect(run.stdout).toMatch(
      /data stream: \/var\/cache\/scapgate\/content\/entries\/[0-9a-f]{64}\/ssg-debian12-ds\.xml\n/
    )
    expect(run.stdout).toMatch(/why: SSG 0\.1\.(76|82) from the content store .*of 2 copies/)
    expect(run.stdout).toContain('profile: xccdf_org.ssgproject.content_profile_standard')
  })

  it('says why when nothing fits: a profile the chosen content lacks exits 2 naming it', async () => {
    const run = await runCli([
      'content',
      'explain',
      `docker-archive:${image.dockerArchive}`,
      '--profile',
      'no_such_profile'
    ])
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(
      /problem: Expected `profile` to be one of the profiles in .*no_such_profile/
    )
  })
})
