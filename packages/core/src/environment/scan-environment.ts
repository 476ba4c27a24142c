import {tmpdir} from 'node:os'
import {ciCommit} from './ci-commit.js'
import {defaultContentStoreDir} from './content-store-dir.js'
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
  /** scapgate's content store (`content-store-dir.ts`), searched with the system's SSG directory. */
  contentStoreDir?: string
  /** The commit the CI built (`ci-commit.ts`), recorded in the verdict's provenance. */
  commit?: string
}

export function loadEnvironment(env: NodeJS.ProcessEnv = process.env): ScanEnvironment {
  const overrides = readScannerOverrides(env)
  const tmp = env.TMPDIR?.trim()
  const store = defaultContentStoreDir(env)
  const commit = ciCommit(env)
  return {
    tmpDir: tmp === undefined || tmp === '' ? tmpdir() : tmp,
    ...overrides,
    ...(store === undefined ? {} : {contentStoreDir: store}),
    ...(commit === undefined ? {} : {commit})
  }
}
