/**
 * Debian's `cosign` (trixie), the independent verifier of scapgate's attestations. A static Go
 * binary, so it runs on Debian 12 from `dpkg -x`: downloaded once with
 * scripts/debian-download.sh (a private apt state; nothing is installed) into the test cache.
 * Fails, never skips, when it cannot be had.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {repoRoot} from './run-cli.js'

const cacheDir = process.env.SCAPGATE_TEST_CACHE ?? '/var/cache/scapgate-test'

export function ensureCosign(): string {
  const root = join(cacheDir, 'cosign-trixie')
  const binary = join(root, 'usr', 'bin', 'cosign')
  if (existsSync(binary)) return binary
  mkdirSync(cacheDir, {recursive: true})
  const debs = execFileSync(
    'bash',
    [join(repoRoot, 'scripts', 'debian-download.sh'), 'trixie', join(cacheDir, 'debs'), 'cosign'],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}
  )
  const deb = debs.trim().split('\n').pop() ?? ''
  const staging = `${root}.tmp-${process.pid}`
  execFileSync('dpkg', ['-x', deb, staging])
  execFileSync('mv', ['-T', staging, root])
  return binary
}
