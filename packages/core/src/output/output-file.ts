/**
 * Writing one output file so that its final name only ever holds a complete file: the data goes
 * to a temporary name in the same directory (`.<name>.tmp-<random>`, created exclusively), then
 * rename(2) moves it into place. On any error the temporary file is removed and the error names
 * the file and its directory (Node's own ENOSPC error says only "write").
 *
 * Every writer into an output directory (results.json, SARIF, JUnit, CodeQuality, summary.md,
 * fixes/, the GitLab report) goes through here; docs/output-sets.md has the whole contract.
 */
import {randomBytes} from 'node:crypto'
import {copyFile, rename, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {testHooks} from '../environment/test-hooks.js'

/** Errno codes that mean the output could not be stored, not that scapgate is broken. */
const storageCodes = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG', 'EACCES', 'EPERM'])

const describe: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'I/O error',
  EROFS: 'read-only file system',
  EFBIG: 'file too large',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted'
}

/**
 * An output file could not be written (disk full, I/O error, permissions). The scan did not
 * complete: exit 3. `code` is the errno code (`ENOSPC` …).
 */
export class OutputWriteError extends Error {
  readonly code: string
  readonly file: string
  constructor(file: string, code: string, options?: ErrorOptions) {
    super(
      `Could not write ${basename(file)} in ${dirname(file)}: ${describe[code] ?? 'write failed'} (${code})`,
      options
    )
    this.name = 'OutputWriteError'
    this.code = code
    this.file = file
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** True for a storage failure (disk full, I/O error …), wrapped or not. */
export function isStorageError(error: unknown): boolean {
  if (error instanceof OutputWriteError) return true
  const code = errnoCode(error)
  return code !== undefined && storageCodes.has(code)
}

/** `error` as an {@link OutputWriteError} naming `path` when it is a storage failure; else as is. */
export function nameStorageError(error: unknown, path: string): unknown {
  if (error instanceof OutputWriteError) return error
  const code = errnoCode(error)
  return code !== undefined && storageCodes.has(code)
    ? new OutputWriteError(path, code, {cause: error})
    : error
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${randomBytes(6).toString('hex')}`)
}

let injected = false

/**
 * The test hook: the first write of the named file inside a staging directory fails (a disk that
 * fills up while the set is written, and has room again once staging is removed).
 */
function injectedFault(path: string): void {
  if (
    !injected &&
    testHooks().failWrite === basename(path) &&
    path.includes('/.scapgate-staging-')
  ) {
    injected = true
    throw Object.assign(new Error('ENOSPC: no space left on device, write (injected)'), {
      code: 'ENOSPC'
    })
  }
}

async function viaTemporary(path: string, produce: (temp: string) => Promise<void>): Promise<void> {
  const temp = temporaryName(path)
  try {
    injectedFault(path)
    await produce(temp)
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw nameStorageError(error, path)
  }
}

/** Writes `data` to `path` atomically (temporary name + rename). */
export function writeOutputFile(
  path: string,
  data: string | Uint8Array,
  options: {mode?: number} = {}
): Promise<void> {
  return viaTemporary(path, temp =>
    writeFile(temp, data, {flag: 'wx', ...(options.mode === undefined ? {} : {mode: options.mode})})
  )
}

/** Copies `source` to `path` atomically (temporary name + rename). */
export function copyOutputFile(source: string, path: string): Promise<void> {
  return viaTemporary(path, temp => copyFile(source, temp))
}
