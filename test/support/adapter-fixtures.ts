/**
 * Fixtures shared by the adapter tests (GitLab component, Jenkins step, parity): a compliant and
 * a non-compliant image, and a bin directory that puts the scanner image's commands
 * (`scapgate`) on PATH, running this checkout's dist/ bundle.
 */
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {cliBundle, repoRoot} from './run-cli.js'
import {debian11Base, writeImage} from './scan-fixtures.js'

/** Fails the standard profile: telnetd installed, /etc/shadow too open (docker-archive). */
export const nonCompliantImage = join(
  repoRoot,
  'test/fixtures/images/sample-app/sample-app.docker.tar'
)

/**
 * Passes the debian11 standard profile at every severity: the small Debian 11 base plus the
 * System.map that `file_permissions_systemmap` insists on (its OVAL fails when none exists).
 */
export function writeCompliantImage(dir: string): string {
  return writeImage(dir, 'compliant-app', [
    debian11Base,
    [
      {name: 'boot/', type: 'dir', mode: 0o755},
      {name: 'boot/System.map-5.10.0-0-amd64', content: 'ffffffff81000000 T _text\n', mode: 0o600}
    ]
  ])
}

/** Writes `dir/bin` with the scanner image's commands and returns it (prepend it to PATH). */
export function writeScannerBin(dir: string, node = process.execPath): string {
  const bin = join(dir, 'bin')
  mkdirSync(bin, {recursive: true})
  writeFileSync(join(bin, 'scapgate'), `#!/bin/sh\nexec '${node}' '${cliBundle}' "$@"\n`)
  chmodSync(join(bin, 'scapgate'), 0o755)
  return bin
}
