/**
 * A data stream with Script Check Engine checks, composed with `oscap ds sds-compose` (which packs
 * the script as an SCE extended component, as SSG's build does). Its script would leave a marker
 * file in `/tmp`, in a host directory and in the image root (`$OSCAP_PROBE_ROOT`), and would make
 * every rule it decides pass. Rules:
 * - `oval`: OVAL only (passes when /etc/os-release has content);
 * - `sce_oval`: SCE first, then the same OVAL check as an alternative (SSG's layout): evaluated by OVAL;
 * - `sce_only`: SCE only;
 * - `sce_ocil`: SCE and an OCIL questionnaire (SSG's set_nftables_base_chain): no evaluable check left;
 * - `complex`: a complex-check AND(OVAL, SCE): dropping the SCE operand would change its meaning.
 */
import {execFile} from 'node:child_process'
import {chmod, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

export const sceProfile = 'xccdf_test.sce_profile_all'
export const sceRule = (name: string): string => `xccdf_test.sce_rule_${name}`
export const sceRuleNames = ['oval', 'sce_oval', 'sce_only', 'sce_ocil', 'complex'] as const

const OVAL = 'http://oval.mitre.org/XMLSchema/oval-definitions-5'
const SCE = 'http://open-scap.org/page/SCE'
const ovalCheck = `<check system="${OVAL}"><check-content-ref href="oval.xml" name="oval:test.sce:def:1"/></check>`
const sceCheck = `<check system="${SCE}"><check-import import-name="stdout"/><check-content-ref href="marker.sh"/></check>`

/** Writes the data stream into `dir` and returns its path; the script touches `markerName` in each place. */
export async function writeSceContent(
  dir: string,
  markerName: string,
  hostMarkerDir: string
): Promise<string> {
  const rules: Record<(typeof sceRuleNames)[number], string> = {
    oval: ovalCheck,
    sce_oval: `${sceCheck}${ovalCheck}`,
    sce_only: sceCheck,
    sce_ocil: `${sceCheck}<check system="http://scap.nist.gov/schema/ocil/2"><check-content-ref href="ocil.xml" name="ocil:test:questionnaire:1"/></check>`,
    complex: `<complex-check operator="AND">${ovalCheck}${sceCheck}</complex-check>`
  }
  const xccdf = `<?xml version="1.0" encoding="UTF-8"?>
<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="xccdf_test.sce_benchmark_markers" resolved="1" xml:lang="en">
  <status>accepted</status>
  <version>1</version>
  <Profile id="${sceProfile}"><title>All</title>
${sceRuleNames.map(name => `    <select idref="${sceRule(name)}" selected="true"/>`).join('\n')}
  </Profile>
${sceRuleNames
  .map(
    name => `  <Rule id="${sceRule(name)}" selected="false" severity="high"><title>${name}</title>
    ${rules[name]}
  </Rule>`
  )
  .join('\n')}
</Benchmark>
`
  const oval = `<?xml version="1.0" encoding="UTF-8"?>
<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:ind="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent">
  <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp></generator>
  <definitions>
    <definition class="compliance" id="oval:test.sce:def:1" version="1"><metadata><title>os-release</title><description>os-release</description></metadata><criteria><criterion test_ref="oval:test.sce:tst:1"/></criteria></definition>
  </definitions>
  <tests>
    <ind:textfilecontent54_test id="oval:test.sce:tst:1" version="1" check="all" check_existence="at_least_one_exists" comment="os-release"><ind:object object_ref="oval:test.sce:obj:1"/></ind:textfilecontent54_test>
  </tests>
  <objects>
    <ind:textfilecontent54_object id="oval:test.sce:obj:1" version="1"><ind:filepath>/etc/os-release</ind:filepath><ind:pattern operation="pattern match">[^\\x00]+</ind:pattern><ind:instance datatype="int" operation="greater than or equal">1</ind:instance></ind:textfilecontent54_object>
  </objects>
</oval_definitions>
`
  const script = `#!/bin/sh
touch "/tmp/${markerName}" "${hostMarkerDir}/${markerName}" "\${OSCAP_PROBE_ROOT:-}/${markerName}"
echo "script ran"
exit "$XCCDF_RESULT_PASS"
`
  await writeFile(join(dir, 'xccdf.xml'), xccdf)
  await writeFile(join(dir, 'oval.xml'), oval)
  await writeFile(join(dir, 'marker.sh'), script)
  await chmod(join(dir, 'marker.sh'), 0o755)
  await promisify(execFile)('oscap', ['ds', 'sds-compose', 'xccdf.xml', 'sce-ds.xml'], {cwd: dir})
  return join(dir, 'sce-ds.xml')
}
