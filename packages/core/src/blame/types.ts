/** Where a finding points: the shared vocabulary of blame, its renderers and the CVE step. */

export interface SourceLocation {
  /** Repository-relative path with `/` separators. */
  uri: string
  startLine: number
  endLine?: number
}

export type AttributionKind = 'instruction' | 'base' | 'layer' | 'unattributed'

export interface Attribution {
  kind: AttributionKind
  /** What was found, e.g. `telnetd 0.17+2.3-4 is installed`; empty when there was no evidence. */
  evidence: string
  /** Why the location is what it is, e.g. `added by the RUN on line 6`. */
  cause: string
  location: SourceLocation
  layerIndex?: number
  createdBy?: string
  instruction?: {keyword: string; startLine: number; endLine: number}
}
