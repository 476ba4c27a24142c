/**
 * The content store: SCAP data streams fetched by `scapgate content fetch` (or by the set-up),
 * kept by content address so that a scan can reuse them offline and say exactly what it used.
 *
 * Layout (`docs/content.md`): `<dir>/entries/<sha256>/entry.json` plus the entry's data streams
 * (`ssg-<product>-ds.xml`) beside it. `<sha256>` is the digest of what was fetched (the release
 * zip, the .deb, or the data stream file; for a directory, of its sorted data stream digests).
 * Entries are written to a staging directory and renamed into place, so a reader never sees half
 * of one. `entry.json` is untrusted input: an entry that does not validate is skipped.
 *
 * A content directory may also hold data streams directly (`<dir>/ssg-*-ds.xml`, the layout of
 * `/usr/share/xml/scap/ssg/content`); {@link listContentCandidates} reads both.
 */
import {createHash, randomBytes} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {pipeline} from 'node:stream/promises'
import {readContentInfo, type ProfileInfo} from './profiles.js'

export const contentEntrySchema = 'https://scapgate.dev/schemas/content-entry/v1'

/** How an entry was obtained. */
export type ContentKind = 'ssg-release' | 'deb' | 'directory' | 'file'

export interface StoredDataStream {
  /** `ssg-debian12-ds.xml`. */
  file: string
  /** `debian12`, from the file name. */
  product: string
  /** The benchmark's `<version>`: the SCAP Security Guide release, e.g. `0.1.76`. */
  ssgVersion?: string
  sha256: string
  profiles: {id: string; title: string}[]
}

export interface ContentEntry {
  /** sha256 of what was fetched: the content address. */
  sha256: string
  /** What the user asked for (URL, `debian:ssg-debian=0.1.82-1`, a path). */
  source: string
  kind: ContentKind
  /** The SSG release of the entry (the newest of its data streams). */
  ssgVersion?: string
  fetchedAt: string
  /** How the digest was checked: `pinned`, `published sha512`, `--sha256`, `local`. */
  verifiedBy: string
  dataStreams: StoredDataStream[]
  /** The entry's directory (not stored). */
  dir: string
}

const DS_NAME = /^ssg-([a-z0-9]+(?:-[a-z0-9]+)*?)-ds\.xml$/
const SHA256 = /^[0-9a-f]{64}$/

/** `ssg-debian12-ds.xml` → `debian12`; undefined for names that are not SSG data streams. */
export function productOf(fileName: string): string | undefined {
  return DS_NAME.exec(fileName)?.[1]
}

/**
 * Orders SSG versions (`0.1.82` > `0.1.76` > `0.1.9`); numeric parts compare as numbers,
 * unparseable or missing versions sort last.
 */
export function compareSsgVersions(a: string | undefined, b: string | undefined): number {
  const parse = (v: string | undefined): number[] | undefined =>
    v !== undefined && /^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined
  const x = parse(a)
  const y = parse(b)
  if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

/** Describes one data stream file: product from its name, version and profiles from its content. */
export async function describeDataStream(path: string, file: string): Promise<StoredDataStream> {
  const info = await readContentInfo(path)
  const product = productOf(file) ?? file
  return {
    file,
    product,
    ...(info.benchmarkVersion === undefined ? {} : {ssgVersion: info.benchmarkVersion}),
    sha256: info.sha256,
    profiles: info.profiles.map((p: ProfileInfo) => ({id: p.id, title: p.title}))
  }
}

export interface NewEntry {
  sha256: string
  source: string
  kind: ContentKind
  verifiedBy: string
  /** Data stream file name → a file to copy in. Only `ssg-*-ds.xml` names are accepted. */
  files: Map<string, string>
  now?: Date
}

/**
 * Adds an entry to the store at `dir` (created 0700). Replaces an entry with the same address
 * (same bytes: the result is the same). Returns the entry as stored.
 */
export async function addContentEntry(dir: string, entry: NewEntry): Promise<ContentEntry> {
  if (!SHA256.test(entry.sha256)) throw new Error(`invalid content address ${entry.sha256}`)
  const entries = join(dir, 'entries')
  await mkdir(entries, {recursive: true, mode: 0o700})
  const staging = join(entries, `.staging-${randomBytes(6).toString('hex')}`)
  await mkdir(staging, {mode: 0o700})
  try {
    const dataStreams: StoredDataStream[] = []
    for (const [file, from] of [...entry.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (productOf(file) === undefined) throw new Error(`not a data stream name: ${file}`)
      await copyFile(from, join(staging, file))
      dataStreams.push(await describeDataStream(join(staging, file), file))
    }
    const newest = dataStreams.map(d => d.ssgVersion).sort((a, b) => compareSsgVersions(b, a))[0]
    const record = {
      schema: contentEntrySchema,
      sha256: entry.sha256,
      source: entry.source,
      kind: entry.kind,
      ...(newest === undefined ? {} : {ssgVersion: newest}),
      fetchedAt: (entry.now ?? new Date()).toISOString(),
      verifiedBy: entry.verifiedBy,
      dataStreams
    }
    await writeFile(join(staging, 'entry.json'), `${JSON.stringify(record, null, 2)}\n`, {
      mode: 0o600
    })
    const final = join(entries, entry.sha256)
    await rm(final, {recursive: true, force: true})
    await rename(staging, final)
    return {...record, dir: final}
  } catch (error) {
    await rm(staging, {recursive: true, force: true}).catch(() => {})
    throw error
  }
}

/** The entry stored under `sha256`, or undefined (absent or invalid). */
export async function readContentEntry(
  dir: string,
  sha256: string
): Promise<ContentEntry | undefined> {
  if (!SHA256.test(sha256)) return undefined
  const entryDir = join(dir, 'entries', sha256)
  const text = await readFile(join(entryDir, 'entry.json'), 'utf8').catch(() => undefined)
  if (text === undefined || text.length > 4 * 1024 * 1024) return undefined
  try {
    return validateEntry(JSON.parse(text) as unknown, sha256, entryDir)
  } catch {
    return undefined
  }
}

/** Every valid entry of the store at `dir`, newest SSG release first; none when `dir` has no store. */
export async function listContentEntries(dir: string): Promise<ContentEntry[]> {
  const names = await readdir(join(dir, 'entries')).catch(() => [] as string[])
  const entries: ContentEntry[] = []
  for (const name of names.filter(n => SHA256.test(n)).sort()) {
    const entry = await readContentEntry(dir, name)
    if (entry !== undefined) entries.push(entry)
  }
  return entries.sort((a, b) => compareSsgVersions(b.ssgVersion, a.ssgVersion))
}

function validateEntry(value: unknown, sha256: string, dir: string): ContentEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const kinds: ContentKind[] = ['ssg-release', 'deb', 'directory', 'file']
  if (v.schema !== contentEntrySchema || v.sha256 !== sha256) return undefined
  if (typeof v.source !== 'string' || !kinds.includes(v.kind as ContentKind)) return undefined
  if (typeof v.fetchedAt !== 'string' || typeof v.verifiedBy !== 'string') return undefined
  if (!Array.isArray(v.dataStreams)) return undefined
  const dataStreams: StoredDataStream[] = []
  for (const raw of v.dataStreams as unknown[]) {
    if (typeof raw !== 'object' || raw === null) return undefined
    const d = raw as Record<string, unknown>
    if (typeof d.file !== 'string' || productOf(d.file) !== d.product) return undefined
    if (typeof d.sha256 !== 'string' || !SHA256.test(d.sha256)) return undefined
    if (d.ssgVersion !== undefined && typeof d.ssgVersion !== 'string') return undefined
    if (!Array.isArray(d.profiles)) return undefined
    const profiles = (d.profiles as unknown[]).filter(
      (p): p is {id: string; title: string} =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as {id?: unknown}).id === 'string' &&
        typeof (p as {title?: unknown}).title === 'string'
    )
    dataStreams.push({
      file: d.file,
      product: d.product as string,
      ...(typeof d.ssgVersion === 'string' ? {ssgVersion: d.ssgVersion} : {}),
      sha256: d.sha256,
      profiles: profiles.map(p => ({id: p.id, title: p.title}))
    })
  }
  return {
    sha256,
    source: v.source,
    kind: v.kind as ContentKind,
    ...(typeof v.ssgVersion === 'string' ? {ssgVersion: v.ssgVersion} : {}),
    fetchedAt: v.fetchedAt,
    verifiedBy: v.verifiedBy,
    dataStreams,
    dir
  }
}

/** One data stream that could serve a scan: from a store entry or lying directly in a directory. */
export interface ContentCandidate {
  path: string
  file: string
  product: string
  ssgVersion?: string
  /** `store`: an entry of a content store; `directory`: a `*-ds.xml` directly in a content directory. */
  origin: 'store' | 'directory'
  /** The content directory it was found in. */
  contentDir: string
  /** The store entry, for `store` candidates. */
  entry?: {sha256: string; source: string; verifiedBy: string}
  /** Recorded digest of the data stream (store entries); verified before use. */
  sha256?: string
}

/**
 * The data streams named `fileName` in each directory of `dirs`: store entries and plain files.
 * Plain files' versions are read from the file (only for the requested name, to stay cheap).
 * Unreadable directories contribute nothing.
 */
export async function listContentCandidates(
  dirs: readonly string[],
  fileName: string
): Promise<ContentCandidate[]> {
  const found: ContentCandidate[] = []
  for (const dir of dirs) {
    const plain = join(dir, fileName)
    if ((await stat(plain).catch(() => undefined))?.isFile() === true) {
      const version = await readContentInfo(plain)
        .then(info => info.benchmarkVersion)
        .catch(() => undefined)
      found.push({
        path: plain,
        file: fileName,
        product: productOf(fileName) ?? fileName,
        ...(version === undefined ? {} : {ssgVersion: version}),
        origin: 'directory',
        contentDir: dir
      })
    }
    for (const entry of await listContentEntries(dir)) {
      const stream = entry.dataStreams.find(d => d.file === fileName)
      if (stream === undefined) continue
      found.push({
        path: join(entry.dir, fileName),
        file: fileName,
        product: stream.product,
        ...(stream.ssgVersion === undefined ? {} : {ssgVersion: stream.ssgVersion}),
        origin: 'store',
        contentDir: dir,
        entry: {sha256: entry.sha256, source: entry.source, verifiedBy: entry.verifiedBy},
        sha256: stream.sha256
      })
    }
  }
  return found
}
