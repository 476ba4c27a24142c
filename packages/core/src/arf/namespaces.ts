/** Namespace URIs of the ARF/XCCDF/OVAL documents oscap writes. Match on these, never on prefixes. */
export const ns = {
  arf: 'http://scap.nist.gov/schema/asset-reporting-format/1.1',
  core: 'http://scap.nist.gov/schema/reporting-core/1.1',
  ai: 'http://scap.nist.gov/schema/asset-identification/1.1',
  ds: 'http://scap.nist.gov/schema/scap/source/1.2',
  xccdf: 'http://checklists.nist.gov/xccdf/1.2',
  ovalRes: 'http://oval.mitre.org/XMLSchema/oval-results-5',
  ovalSc: 'http://oval.mitre.org/XMLSchema/oval-system-characteristics-5',
  html: 'http://www.w3.org/1999/xhtml',
  xml: 'http://www.w3.org/XML/1998/namespace'
} as const
