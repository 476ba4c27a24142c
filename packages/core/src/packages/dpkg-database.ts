/**
 * The dpkg package database of an extracted image root, in the two layouts images use:
 *
 * - `/var/lib/dpkg/status`: one file, written by dpkg (full Debian and Ubuntu images);
 * - `/var/lib/dpkg/status.d/<package>`: one file per package, no `status` (Google's distroless and
 *   other images assembled without dpkg). Each file holds one or more deb822 stanzas; the
 *   directory also holds `<package>.md5sums` lists, which are not stanzas.
 *
 * {@link inspectDpkgDatabase} tells which layout a root has and, for `status.d`, assembles the
 * records into the text of a `status` file that dpkg tooling (and OpenSCAP's dpkginfo probe) reads.
 *
 * The records come from the image: they are read without following any symlink (every directory
 * on the way must be a real directory, every record a regular file), size-capped, and validated
 * strictly (field syntax, package name and version syntax); a file that fails validation is left
 * out and named in `skipped`, never echoed.
 */
import type {Stats} from 'node:fs'
import {constants} from 'node:fs'
import {lstat, open, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {LimitExceededError} from '../errors.js'

export const DPKG_DIR = '/var/lib/dpkg'
export const DPKG_STATUS = '/var/lib/dpkg/status'
export const DPKG_STATUS_D = '/var/lib/dpkg/status.d'

/** Caps on what is read from `status.d` (the image controls it). */
export const statusDLimits = {
  maxFiles: 20_000,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024
}

export type DpkgDatabase =
  /** `/var/lib/dpkg/status` is a regular file: dpkg tooling reads the image as it is. */
  | {layout: 'status'}
  /** No `status`, but a `status.d` directory: `status` is the assembled text of its records. */
  | {layout: 'status.d'; status: string; records: DpkgRecord[]; skipped: string[]}
  /** Neither: no package database at all. */
  | {layout: 'none'}
  /**
   * Something is in the way (`/var/lib/dpkg` or `status` is a symlink, a special file …): the
   * database cannot be read or presented safely, so the image is scanned as it is.
   */
  | {layout: 'unusable'; why: string}

export interface DpkgRecord {
  /** `Package:` */
  name: string
  version: string
  /** `Architecture:`, `''` when absent. */
  architecture: string
  /** The `status.d` file the stanza came from (its name only). */
  file: string
  /** The stanza as a `status` file holds it: validated lines, a `Status:` line, no blank line. */
  stanza: string
}

/** dpkg's package name syntax (Debian Policy 5.6.1). */
const packageName = /^[a-z0-9][a-z0-9+.-]+$/
/** Debian Policy 5.6.12: [epoch:]upstream[-revision], restricted character set. */
const versionSyntax = /^(?:\d+:)?[A-Za-z0-9][A-Za-z0-9.+~-]*(?::[A-Za-z0-9.+~-]+)*$/
const fieldLine = /^([A-Za-z0-9][A-Za-z0-9-]*):(.*)$/
const architectureSyntax = /^[a-z0-9][a-z0-9-]*$/

/** Reads which layout the root's dpkg database has; assembles `status` from `status.d` records. */
export async function inspectDpkgDatabase(root: string): Promise<DpkgDatabase> {
  const dpkgDir = await realDirectoryChain(root, ['var', 'lib', 'dpkg'])
  if (dpkgDir === 'missing') return {layout: 'none'}
  if (dpkgDir === 'not-a-directory') {
    return {layout: 'unusable', why: `${DPKG_DIR} is not a plain directory (a symlink?)`}
  }
  const status = await lstatOrUndefined(join(root, DPKG_STATUS))
  if (status?.isFile() === true) return {layout: 'status'}
  if (status !== undefined) {
    return {layout: 'unusable', why: `${DPKG_STATUS} is not a regular file`}
  }
  const statusD = await lstatOrUndefined(join(root, DPKG_STATUS_D))
  if (statusD === undefined) return {layout: 'none'}
  if (!statusD.isDirectory()) {
    return {layout: 'unusable', why: `${DPKG_STATUS_D} is not a plain directory`}
  }
  return {layout: 'status.d', ...(await assembleStatusD(join(root, DPKG_STATUS_D)))}
}

/** Cap on an image's own `/var/lib/dpkg/status` when read as text. */
export const maxStatusBytes = 64 * 1024 * 1024

/**
 * The dpkg database of the root as one `status` text, as the scan presents it to oscap: the
 * image's own `status`, or the text assembled from `status.d`. Undefined when there is no
 * readable database (none, or a layout that is left alone). CVE matching reads packages through
 * this, so it sees exactly what the compliance scan saw.
 */
export async function readDpkgStatusText(root: string): Promise<string | undefined> {
  const database = await inspectDpkgDatabase(root)
  if (database.layout === 'status.d') return database.status
  if (database.layout !== 'status') return undefined
  const text = await readRegularFile(join(root, DPKG_STATUS), maxStatusBytes)
  if (text === undefined) {
    throw new LimitExceededError(
      `${DPKG_STATUS} is not a UTF-8 regular file of at most ${maxStatusBytes} bytes`,
      'maxStatusBytes'
    )
  }
  return text
}

/**
 * Reads every record file of a `status.d` directory (sorted by name), keeps the first stanza for
 * each package and architecture, and returns the `status` text: stanzas sorted by package name,
 * each with `Status: install ok installed` (distroless records have no `Status` field, and dpkg
 * tooling treats a stanza without one as not installed).
 */
export async function assembleStatusD(
  dir: string
): Promise<{status: string; records: DpkgRecord[]; skipped: string[]}> {
  const names = (await readdir(dir)).sort()
  if (names.length > statusDLimits.maxFiles) {
    throw new LimitExceededError(
      `${DPKG_STATUS_D} holds ${names.length} entries, over the limit \`maxFiles\` (${statusDLimits.maxFiles})`,
      'maxFiles'
    )
  }
  const records: DpkgRecord[] = []
  const skipped: string[] = []
  const seen = new Set<string>()
  let total = 0
  for (const name of names) {
    // Lists of file checksums, not control records.
    if (name.endsWith('.md5sums')) continue
    const info = await lstatOrUndefined(join(dir, name))
    if (info?.isFile() !== true || info.size > statusDLimits.maxFileBytes) {
      skipped.push(name)
      continue
    }
    total += info.size
    if (total > statusDLimits.maxTotalBytes) {
      throw new LimitExceededError(
        `${DPKG_STATUS_D} holds more than ${statusDLimits.maxTotalBytes} bytes of records, over the limit \`maxTotalBytes\``,
        'maxTotalBytes'
      )
    }
    const text = await readRegularFile(join(dir, name), statusDLimits.maxFileBytes)
    const parsed = text === undefined ? undefined : parseRecordFile(text, name)
    if (parsed === undefined) {
      skipped.push(name)
      continue
    }
    for (const record of parsed) {
      const key = `${record.name}:${record.architecture}`
      if (seen.has(key)) continue
      seen.add(key)
      records.push(record)
    }
  }
  records.sort((a, b) => compare(a.name, b.name) || compare(a.architecture, b.architecture))
  const status = records.map(record => `${record.stanza}\n`).join('\n')
  return {status, records, skipped}
}

/**
 * Parses one `status.d` file: one or more stanzas separated by blank lines. Returns `undefined`
 * when any line is neither a field nor a continuation, a stanza lacks a valid `Package` or
 * `Version`, or the text is not UTF-8 without control characters (other than tab and newline).
 */
export function parseRecordFile(text: string, file: string): DpkgRecord[] | undefined {
  if (/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/.test(text.replace(/\r\n/g, '\n'))) {
    return undefined
  }
  const stanzas = text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(s => s.replace(/^\n+|\n+$/g, ''))
    .filter(s => s.trim() !== '')
  if (stanzas.length === 0) return undefined
  const records: DpkgRecord[] = []
  for (const stanza of stanzas) {
    const record = parseStanza(stanza, file)
    if (record === undefined) return undefined
    records.push(record)
  }
  return records
}

function parseStanza(stanza: string, file: string): DpkgRecord | undefined {
  const lines: string[] = []
  const fields = new Map<string, string>()
  for (const line of stanza.split('\n')) {
    if (/^[ \t]/.test(line)) {
      if (lines.length === 0) return undefined
      lines.push(line)
      continue
    }
    const match = fieldLine.exec(line)
    if (match === null) return undefined
    const key = (match[1] as string).toLowerCase()
    if (fields.has(key)) return undefined
    fields.set(key, (match[2] as string).trim())
    // Any Status the record has is replaced: a status.d record is by definition installed.
    if (key !== 'status') lines.push(line)
  }
  const name = fields.get('package') ?? ''
  const version = fields.get('version') ?? ''
  const architecture = fields.get('architecture') ?? ''
  if (!packageName.test(name) || !versionSyntax.test(version)) return undefined
  if (architecture !== '' && !architectureSyntax.test(architecture)) return undefined
  const packageLine = lines.findIndex(line => /^package:/i.test(line))
  lines.splice(packageLine + 1, 0, 'Status: install ok installed')
  return {name, version, architecture, file, stanza: lines.join('\n')}
}

/** `found` when every component is a real directory, `missing` when one is absent. */
async function realDirectoryChain(
  root: string,
  components: readonly string[]
): Promise<'found' | 'missing' | 'not-a-directory'> {
  let current = root
  for (const component of components) {
    current = join(current, component)
    const info = await lstatOrUndefined(current)
    if (info === undefined) return 'missing'
    if (!info.isDirectory()) return 'not-a-directory'
  }
  return 'found'
}

/** Reads a regular file without following a final symlink (O_NOFOLLOW), at most `max` bytes. */
async function readRegularFile(path: string, max: number): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => undefined)
  if (handle === undefined) return undefined
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.size > max) return undefined
    const buffer = Buffer.alloc(info.size)
    const {bytesRead} = await handle.read(buffer, 0, info.size, 0)
    const text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
    try {
      return text.decode(buffer.subarray(0, bytesRead))
    } catch {
      return undefined
    }
  } finally {
    await handle.close()
  }
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  return lstat(path).catch(() => undefined)
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
