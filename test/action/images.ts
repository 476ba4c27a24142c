/**
 * Images for the action's tests, built deterministically with the shared fixture helpers:
 * - `clean`: the sample image's Debian 11 base alone (passes the standard profile);
 * - `failing`: the committed sample-app image (telnetd installed, /etc/shadow 0644);
 * - `noisy`: the base with the account files and logs world-writable and owned by a user, scanned
 *   with a tailoring that selects every rule of the debian11 content: more than 50 findings.
 */
import {copyFileSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {debian11Base, writeImage} from '../support/scan-fixtures.js'
import {repoRoot} from '../support/run-cli.js'
import type {TarEntry} from '../support/tar-writer.js'

export const sampleApp = join(repoRoot, 'test/fixtures/images/sample-app')
export const debian11Content = '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml'

/** Writes `<dir>/<name>.tar` of the clean base. */
export function writeCleanImage(dir: string, name: string): string {
  return writeImage(dir, name, [debian11Base])
}

export function writeFailingImage(dir: string, name: string): string {
  const path = join(dir, `${name}.tar`)
  copyFileSync(join(sampleApp, 'sample-app.docker.tar'), path)
  return path
}

export function writeNoisyImage(dir: string, name: string): string {
  const loose = (path: string): TarEntry => ({
    name: path,
    content: 'x:x:0:\n',
    mode: 0o777,
    uid: 1000,
    gid: 1000
  })
  const layer: TarEntry[] = [
    {name: 'etc/', type: 'dir', mode: 0o755},
    ...['passwd', 'group', 'shadow', 'gshadow', 'passwd-', 'group-', 'shadow-', 'gshadow-'].map(f =>
      loose(`etc/${f}`)
    ),
    {name: 'var/', type: 'dir', mode: 0o755},
    {name: 'var/log/', type: 'dir', mode: 0o777, uid: 1000, gid: 1000},
    loose('var/log/messages'),
    loose('var/log/syslog')
  ]
  return writeImage(dir, name, [debian11Base, layer])
}

/** A tailoring of the debian11 content that selects every group and rule. Profile id returned. */
export function writeAllRulesTailoring(path: string): string {
  const content = readFileSync(debian11Content, 'utf8')
  const ids = (kind: string): string[] =>
    [
      ...new Set(
        [...content.matchAll(new RegExp(`<xccdf-1\\.2:${kind} [^>]*?id="([^"]+)"`, 'g'))].map(
          m => m[1] as string
        )
      )
    ].sort()
  const selects = [...ids('Group'), ...ids('Rule')]
    .map(id => `    <xccdf-1.2:select idref="${id}" selected="true"/>`)
    .join('\n')
  const profile = 'xccdf_scapgate_profile_every_rule'
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<xccdf-1.2:Tailoring xmlns:xccdf-1.2="http://checklists.nist.gov/xccdf/1.2" id="xccdf_scapgate_tailoring_every_rule">
  <xccdf-1.2:benchmark href="${debian11Content}"/>
  <xccdf-1.2:version time="2026-01-01T00:00:00">1</xccdf-1.2:version>
  <xccdf-1.2:Profile id="${profile}" extends="xccdf_org.ssgproject.content_profile_standard">
    <xccdf-1.2:title>every rule (scapgate action test)</xccdf-1.2:title>
${selects}
  </xccdf-1.2:Profile>
</xccdf-1.2:Tailoring>
`
  )
  return profile
}
