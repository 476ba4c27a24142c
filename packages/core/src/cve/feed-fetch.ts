import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import {mkdir, open, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {Readable, Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {
  ConfigurationError,
  LimitExceededError,
  getErrorMessage,
  sanitizeForDisplay
} from '../errors.js'
import type {Logger} from '../logging.js'
import type {FeedSource} from './feed-source.js'

/** The feed could not be obtained or did not verify: the scan did not complete (CLI exit 3). */
export class FeedUnavailableError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'FeedUnavailableError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export interface FetchFeedOptions {
  /** A URL (`https://…`, `http://…`) or a local file path, from `selectFeed` or `--feed`. */
  source: string
  /** Published checksums to verify a download against (from {@link FeedSource}). */
  checksums?: FeedSource['checksums']
  /** Content-addressed cache (`--feed-cache`); downloads go to `workDir` without it. */
  cacheDir?: string
  /** Private scratch directory; receives the decompressed feed. */
  workDir: string
  logger: Logger
  signal?: AbortSignal
  /** Injected for tests; defaults to the global `fetch`. */
  fetch?: typeof fetch
  timeoutMs?: number
  /** Cap on the downloaded and on the decompressed size. */
  maxBytes?: number
}

export interface FetchedFeed {
  /** The decompressed OVAL XML, inside `workDir` (or the user's own file). */
  xmlPath: string
  /** sha256 of the bytes as obtained (compressed or not): the cache key and the evidence. */
  sha256: string
  source: string
  /** Where the bytes came from this time. */
  origin: 'file' | 'download' | 'cache' | 'stale-cache'
}

const DEFAULT_MAX = 2 * 1024 * 1024 * 1024
const DEFAULT_TIMEOUT = 10 * 60 * 1000

interface CacheIndex {
  [url: string]: {
    sha256: string
    file: string
    etag?: string
    lastModified?: string
    fetchedAt: string
  }
}

/**
 * Obtains a feed: a local file is used as is; a URL is downloaded, or revalidated against the cache
 * with `If-None-Match`/`If-Modified-Since`. A failed download falls back to a cached copy with a
 * warning (the freshness limit then decides). Verifies published checksums when given, stores
 * downloads by sha256, and decompresses `.bz2` with `bzip2 -dc` (Node has no bzip2).
 *
 * Throws {@link ConfigurationError} for a missing local file, {@link FeedUnavailableError} when no
 * copy can be had or a checksum does not match. Does not parse the feed.
 */
export async function fetchFeed(options: FetchFeedOptions): Promise<FetchedFeed> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX
  if (!/^https?:\/\//i.test(options.source)) {
    const info = await stat(options.source).catch(() => undefined)
    if (!info?.isFile()) {
      throw new ConfigurationError(
        `Expected --feed \`${sanitizeForDisplay(options.source, 200)}\` to be an OVAL file or an http(s) URL, found ${info === undefined ? 'nothing' : 'no regular file'}`
      )
    }
    const sha256 = await hashFile(options.source)
    return {
      xmlPath: await decompressIfNeeded(options.source, options.workDir, maxBytes, options.signal),
      sha256,
      source: options.source,
      origin: 'file'
    }
  }
  const url = options.source
  const cacheDir = options.cacheDir ?? join(options.workDir, 'feed-download')
  await mkdir(cacheDir, {recursive: true, mode: 0o700})
  const index = options.cacheDir === undefined ? {} : await readIndex(cacheDir)
  const cached = index[url]
  const cachedPath = cached === undefined ? undefined : join(cacheDir, cached.file)
  const usable =
    cachedPath !== undefined && (await hashFile(cachedPath).catch(() => '')) === cached?.sha256
  let file: string
  let sha256: string
  let origin: FetchedFeed['origin']
  try {
    const headers: Record<string, string> = {}
    if (usable && cached?.etag !== undefined) headers['If-None-Match'] = cached.etag
    if (usable && cached?.lastModified !== undefined)
      headers['If-Modified-Since'] = cached.lastModified
    const response = await (options.fetch ?? fetch)(url, {
      headers,
      redirect: 'follow',
      signal: withTimeout(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT)
    })
    if (response.status === 304 && usable && cached !== undefined && cachedPath !== undefined) {
      options.logger.debug(`feed ${url}: not modified, using the cached copy`)
      file = cachedPath
      sha256 = cached.sha256
      origin = 'cache'
    } else {
      if (!response.ok || response.body === null) {
        throw new FeedUnavailableError(`HTTP ${response.status} for ${url}`, url)
      }
      const length = Number(response.headers.get('content-length') ?? '0')
      if (length > maxBytes) {
        throw new LimitExceededError(
          `The feed ${url} is ${length} bytes, over the ${maxBytes}-byte limit`,
          'maxFeedBytes'
        )
      }
      const temp = join(cacheDir, `.download-${process.pid}-${Date.now()}`)
      sha256 = await download(Readable.fromWeb(response.body as never), temp, maxBytes, url)
      if (options.checksums !== undefined) {
        await verifyChecksum(options, sha256).catch(async (error: unknown) => {
          await rm(temp, {force: true})
          throw error
        })
      }
      const name = `${sha256}${url.endsWith('.bz2') ? '.xml.bz2' : '.xml'}`
      file = join(cacheDir, name)
      await rename(temp, file)
      const etag = response.headers.get('etag') ?? undefined
      const lastModified = response.headers.get('last-modified') ?? undefined
      index[url] = {
        sha256,
        file: name,
        ...(etag === undefined ? {} : {etag}),
        ...(lastModified === undefined ? {} : {lastModified}),
        fetchedAt: new Date().toISOString()
      }
      if (options.cacheDir !== undefined) await writeIndex(cacheDir, index)
      origin = 'download'
    }
  } catch (error) {
    if (error instanceof FeedUnavailableError && /checksum/.test(error.message)) throw error
    if (error instanceof LimitExceededError) throw error
    if (options.signal?.aborted === true) throw error
    if (!usable || cached === undefined || cachedPath === undefined) {
      if (error instanceof FeedUnavailableError) throw error
      throw new FeedUnavailableError(
        `Cannot download the feed ${url}: ${getErrorMessage(error)}`,
        url,
        {cause: error}
      )
    }
    options.logger.warning(
      `Cannot refresh the feed ${url} (${getErrorMessage(error)}); using the copy cached at ${cached.fetchedAt}`
    )
    file = cachedPath
    sha256 = cached.sha256
    origin = 'stale-cache'
  }
  return {
    xmlPath: await decompressIfNeeded(file, options.workDir, maxBytes, options.signal),
    sha256,
    source: url,
    origin
  }
}

function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const timeout = AbortSignal.timeout(ms)
  return signal === undefined ? timeout : AbortSignal.any([signal, timeout])
}

async function download(
  body: Readable,
  path: string,
  maxBytes: number,
  url: string
): Promise<string> {
  const hash = createHash('sha256')
  let size = 0
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length
      if (size > maxBytes) {
        callback(
          new LimitExceededError(
            `The feed ${url} is over the ${maxBytes}-byte limit`,
            'maxFeedBytes'
          )
        )
        return
      }
      hash.update(chunk)
      callback(null, chunk)
    }
  })
  try {
    await pipeline(body, meter, createWriteStream(path, {mode: 0o600}))
  } catch (error) {
    await rm(path, {force: true})
    throw error
  }
  return hash.digest('hex')
}

/** Red Hat's `PULP_MANIFEST`: one `path,sha256,size` line per file. */
async function verifyChecksum(options: FetchFeedOptions, sha256: string): Promise<void> {
  const checksums = options.checksums
  if (checksums === undefined) return
  const response = await (options.fetch ?? fetch)(checksums.url, {
    signal: withTimeout(options.signal, 60_000)
  }).catch((error: unknown) => {
    throw new FeedUnavailableError(
      `Cannot download the checksums ${checksums.url}: ${getErrorMessage(error)}`,
      checksums.url
    )
  })
  if (!response.ok) {
    throw new FeedUnavailableError(
      `HTTP ${response.status} for the checksums ${checksums.url}`,
      checksums.url
    )
  }
  const text = await response.text()
  const line = text.split('\n').find(l => l.split(',')[0] === checksums.entry)
  const expected = line?.split(',')[1]?.trim().toLowerCase()
  if (expected === undefined) {
    throw new FeedUnavailableError(
      `The checksums ${checksums.url} do not list ${checksums.entry}`,
      checksums.url
    )
  }
  if (expected !== sha256) {
    throw new FeedUnavailableError(
      `The feed ${options.source} does not match its published checksum: expected sha256 ${expected}, got ${sha256}`,
      options.source
    )
  }
}

async function decompressIfNeeded(
  path: string,
  workDir: string,
  maxBytes: number,
  signal: AbortSignal | undefined
): Promise<string> {
  const handle = await open(path, 'r')
  const magic = Buffer.alloc(3)
  await handle.read(magic, 0, 3, 0).finally(() => handle.close())
  if (magic.toString('latin1') !== 'BZh') return path
  const out = join(workDir, `feed-${Date.now()}.xml`)
  await bunzip2(path, out, maxBytes, signal)
  return out
}

/** `bzip2 -dc` into `out`, capped at `maxBytes` of output. */
function bunzip2(
  input: string,
  out: string,
  maxBytes: number,
  signal: AbortSignal | undefined
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bzip2', ['-dc'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(signal === undefined ? {} : {signal})
    })
    let stderr = ''
    let size = 0
    let failure: Error | undefined
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8').slice(0, 1000)))
    const sink = createWriteStream(out, {mode: 0o600})
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes && failure === undefined) {
        failure = new LimitExceededError(
          `The decompressed feed is over the ${maxBytes}-byte limit`,
          'maxFeedBytes'
        )
        child.kill('SIGKILL')
      }
    })
    child.stdout.pipe(sink)
    createReadStream(input)
      .on('error', reject)
      .pipe(child.stdin)
      .on('error', () => {})
    child.on('error', error => {
      reject(
        (error as NodeJS.ErrnoException).code === 'ENOENT'
          ? new FeedUnavailableError(
              'Cannot decompress the .bz2 feed: bzip2 is not installed (apt-get install bzip2)',
              input
            )
          : error
      )
    })
    child.on('close', code => {
      sink.end(() => {
        if (failure !== undefined) return reject(failure)
        if (code !== 0) {
          return reject(
            new FeedUnavailableError(
              `bzip2 could not decompress the feed: ${sanitizeForDisplay(stderr.trim(), 300)}`,
              input
            )
          )
        }
        resolve()
      })
    })
  })
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(path), hash)
  return hash.digest('hex')
}

async function readIndex(dir: string): Promise<CacheIndex> {
  const text = await readFile(join(dir, 'index.json'), 'utf8').catch(() => undefined)
  if (text === undefined) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    const index: CacheIndex = {}
    for (const [url, entry] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof entry !== 'object' || entry === null) continue
      const e = entry as Record<string, unknown>
      if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(e.sha256)) continue
      if (typeof e.file !== 'string' || !/^[0-9a-f]{64}\.xml(\.bz2)?$/.test(e.file)) continue
      index[url] = {
        sha256: e.sha256,
        file: e.file,
        fetchedAt: typeof e.fetchedAt === 'string' ? e.fetchedAt : '',
        ...(typeof e.etag === 'string' ? {etag: e.etag} : {}),
        ...(typeof e.lastModified === 'string' ? {lastModified: e.lastModified} : {})
      }
    }
    return index
  } catch {
    return {}
  }
}

async function writeIndex(dir: string, index: CacheIndex): Promise<void> {
  const temp = join(dir, `.index-${process.pid}.json`)
  await writeFile(temp, `${JSON.stringify(index, null, 2)}\n`, {mode: 0o600})
  await rename(temp, join(dir, 'index.json'))
}
