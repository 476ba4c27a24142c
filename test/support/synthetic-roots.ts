/**
 * Test helpers: synthetic image roots and small SCAP content, built on disk with real tools.
 * Used only by tests; nothing here ships in the bundles.
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {copyFile, lstat, mkdir, readFile, readdir, readlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

export const execFileAsync = promisify(execFile)

export const SSG_CONTENT_DIR = '/usr/share/xml/scap/ssg/content'
export const DEBIAN11_DS = `${SSG_CONTENT_DIR}/ssg-debian11-ds.xml`
export const RULE = (name: string): string => `xccdf_org.ssgproject.content_rule_${name}`
export const STANDARD = 'xccdf_org.ssgproject.content_profile_standard'

const DPKG_ENTRY = (name: string): string =>
  [
    `Package: ${name}`,
    'Status: install ok installed',
    'Priority: optional',
    'Section: net',
    'Installed-Size: 10',
    'Maintainer: Test <test@example.invalid>',
    'Architecture: amd64',
    'Version: 1.0-1',
    `Description: ${name} (synthetic)`,
    ''
  ].join('\n')

/**
 * A Debian-11-like root with the files SSG's debian11 content and libapt need: os-release,
 * debian_version, a dpkg status database listing `packages`, dpkg's cputable (libapt needs it to
 * know the architecture), the apt state directories, passwd/shadow/group.
 */
export async function buildDebian11Root(root: string, packages: string[]): Promise<void> {
  const dirs = [
    'etc/apt/apt.conf.d',
    'var/lib/dpkg/info',
    'var/lib/dpkg/updates',
    'var/lib/apt/lists/partial'
  ]
  for (const dir of [...dirs, 'var/cache/apt/archives/partial', 'usr/share/dpkg', 'root', 'tmp']) {
    await mkdir(join(root, dir), {recursive: true})
  }
  const files: Record<string, string> = {
    'etc/os-release': [
      'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"',
      'NAME="Debian GNU/Linux"',
      'VERSION_ID="11"',
      'VERSION="11 (bullseye)"',
      'VERSION_CODENAME=bullseye',
      'ID=debian',
      ''
    ].join('\n'),
    'etc/debian_version': '11.11\n',
    'etc/hostname': 'synthetic\n',
    'etc/passwd':
      'root:x:0:0:root:/root:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    'etc/group': 'root:x:0:\nshadow:x:42:\nnogroup:x:65534:\n',
    'etc/shadow': 'root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n',
    'etc/gshadow': 'root:*::\nshadow:*::\nnogroup:*::\n',
    'var/lib/dpkg/status': packages.map(DPKG_ENTRY).join('\n'),
    'var/lib/dpkg/available': ''
  }
  for (const [path, text] of Object.entries(files)) await writeFile(join(root, path), text)
  await execFileAsync('chmod', ['0640', join(root, 'etc/shadow'), join(root, 'etc/gshadow')])
  await execFileAsync('chown', ['0:42', join(root, 'etc/shadow'), join(root, 'etc/gshadow')])
  for (const table of ['cputable', 'tupletable']) {
    await copyFile(`/usr/share/dpkg/${table}`, join(root, 'usr/share/dpkg', table))
  }
}

/** One line per entry: path, type, mode, owner, size, mtime, and a content hash or link target. */
export async function manifest(root: string): Promise<string[]> {
  const lines: string[] = []
  const walk = async (relative: string): Promise<void> => {
    const path = join(root, relative)
    const info = await lstat(path)
    let detail = ''
    if (info.isSymbolicLink()) detail = `-> ${await readlink(path)}`
    else if (info.isFile())
      detail = createHash('sha256')
        .update(await readFile(path))
        .digest('hex')
    lines.push(
      [
        relative || '.',
        info.mode.toString(8),
        `${info.uid}:${info.gid}`,
        info.size,
        info.mtimeMs,
        detail
      ].join(' ')
    )
    if (info.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await walk(join(relative, name))
    }
  }
  await walk('')
  return lines
}

/** Builds a source data stream from an XCCDF benchmark and one OVAL file (`oscap ds sds-compose`). */
export async function composeDataStream(dir: string, xccdf: string, oval: string): Promise<string> {
  await writeFile(join(dir, 'xccdf.xml'), xccdf)
  await writeFile(join(dir, 'oval.xml'), oval)
  await execFileAsync('oscap', ['ds', 'sds-compose', 'xccdf.xml', 'ds.xml'], {cwd: dir})
  return join(dir, 'ds.xml')
}

export const CANARY_PROFILE = 'xccdf_test.scapgate_profile_canary'

/** XCCDF with one rule reading `paths` with textfilecontent54 and a catch-all pattern. */
export function fileReaderContent(paths: string[]): {xccdf: string; oval: string} {
  const xccdf = `<?xml version="1.0" encoding="UTF-8"?>
<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_test.scapgate_benchmark_canary" resolved="1" xml:lang="en">
  <status>accepted</status>
  <version>1</version>
  <Profile id="${CANARY_PROFILE}"><title>Canary</title><select idref="xccdf_test.scapgate_rule_read" selected="true"/></Profile>
  <Rule id="xccdf_test.scapgate_rule_read" selected="false" severity="high">
    <title>Read files</title>
    <check system="http://oval.mitre.org/XMLSchema/oval-definitions-5">
      <check-content-ref href="oval.xml" name="oval:test.scapgate:def:1"/>
    </check>
  </Rule>
</Benchmark>
`
  const ids = paths.map((_, index) => index + 1)
  // [^\x00]+ rather than .*: /proc/self/environ is NUL-separated and .* trips PCRE in 1.3.7.
  const oval = `<?xml version="1.0" encoding="UTF-8"?>
<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent">
  <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp></generator>
  <definitions>
    <definition class="compliance" id="oval:test.scapgate:def:1" version="1">
      <metadata><title>read</title><description>read</description></metadata>
      <criteria operator="OR">${ids.map(id => `<criterion test_ref="oval:test.scapgate:tst:${id}"/>`).join('')}</criteria>
    </definition>
  </definitions>
  <tests>
${ids.map(id => `    <ind:textfilecontent54_test id="oval:test.scapgate:tst:${id}" version="1" check="all" check_existence="at_least_one_exists" comment="read"><ind:object object_ref="oval:test.scapgate:obj:${id}"/></ind:textfilecontent54_test>`).join('\n')}
  </tests>
  <objects>
${paths.map((path, index) => `    <ind:textfilecontent54_object id="oval:test.scapgate:obj:${index + 1}" version="1"><ind:filepath>${path}</ind:filepath><ind:pattern operation="pattern match">[^\\x00]+</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance></ind:textfilecontent54_object>`).join('\n')}
  </objects>
</oval_definitions>
`
  return {xccdf, oval}
}

/** Result of `ruleId` in an ARF, by a plain text search (the ARF parser lives elsewhere). */
export function ruleResult(arf: string, ruleId: string): string | undefined {
  const start = arf.indexOf(`<rule-result idref="${ruleId}"`)
  if (start === -1) return undefined
  return /<result>([a-z]+)<\/result>/.exec(arf.slice(start, start + 4000))?.[1]
}
