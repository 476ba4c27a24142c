/**
 * Scanner settings an operator can override through the process environment. This folder is the
 * only place in `@scapgate/core` that reads `process.env`; everything else gets values injected.
 */
export interface ScannerOverrides {
  /** `SCAPGATE_OSCAP`: path of the oscap binary (it must live under `/usr`, see `scan/preflight.ts`). */
  oscapPath?: string
  /** `SCAPGATE_CONTENT_DIR`: directory holding the SSG data streams. */
  contentDir?: string
}

/** Reads the overrides; empty values count as unset. Does not check that the paths exist. */
export function readScannerOverrides(env: NodeJS.ProcessEnv = process.env): ScannerOverrides {
  const overrides: ScannerOverrides = {}
  const oscapPath = env.SCAPGATE_OSCAP?.trim()
  const contentDir = env.SCAPGATE_CONTENT_DIR?.trim()
  if (oscapPath) overrides.oscapPath = oscapPath
  if (contentDir) overrides.contentDir = contentDir
  return overrides
}
