/**
 * `scapgate content fetch`: obtains SCAP content, verifies it against a digest and adds it to the
 * content store (content-store.ts). Sources (docs/content.md):
 * - `ssg:<version>` or a URL of `scap-security-guide-<version>.zip`: a ComplianceAsCode release,
 *   verified against the `.sha512` published beside it (or `--sha256`);
 * - `debian:<package>[=<version>]`: a Debian `ssg-*` package pinned in `pinned-content.json`,
 *   downloaded from the Debian mirror's pool and verified against the pinned sha256;
 * - a URL of a .deb: only with `--sha256` (or a file name pinned in `pinned-content.json`);
 * - a local .deb, release .zip, directory of data streams, or single `ssg-*-ds.xml`.
 * A download whose digest is known beforehand is not repeated when the store has it: offline reuse.
 * This mirrors cve/feed-fetch.ts (content address, verify before use, stale copy on failure).
 */
import {createHash} from 'node:crypto'
import {createWriteStream} from 'node:fs'
import {mkdir, mkdtemp, readdir, rm, stat} from 'node:fs/promises'
import {basename, join} from 'node:path'
import {Readable, Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {ConfigurationError, getErrorMessage, sanitizeForDisplay} from '../errors.js'
import type {Logger} from '../logging.js'
import {extractDebDataStreams, extractZipDataStreams, type Extracted} from './archive-readers.js'
import {
  addContentEntry,
  listContentEntries,
  productOf,
  readContentEntry,
  sha256OfFile,
  type ContentEntry,
  type ContentKind
} from './content-store.js'
import pinned from './pinned-content.json' with {type: 'json'}

export const DEFAULT_DEBIAN_MIRROR = 'https://deb.debian.org/debian'
export const DEFAULT_SSG_RELEASES = 'https://github.com/ComplianceAsCode/content/releases/download'

/** The download could not be had or did not verify (exit 3), like `FeedUnavailableError`. */
export class ContentUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ContentUnavailableError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export interface PinnedDeb {
  package: string
  version: string
  suite: string
  filename: string
  size: number
  sha256: string
}

/** The Debian packages pinned in scapgate's own release (`pinned-content.json`). */
export const pinnedDebs: readonly PinnedDeb[] = pinned.debian

export interface FetchContentOptions {
  source: string
  /** The content store to add to. */
  storeDir: string
  /** `--sha256`: the expected digest of what is fetched (or of the local file). */
  sha256?: string
  debianMirror?: string
  ssgReleases?: string
  logger: Logger
  fetch?: typeof fetch
  signal?: AbortSignal
  timeoutMs?: number
  /** Cap on a download. */
  maxBytes?: number
}

export interface FetchedContent {
  entry: ContentEntry
  /** `cache`: the store already had it (nothing downloaded); `stale-cache`: the download failed. */
  origin: 'download' | 'file' | 'cache' | 'stale-cache'
}

const DEFAULT_MAX = 1024 * 1024 * 1024
const ZIP_NAME = /^scap-security-guide-(\d+(?:\.\d+)+)\.zip$/

interface Plan {
  kind: ContentKind
  url?: string
  path?: string
  expected?: string
  verifiedBy: string
  /** `.sha512` published beside a release zip. */
  checksumUrl?: string
}

/** Fetches, verifies and stores one content source; returns the store entry. */
export async function fetchContent(options: FetchContentOptions): Promise<FetchedContent> {
  const expected = options.sha256?.trim().toLowerCase()
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw new ConfigurationError(
      `Expected \`--sha256\` to be 64 hex digits, got \`${sanitizeForDisplay(options.sha256 ?? '', 80)}\``
    )
  }
  const plan = await planFetch(options, expected)
  if (plan.expected !== undefined) {
    const cached = await readContentEntry(options.storeDir, plan.expected)
    if (cached !== undefined) {
      options.logger.debug(`content ${options.source}: already in the store (${plan.expected})`)
      return {entry: cached, origin: 'cache'}
    }
  }
  await mkdir(options.storeDir, {recursive: true, mode: 0o700})
  const work = await mkdtemp(join(options.storeDir, '.fetch-'))
  try {
    let file: string
    let origin: FetchedContent['origin'] = 'file'
    if (plan.url !== undefined) {
      try {
        const published = await publishedSha512(plan, options)
        const got = await download(
          plan.url,
          join(work, basename(new URL(plan.url).pathname)),
          options
        )
        file = got.path
        verify(plan, got.sha256, got.sha512, published, plan.url)
        origin = 'download'
      } catch (error) {
        const stale = await staleEntry(options)
        if (error instanceof ContentUnavailableError && /does not match/.test(error.message))
          throw error
        if (stale === undefined || options.signal?.aborted === true) throw error
        options.logger.warning(
          `Cannot fetch ${options.source} (${getErrorMessage(error)}); using the copy fetched at ${stale.fetchedAt}`
        )
        return {entry: stale, origin: 'stale-cache'}
      }
    } else {
      file = plan.path as string
    }
    // Verify before unpacking: a downloaded file was checked above, a local one is checked here.
    const {sha256, files} = await unpack(plan, file, work, digest =>
      plan.url === undefined ? verify(plan, digest, undefined, undefined, file) : undefined
    )
    if (files.size === 0) {
      throw new ConfigurationError(
        `Expected ${sanitizeForDisplay(options.source, 200)} to hold SCAP data streams (ssg-<product>-ds.xml), found none`
      )
    }
    const entry = await addContentEntry(options.storeDir, {
      sha256,
      source: options.source,
      kind: plan.kind,
      verifiedBy: plan.verifiedBy,
      files
    })
    return {entry, origin}
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

async function planFetch(
  options: FetchContentOptions,
  expected: string | undefined
): Promise<Plan> {
  const source = options.source.trim()
  const given = expected === undefined ? {} : {expected, verifiedBy: '--sha256'}
  const release = /^ssg:(\d+(?:\.\d+)+)$/.exec(source)
  if (release) {
    const version = release[1] as string
    const url = `${options.ssgReleases ?? DEFAULT_SSG_RELEASES}/v${version}/scap-security-guide-${version}.zip`
    return {
      kind: 'ssg-release',
      url,
      checksumUrl: `${url}.sha512`,
      verifiedBy: 'published sha512',
      ...given
    }
  }
  const debian = /^debian:([a-z0-9][a-z0-9.+-]*)(?:=([A-Za-z0-9.+~:-]+))?$/.exec(source)
  if (debian) {
    const pin = findPin(debian[1] as string, debian[2])
    const mirror = (options.debianMirror ?? DEFAULT_DEBIAN_MIRROR).replace(/\/+$/, '')
    return {
      kind: 'deb',
      url: `${mirror}/${pin.filename}`,
      expected: pin.sha256,
      verifiedBy: `pinned (${pin.package} ${pin.version}, ${pin.suite})`
    }
  }
  if (/^https?:\/\//i.test(source)) {
    const name = basename(new URL(source).pathname)
    if (ZIP_NAME.test(name)) {
      return {
        kind: 'ssg-release',
        url: source,
        checksumUrl: `${source}.sha512`,
        verifiedBy: 'published sha512',
        ...given
      }
    }
    if (name.endsWith('.deb')) {
      const pin = pinnedDebs.find(p => basename(p.filename) === name)
      if (expected === undefined && pin === undefined) {
        throw new ConfigurationError(
          `Expected a digest for ${sanitizeForDisplay(source, 200)}: give --sha256 (a Debian mirror's Packages index lists it), or use debian:PACKAGE=VERSION for a pinned package`
        )
      }
      return pin !== undefined && expected === undefined
        ? {
            kind: 'deb',
            url: source,
            expected: pin.sha256,
            verifiedBy: `pinned (${pin.package} ${pin.version})`
          }
        : {kind: 'deb', url: source, expected, verifiedBy: '--sha256'}
    }
    throw new ConfigurationError(
      `Expected a URL of scap-security-guide-<version>.zip or of a .deb, got ${sanitizeForDisplay(source, 200)}`
    )
  }
  const info = await stat(source).catch(() => undefined)
  if (info === undefined) {
    throw new ConfigurationError(
      `Expected \`${sanitizeForDisplay(source, 200)}\` to be ssg:VERSION, debian:PACKAGE[=VERSION], a URL, or an existing file or directory; found nothing there`
    )
  }
  if (info.isDirectory()) return {kind: 'directory', path: source, verifiedBy: 'local', ...given}
  const name = basename(source)
  if (name.endsWith('.deb')) {
    const pin = pinnedDebs.find(p => basename(p.filename) === name)
    if (pin !== undefined && expected === undefined) {
      return {
        kind: 'deb',
        path: source,
        expected: pin.sha256,
        verifiedBy: `pinned (${pin.package} ${pin.version})`
      }
    }
    return {kind: 'deb', path: source, verifiedBy: 'local', ...given}
  }
  if (name.endsWith('.zip'))
    return {kind: 'ssg-release', path: source, verifiedBy: 'local', ...given}
  if (productOf(name) === undefined) {
    throw new ConfigurationError(
      `Expected a data stream named ssg-<product>-ds.xml (scapgate selects content by that name), got \`${sanitizeForDisplay(name, 120)}\``
    )
  }
  return {kind: 'file', path: source, verifiedBy: 'local', ...given}
}

/** The pinned row for `pkg` (newest pinned version when `version` is absent). */
export function findPin(pkg: string, version: string | undefined): PinnedDeb {
  const rows = pinnedDebs.filter(
    p => p.package === pkg && (version === undefined || p.version === version)
  )
  const pin = rows.sort((a, b) => (a.version < b.version ? 1 : -1))[0]
  if (pin === undefined) {
    const known = pinnedDebs.map(p => `${p.package}=${p.version}`).join(', ')
    throw new ConfigurationError(
      `Expected a Debian package pinned in scapgate's release (${known}), got ${sanitizeForDisplay(`${pkg}${version === undefined ? '' : `=${version}`}`, 120)}; for another one give its URL and --sha256`
    )
  }
  return pin
}

async function unpack(
  plan: Plan,
  file: string,
  work: string,
  check: (sha256: string) => void
): Promise<{sha256: string; files: Extracted}> {
  const out = await mkdtemp(join(work, 'unpacked-'))
  if (plan.kind === 'directory') {
    const files: Extracted = new Map()
    const lines: string[] = []
    for (const name of (await readdir(file)).sort()) {
      const path = join(file, name)
      if (productOf(name) === undefined || !(await stat(path)).isFile()) continue
      files.set(name, path)
      lines.push(`${await sha256OfFile(path)}  ${name}\n`)
    }
    const sha256 = createHash('sha256').update(lines.join('')).digest('hex')
    check(sha256)
    return {sha256, files}
  }
  const sha256 = await sha256OfFile(file)
  check(sha256)
  if (plan.kind === 'file') return {sha256, files: new Map([[basename(file), file]])}
  const files =
    plan.kind === 'deb'
      ? await extractDebDataStreams(file, out)
      : await extractZipDataStreams(file, out)
  return {sha256, files}
}

function verify(
  plan: Plan,
  sha256: string,
  sha512: string | undefined,
  published: string | undefined,
  what: string
): void {
  if (plan.expected !== undefined && plan.expected !== sha256) {
    throw new ContentUnavailableError(
      `${sanitizeForDisplay(what, 200)} does not match its ${plan.verifiedBy} digest: expected sha256 ${plan.expected}, got ${sha256}`
    )
  }
  if (plan.expected === undefined && published !== undefined && published !== sha512) {
    throw new ContentUnavailableError(
      `${sanitizeForDisplay(what, 200)} does not match its published checksum: expected sha512 ${published}, got ${sha512 ?? 'none'}`
    )
  }
}

/** The `.sha512` file (`<hex>  <name>`, as `cmake -E sha512sum` writes it); undefined with --sha256. */
async function publishedSha512(
  plan: Plan,
  options: FetchContentOptions
): Promise<string | undefined> {
  if (plan.checksumUrl === undefined || plan.expected !== undefined) return undefined
  const response = await (options.fetch ?? fetch)(plan.checksumUrl, {
    redirect: 'follow',
    signal: withTimeout(options.signal, 60_000)
  })
  if (!response.ok) {
    throw new ContentUnavailableError(
      `HTTP ${response.status} for the checksum ${plan.checksumUrl}`
    )
  }
  const text = (await response.text()).slice(0, 4096)
  const hex = /^([0-9a-fA-F]{128})\b/.exec(text.trim())?.[1]
  if (hex === undefined) {
    throw new ContentUnavailableError(`Expected a sha512 digest in ${plan.checksumUrl}, found none`)
  }
  return hex.toLowerCase()
}

async function download(
  url: string,
  path: string,
  options: FetchContentOptions
): Promise<{path: string; sha256: string; sha512: string}> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX
  const response = await (options.fetch ?? fetch)(url, {
    redirect: 'follow',
    signal: withTimeout(options.signal, options.timeoutMs ?? 10 * 60 * 1000)
  })
  if (!response.ok || response.body === null) {
    throw new ContentUnavailableError(`HTTP ${response.status} for ${url}`)
  }
  const sha256 = createHash('sha256')
  const sha512 = createHash('sha512')
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      if (size > maxBytes) {
        callback(new ContentUnavailableError(`${url} is over the ${maxBytes}-byte limit`))
        return
      }
      sha256.update(chunk)
      sha512.update(chunk)
      callback(null, chunk)
    }
  })
  await pipeline(
    Readable.fromWeb(response.body as never),
    meter,
    createWriteStream(path, {mode: 0o600})
  )
  return {path, sha256: sha256.digest('hex'), sha512: sha512.digest('hex')}
}

/** The newest store entry fetched from the same source, for use when a refresh fails. */
async function staleEntry(options: FetchContentOptions): Promise<ContentEntry | undefined> {
  const entries = await listContentEntries(options.storeDir)
  return entries
    .filter(e => e.source === options.source.trim())
    .sort((a, b) => (a.fetchedAt < b.fetchedAt ? 1 : -1))[0]
}

function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms)
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout])
}
