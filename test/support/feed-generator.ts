/**
 * Generates OVAL vulnerability feeds with the structure of Debian's real ones
 * (`https://www.debian.org/security/oval/oval-definitions-<codename>.xml`, docs/reference/openscap.md §12): one
 * `class="vulnerability"` definition per CVE × source package,
 * `AND(tst:1 "Debian N installed", OR(AND(tst:2 uname "all architecture", dpkginfo evr less than)))`,
 * the same namespaces, ids, generator and metadata shape. Used by the CVE tests and `npm run bench`.
 */
import {createWriteStream} from 'node:fs'
import {finished} from 'node:stream/promises'

export interface FeedPackage {
  name: string
  version: string
}

export interface DebianFeedOptions {
  /** Number of definitions (a real bookworm feed has ~40,000). */
  definitions: number
  /** Debian major release, e.g. 11. */
  release: number
  /** Packages of the image: each gets definitions fixed both after (vulnerable) and before (not). */
  installed: readonly FeedPackage[]
  /** Definitions per installed package that are vulnerable (fixed version newer); default 2. */
  vulnerablePerPackage?: number
  /** Definitions per installed package already fixed (fixed version older); default 3. */
  fixedPerPackage?: number
  /** `<oval:timestamp>`; default 2024-05-01T00:00:00. */
  timestamp?: string
  seed?: number
}

export interface GeneratedFeed {
  path: string
  /** Ids of the definitions that must be true on an image with exactly `installed`. */
  vulnerable: string[]
  definitions: number
}

const ROOT = `<oval_definitions xmlns="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:ind-def="http://oval.mitre.org/XMLSchema/oval-definitions-5#independent" xmlns:linux-def="http://oval.mitre.org/XMLSchema/oval-definitions-5#linux" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:oval-def="http://oval.mitre.org/XMLSchema/oval-definitions-5" xmlns:unix-def="http://oval.mitre.org/XMLSchema/oval-definitions-5#unix" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://oval.mitre.org/XMLSchema/oval-common-5 oval-common-schema.xsd http://oval.mitre.org/XMLSchema/oval-definitions-5 oval-definitions-schema.xsd http://oval.mitre.org/XMLSchema/oval-definitions-5#independent independent-definitions-schema.xsd http://oval.mitre.org/XMLSchema/oval-definitions-5#linux linux-definitions-schema.xsd http://oval.mitre.org/XMLSchema/oval-definitions-5#unix unix-definitions-schema.xsd">`

const LOREM =
  'A flaw was found in the handling of crafted input that may allow a remote attacker to cause a denial of service or possibly execute arbitrary code with the privileges of the affected process. '

/** Writes the feed to `path` and returns which definitions are expected true. */
export async function writeDebianFeed(
  path: string,
  options: DebianFeedOptions
): Promise<GeneratedFeed> {
  const out = createWriteStream(path)
  let pending: string[] = []
  const put = (text: string): void => {
    pending.push(text)
    if (pending.length > 2000) {
      out.write(pending.join(''))
      pending = []
    }
  }
  let state = (options.seed ?? 1) >>> 0
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
  const plan: {pkg: string; fixed: string; vulnerable: boolean}[] = []
  for (const pkg of options.installed) {
    for (let i = 0; i < (options.vulnerablePerPackage ?? 2); i++) {
      plan.push({pkg: pkg.name, fixed: `${pkg.version}+sec${i + 1}`, vulnerable: true})
    }
    for (let i = 0; i < (options.fixedPerPackage ?? 3); i++) {
      plan.push({pkg: pkg.name, fixed: `0:0.${i + 1}-1`, vulnerable: false})
    }
  }
  while (plan.length < options.definitions) {
    const n = Math.floor(next() * 20000)
    plan.push({
      pkg: `synthetic-pkg${n}`,
      fixed: `${1 + (n % 7)}.${n % 13}-${1 + (n % 5)}`,
      vulnerable: false
    })
  }
  plan.length = Math.min(plan.length, Math.max(options.definitions, plan.length))

  const defId = (i: number): string => `oval:org.debian:def:${1000000 + i}`
  const tstId = (i: number): string => `oval:org.debian.oval:tst:${i + 3}`
  const objId = (i: number): string => `oval:org.debian.oval:obj:${i + 3}`
  const steId = (i: number): string => `oval:org.debian.oval:ste:${i + 2}`
  const cve = (i: number): string => `CVE-${2000 + (i % 25)}-${10000 + i}`
  const platform = `Debian GNU/Linux ${options.release}`

  put(
    `<?xml version="1.0" ?>\n${ROOT}\n  <generator>\n    <oval:product_name>Debian</oval:product_name>\n    <oval:schema_version>5.11.2</oval:schema_version>\n    <oval:timestamp>${options.timestamp ?? '2024-05-01T00:00:00'}</oval:timestamp>\n  </generator>\n  <definitions>\n`
  )
  plan.forEach((d, i) => {
    put(`    <definition class="vulnerability" id="${defId(i)}" version="1">
      <metadata>
        <title>${cve(i)} ${d.pkg}</title>
        <affected family="unix">
          <platform>${platform}</platform>
          <product>${d.pkg}</product>
        </affected>
        <reference ref_id="${cve(i)}" ref_url="https://security-tracker.debian.org/tracker/${cve(i)}" source="CVE"/>
        <description>${LOREM}${LOREM}${LOREM}</description>
        <debian>
          <moreinfo>${LOREM}</moreinfo>
          <date>2024-01-01</date>
        </debian>
      </metadata>
      <criteria comment="Platform section" operator="AND">
        <criterion comment="${platform} is installed" test_ref="oval:org.debian.oval:tst:1"/>
        <criteria comment="Architecture section" operator="OR">
          <criteria comment="Architecture independent section" operator="AND">
            <criterion comment="all architecture" test_ref="oval:org.debian.oval:tst:2"/>
            <criterion comment="${d.pkg} DPKG is earlier than ${d.fixed}" test_ref="${tstId(i)}"/>
          </criteria>
        </criteria>
      </criteria>
    </definition>
`)
  })
  put(`  </definitions>\n  <tests>
    <ind-def:textfilecontent54_test check="all" check_existence="all_exist" comment="${platform} is installed" id="oval:org.debian.oval:tst:1" version="1">
      <ind-def:object object_ref="oval:org.debian.oval:obj:1"/>
      <ind-def:state state_ref="oval:org.debian.oval:ste:1"/>
    </ind-def:textfilecontent54_test>
    <unix-def:uname_test check="all" check_existence="all_exist" comment="Installed architecture is all" id="oval:org.debian.oval:tst:2" version="1">
      <unix-def:object object_ref="oval:org.debian.oval:obj:2"/>
    </unix-def:uname_test>
`)
  plan.forEach((d, i) => {
    put(`    <linux-def:dpkginfo_test check="all" check_existence="all_exist" comment="${d.pkg} is earlier than ${d.fixed}" id="${tstId(i)}" version="1">
      <linux-def:object object_ref="${objId(i)}"/>
      <linux-def:state state_ref="${steId(i)}"/>
    </linux-def:dpkginfo_test>
`)
  })
  put(`  </tests>\n  <objects>
    <ind-def:textfilecontent54_object id="oval:org.debian.oval:obj:1" version="1">
      <ind-def:path>/etc</ind-def:path>
      <ind-def:filename>debian_version</ind-def:filename>
      <ind-def:pattern operation="pattern match">(\\d+)\\.\\d</ind-def:pattern>
      <ind-def:instance datatype="int">1</ind-def:instance>
    </ind-def:textfilecontent54_object>
    <unix-def:uname_object id="oval:org.debian.oval:obj:2" version="1"/>
`)
  plan.forEach((d, i) => {
    put(`    <linux-def:dpkginfo_object id="${objId(i)}" version="1">
      <linux-def:name>${d.pkg}</linux-def:name>
    </linux-def:dpkginfo_object>
`)
  })
  put(`  </objects>\n  <states>
    <ind-def:textfilecontent54_state id="oval:org.debian.oval:ste:1" version="1">
      <ind-def:subexpression operation="equals">${options.release}</ind-def:subexpression>
    </ind-def:textfilecontent54_state>
`)
  plan.forEach((d, i) => {
    put(`    <linux-def:dpkginfo_state id="${steId(i)}" version="1">
      <linux-def:evr datatype="debian_evr_string" operation="less than">${d.fixed.includes(':') ? d.fixed : `0:${d.fixed}`}</linux-def:evr>
    </linux-def:dpkginfo_state>
`)
  })
  put('  </states>\n</oval_definitions>\n')
  out.end(pending.join(''))
  await finished(out)
  return {
    path,
    definitions: plan.length,
    vulnerable: plan.flatMap((d, i) => (d.vulnerable ? [defId(i)] : []))
  }
}

export interface SourceFeedEntry {
  /** The source package the definition names, as Debian's feeds do (`openssl`, `glibc`). */
  source: string
  /** First fixed source version (`3.0.11-1`, `2:2.4-3`). */
  fixed: string
  cve: string
}

/**
 * A small feed written the way Debian's security tracker writes its OVAL (bin/generate-oval and
 * lib/python/oval/definition/generator.py in debian/security-tracker): elements carry their own
 * default namespace (`<dpkginfo_test xmlns="…#linux">`) instead of prefixes; one
 * `dpkginfo_object` per package name, shared by its tests; `check="all"`,
 * `check_existence="at_least_one_exists"`; the bound `evr less than` with `0:` prepended when the
 * version has no epoch; one definition per CVE × source package, ids `oval:org.debian:def:N`,
 * tests/objects/states `oval:org.debian.oval:tst|obj|ste:N`; generator product `Debian`.
 */
export async function writeDebianSourceFeed(
  path: string,
  options: {release: number; entries: readonly SourceFeedEntry[]; timestamp?: string}
): Promise<{path: string; definitionIds: string[]}> {
  const LINUX = 'http://oval.mitre.org/XMLSchema/oval-definitions-5#linux'
  const IND = 'http://oval.mitre.org/XMLSchema/oval-definitions-5#independent'
  const UNIX = 'http://oval.mitre.org/XMLSchema/oval-definitions-5#unix'
  const platform = `Debian GNU/Linux ${options.release}`
  const objects = new Map<string, string>()
  const definitions: string[] = []
  const tests: string[] = []
  const states: string[] = []
  const definitionIds: string[] = []
  options.entries.forEach((entry, i) => {
    const defId = `oval:org.debian:def:${7_000_000 + i}`
    definitionIds.push(defId)
    let objId = objects.get(entry.source)
    if (objId === undefined) {
      objId = `oval:org.debian.oval:obj:${objects.size + 3}`
      objects.set(entry.source, objId)
    }
    const evr = entry.fixed.includes(':') ? entry.fixed : `0:${entry.fixed}`
    const tstId = `oval:org.debian.oval:tst:${i + 3}`
    const steId = `oval:org.debian.oval:ste:${i + 2}`
    definitions.push(`    <definition class="vulnerability" id="${defId}" version="1">
      <metadata>
        <title>${entry.cve} ${entry.source}</title>
        <affected family="unix">
          <platform>${platform}</platform>
          <product>${entry.source}</product>
        </affected>
        <reference ref_id="${entry.cve}" ref_url="https://security-tracker.debian.org/tracker/${entry.cve}" source="CVE"/>
        <description>${LOREM}</description>
        <debian>
          <moreinfo>${LOREM}</moreinfo>
        </debian>
      </metadata>
      <criteria comment="Release section" operator="AND">
        <criterion comment="Debian ${options.release} is installed" test_ref="oval:org.debian.oval:tst:1"/>
        <criteria comment="Architecture section" operator="OR">
          <criteria comment="Architecture independent section" operator="AND">
            <criterion comment="all architecture" test_ref="oval:org.debian.oval:tst:2"/>
            <criterion comment="${entry.source} DPKG is earlier than ${evr}" test_ref="${tstId}"/>
          </criteria>
        </criteria>
      </criteria>
    </definition>
`)
    tests.push(`    <dpkginfo_test xmlns="${LINUX}" check="all" check_existence="at_least_one_exists" comment="${entry.source} is earlier than ${evr}" id="${tstId}" version="1">
      <object object_ref="${objId}"/>
      <state state_ref="${steId}"/>
    </dpkginfo_test>
`)
    states.push(`    <dpkginfo_state xmlns="${LINUX}" id="${steId}" version="1">
      <evr datatype="debian_evr_string" operation="less than">${evr}</evr>
    </dpkginfo_state>
`)
  })
  const text = `<?xml version='1.0' encoding='UTF-8'?>
${ROOT}
  <generator>
    <oval:product_name>Debian</oval:product_name>
    <oval:schema_version>5.11.2</oval:schema_version>
    <oval:timestamp>${options.timestamp ?? '2024-05-01T00:00:00.188-04:00'}</oval:timestamp>
  </generator>
  <definitions>
${definitions.join('')}  </definitions>
  <tests>
    <textfilecontent54_test xmlns="${IND}" check="all" check_existence="at_least_one_exists" comment="Debian GNU/Linux ${options.release} is installed" id="oval:org.debian.oval:tst:1" version="1">
      <object object_ref="oval:org.debian.oval:obj:1"/>
      <state state_ref="oval:org.debian.oval:ste:1"/>
    </textfilecontent54_test>
    <uname_test xmlns="${UNIX}" check="all" check_existence="at_least_one_exists" comment="Installed architecture is all" id="oval:org.debian.oval:tst:2" version="1">
      <object object_ref="oval:org.debian.oval:obj:2"/>
    </uname_test>
${tests.join('')}  </tests>
  <objects>
    <textfilecontent54_object xmlns="${IND}" id="oval:org.debian.oval:obj:1" version="1">
      <path>/etc</path>
      <filename>debian_version</filename>
      <pattern operation="pattern match">(\\d+)\\.\\d</pattern>
      <instance datatype="int">1</instance>
    </textfilecontent54_object>
    <uname_object xmlns="${UNIX}" id="oval:org.debian.oval:obj:2" version="1"/>
${[...objects]
  .map(
    ([name, id]) => `    <dpkginfo_object xmlns="${LINUX}" id="${id}" version="1">
      <name>${name}</name>
    </dpkginfo_object>
`
  )
  .join('')}  </objects>
  <states>
    <textfilecontent54_state xmlns="${IND}" id="oval:org.debian.oval:ste:1" version="1">
      <subexpression operation="equals">${options.release}</subexpression>
    </textfilecontent54_state>
${states.join('')}  </states>
</oval_definitions>
`
  const out = createWriteStream(path)
  out.end(text)
  await finished(out)
  return {path, definitionIds}
}
