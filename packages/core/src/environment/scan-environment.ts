import {tmpdir} from 'node:os'
import {readScannerOverrides} from './scanner-overrides.js'

/**
 * Everything a scan takes from its surroundings, gathered once at the edge (CLI, action) and
 * passed down. The core reads no environment variables anywhere else.
 */
export interface ScanEnvironment {
  /** Where the private work directory of each scan is created (`TMPDIR`, else the OS default). */
  tmpDir: string
  oscapPath?: string
  contentDir?: string
}

export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): ScanEnvironment {
  const overrides = readScannerOverrides(env)
  const tmp = env.TMPDIR?.trim()
  return {tmpDir: tmp === undefined || tmp === '' ? tmpdir() : tmp, ...overrides}
}
