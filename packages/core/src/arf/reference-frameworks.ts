/**
 * Short framework names for XCCDF `reference/@href` values. SSG references have no `source`
 * attribute: the href identifies the framework (docs/reference/openscap.md §9, "Reference @href → framework").
 * Unknown hrefs get no name; an empty href (ACSC ISM content bug) gets none either.
 */
const frameworks: [RegExp, string][] = [
  [/NIST\.SP\.800-53/i, 'NIST-800-53'],
  [/NIST\.SP\.800-171/i, 'NIST-800-171'],
  [/NIST\.CSWP/i, 'NIST-CSF'],
  [/cisecurity\.org\/controls/i, 'CIS-Controls'],
  [/cisecurity\.org\/benchmark|benchmarks\.cisecurity\.org/i, 'CIS'],
  [/public\.cyber\.mil\/stigs\/cci/i, 'DISA-CCI'],
  [/_dl_facet_stigs=operating-systems%2Cgeneral-purpose-os/i, 'OS-SRG'],
  [/_dl_facet_stigs=operating-systems%2Cunix-linux/i, 'DISA-STIG'],
  [/public\.cyber\.mil\/stigs\/srg-stig-tools/i, 'DISA-STIG-Rule'],
  [/pcisecuritystandards\.org/i, 'PCI-DSS'],
  [/iso\.org\/standard\/54534/i, 'ISO-27001-2013'],
  [/isaca\.org\/resources\/cobit/i, 'COBIT-5'],
  [/ssi\.gouv\.fr/i, 'ANSSI'],
  [/niap-ccevs\.org/i, 'OSPP'],
  [/gpo\.gov\/fdsys\/pkg\/CFR/i, 'HIPAA'],
  [/fbi\.gov\/file-repository\/cjis/i, 'CJIS'],
  [/nerc\.com/i, 'NERC-CIP'],
  [/isa\.org\/products\/.*62443-2-1/i, 'ISA-62443-2-1'],
  [/isa\.org\/products\/.*62443-3-3/i, 'ISA-62443-3-3']
]

export function frameworkForHref(href: string): string | undefined {
  if (href === '') return undefined
  return frameworks.find(([pattern]) => pattern.test(href))?.[1]
}
