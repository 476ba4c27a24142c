import {execFile} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {beforeAll, describe, expect, it} from 'vitest'

import {ensureDebianImage, type DebianImage} from './debian-image.js'
import {oscapPodmanScanDetailed, referenceScanDetailed, type OracleScan} from './reference-scan.js'

const exec = promisify(execFile)
const rule = (name: string): string => `xccdf_org.ssgproject.content_rule_${name}`
const failing = (scan: OracleScan): string[] =>
  [...scan.results].filter(([, result]) => result === 'fail').map(([id]) => id)

/** `tar -tv` of one layer of a docker archive, as `mode owner/group name` lines. */
async function listLayer(archive: string, layer: string): Promise<string[]> {
  const {stdout} = await exec(
    'bash',
    ['-c', 'tar -xOf "$0" "$1" | tar -tv --numeric-owner', archive, layer],
    {
      maxBuffer: 64 * 1024 * 1024
    }
  )
  return stdout
    .split('\n')
    .filter(line => line !== '')
    .map(line => {
      const [mode, owner, , , , ...name] = line.split(/\s+/)
      return `${mode} ${owner} ${name.join(' ')}`
    })
}

let image: DebianImage
let firstCallSeconds: number
let reference: Promise<OracleScan> | undefined
const referenceScan = (): Promise<OracleScan> =>
  (reference ??= referenceScanDetailed(image, {profile: 'standard'}))

beforeAll(async () => {
  const started = performance.now()
  image = await ensureDebianImage({log: line => console.log(line)})
  firstCallSeconds = (performance.now() - started) / 1000
  console.log(`ensureDebianImage: ${firstCallSeconds.toFixed(1)} s (${image.imageName})`)
})

describe('ensureDebianImage', () => {
  it('returns the cached image again within seconds', async () => {
    const started = performance.now()
    const again = await ensureDebianImage()
    const seconds = (performance.now() - started) / 1000
    console.log(`ensureDebianImage, warm: ${seconds.toFixed(2)} s`)
    expect(again).toEqual(image)
    expect(seconds).toBeLessThan(5)
    const {stdout} = await exec('podman', [
      'image',
      'inspect',
      '--format',
      '{{.Id}}',
      image.imageName
    ])
    expect(`sha256:${stdout.trim().replace(/^sha256:/, '')}`).toBe(image.imageId)
  })

  it('saves a docker archive and an OCI layout of the same image', async () => {
    const manifest: unknown = JSON.parse(
      (await exec('tar', ['-xOf', image.dockerArchive, 'manifest.json'])).stdout
    )
    expect(manifest).toMatchObject([
      {RepoTags: [image.imageName], Config: `${image.imageId.slice(7)}.json`}
    ])
    const index = JSON.parse(readFileSync(join(image.ociDir, 'index.json'), 'utf8')) as {
      manifests: {digest: string; annotations?: Record<string, string>}[]
    }
    const entry = index.manifests.find(
      m => m.annotations?.['org.opencontainers.image.ref.name'] === image.ociTag
    )
    expect(entry?.digest).toBe(image.manifestDigest)
    const oci = JSON.parse(
      readFileSync(join(image.ociDir, 'blobs', 'sha256', image.manifestDigest.slice(7)), 'utf8')
    )
    expect(oci.config.digest).toBe(image.imageId)
    expect(existsSync(image.ociArchive)).toBe(true)
    expect(image.env).toContain('SCAPGATE_FIXTURE=debian11-app')
  })

  it('puts each Containerfile change into its own layer of the docker archive', async () => {
    const [{Layers: layers}] = JSON.parse(
      (await exec('tar', ['-xOf', image.dockerArchive, 'manifest.json'])).stdout
    ) as [{Layers: string[]}]
    // base + 5 RUN lines; ENV and CMD add no layer
    expect(layers).toHaveLength(6)
    const [, chmod, chown, apt, install, remove] = await Promise.all(
      layers.map((layer, i) =>
        i === 0 ? Promise.resolve([]) : listLayer(image.dockerArchive, layer)
      )
    )
    expect(chmod).toContain('-rw-r--r-- 0/42 etc/shadow')
    expect(chown).toContain('-rw-r--r-- 1000/0 etc/passwd')
    expect(apt).toContain('-rwxr-xr-x 0/0 usr/sbin/in.telnetd')
    expect(apt?.some(line => line.endsWith(' var/lib/dpkg/status'))).toBe(true)
    expect(install).toContain('-rw------- 0/0 boot/System.map-5.10.0-0-amd64')
    expect(remove?.some(line => line.endsWith(' boot/.wh.System.map-5.10.0-0-amd64'))).toBe(true)
  })
})

describe('referenceScan', () => {
  it('fails exactly the rules the Containerfile breaks under the standard profile', async () => {
    const scan = await referenceScan()
    expect(failing(scan).sort()).toEqual([...image.expectedFailures].sort())
    expect(scan.exitCode).toBe(2)
    // container mode: the #machine rules do not apply
    expect(scan.results.get(rule('package_audit_installed'))).toBe('notapplicable')
    expect(scan.results.get(rule('file_owner_etc_shadow'))).toBe('pass')
  })

  it('sees telnetd installed and the other removed packages absent', async () => {
    const {results, stderr} = await referenceScan()
    expect(results.get(rule('package_telnetd_removed'))).toBe('fail')
    for (const name of ['inetutils-telnetd', 'nis', 'ntpdate', 'telnetd-ssl']) {
      expect(results.get(rule(`package_${name}_removed`)), name).toBe('pass')
    }
    expect(stderr).not.toContain('dpkginfo_init has failed')
  })
})

describe('oscapPodmanScan', () => {
  // docs/reference/openscap.md §5: with docker-clean in the host's apt.conf.d, the first dpkginfo_init of the
  // run fails and oscap 1.3.7 reports every package of that OVAL session as not installed.
  const hostHasDockerClean = existsSync('/etc/apt/apt.conf.d/docker-clean')

  it('gets package_telnetd_removed wrong on a host with docker-clean and agrees on the rest', async () => {
    const [podman, correct] = await Promise.all([
      oscapPodmanScanDetailed(image.imageName, {profile: 'standard'}),
      referenceScan()
    ])
    const telnetd = rule('package_telnetd_removed')
    expect(podman.results.get(telnetd)).toBe(hostHasDockerClean ? 'pass' : 'fail')
    expect(podman.stderr.includes('dpkginfo_init has failed')).toBe(hostHasDockerClean)
    const disagreements = [...correct.results]
      .filter(([id, result]) => podman.results.get(id) !== result)
      .map(([id]) => id)
    expect(disagreements).toEqual(hostHasDockerClean ? [telnetd] : [])
    expect(podman.results.size).toBe(correct.results.size)
    console.log(
      `oscap-podman: ${podman.seconds.toFixed(1)} s, reference oscap: ${correct.seconds.toFixed(1)} s`
    )
  })

  it('leaves no container of the image behind', async () => {
    await oscapPodmanScanDetailed(image.imageName, {profile: 'standard'})
    const {stdout} = await exec('podman', [
      'ps',
      '-a',
      '-q',
      '--filter',
      `ancestor=${image.imageName}`
    ])
    expect(stdout.trim()).toBe('')
  })
})
