/**
 * Tiny SCAP data streams for end-to-end tests: one XCCDF rule per path, each an OVAL
 * textfilecontent54 test that passes when the file exists and has content. Composed with
 * `oscap ds sds-compose`, so oscap itself vouches for the structure. The profile's selects are
 * written back to back on purpose: oscap 1.3.7 ignores every second one of those unless scapgate
 * pretty-prints the content first, so every test using this content also guards that workaround.
 */
import {execFile} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

export const probeProfile = 'xccdf_test.scapgate_profile_probe'
export const probeRuleId = (index: number): string => `xccdf_test.scapgate_rule_path_${index}`

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export async function writeProbeContent(dir: string, paths: readonly string[]): Promise<string> {
  const rules = paths
    .map(
      (path, i) => `  <Rule id="${probeRuleId(i)}" selected="false" severity="high">
    <title>${escapeXml(path)} exists</title>
    <check system="http://oval.mitre.org/XMLSchema/oval-definitions-5"><check-content-ref href="oval.xml" name="oval:test.probe:def:${i + 1}"/></check>
  </Rule>`
    )
    .join('\n')
  const xccdf = `<?xml version="1.0" encoding="UTF-8"?>
<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_test.scapgate_benchmark_probe" resolved="1" xml:lang="en">
  <status>accepted</status>
  <version>1</version>
  <Profile id="${probeProfile}"><title>Probe</title>${paths.map((_, i) => `<select idref="${probeRuleId(i)}" selected="true"/>`).join('')}</Profile>
${rules}
</Benchmark>
`
  const item = (kind: string, i: number): string => `oval:test.probe:${kind}:${i + 1}`
  const oval = `<?xml version="1.0" encoding="UTF-8"?>
<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent">
  <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp></generator>
  <definitions>
${paths.map((_, i) => `    <definition class="compliance" id="${item('def', i)}" version="1"><metadata><title>p</title><description>p</description></metadata><criteria><criterion test_ref="${item('tst', i)}"/></criteria></definition>`).join('\n')}
  </definitions>
  <tests>
${paths.map((_, i) => `    <ind:textfilecontent54_test id="${item('tst', i)}" version="1" check="all" check_existence="at_least_one_exists" comment="p"><ind:object object_ref="${item('obj', i)}"/></ind:textfilecontent54_test>`).join('\n')}
  </tests>
  <objects>
${paths.map((path, i) => `    <ind:textfilecontent54_object id="${item('obj', i)}" version="1"><ind:filepath>${escapeXml(path)}</ind:filepath><ind:pattern operation="pattern match">[^\\x00]+</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance></ind:textfilecontent54_object>`).join('\n')}
  </objects>
</oval_definitions>
`
  await writeFile(join(dir, 'xccdf.xml'), xccdf)
  await writeFile(join(dir, 'oval.xml'), oval)
  await promisify(execFile)('oscap', ['ds', 'sds-compose', 'xccdf.xml', 'probe-ds.xml'], {cwd: dir})
  return join(dir, 'probe-ds.xml')
}
