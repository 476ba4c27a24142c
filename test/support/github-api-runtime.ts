/**
 * A local stand-in for the Actions runtime services that @actions/artifact and @actions/cache
 * call (`ACTIONS_RESULTS_URL`, Twirp JSON over HTTP), plus the blob storage their signed URLs
 * point at (Azure Blob block uploads and plain GETs). It keeps what was uploaded so that tests can
 * check the content: artifacts as zips, cache entries as archives.
 *
 * Only the calls these libraries make are served: ArtifactService CreateArtifact/FinalizeArtifact
 * and CacheService GetCacheEntryDownloadURL/CreateCacheEntry/FinalizeCacheEntryUpload (cache
 * service v2, selected by `ACTIONS_CACHE_SERVICE_V2`). Cache entries persist across runs of the
 * same instance, as the real service keeps them across workflow runs.
 */
import {createServer, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface RuntimeCall {
  service: string
  method: string
  body: Record<string, unknown>
}

export interface CacheEntry {
  key: string
  version: string
  data: Buffer
  finalized: boolean
  created: number
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** An unsigned JWT with the `Actions.Results:<run>:<job>` scope @actions/artifact reads. */
export function runtimeToken(): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({alg: 'none', typ: 'JWT'})}.${part({scp: 'Actions.GenericRead Actions.Results:run-backend-1:job-backend-1', exp: 4102444800})}.sig`
}

export class FakeRuntime {
  readonly calls: RuntimeCall[] = []
  readonly blobs = new Map<string, Buffer>()
  readonly artifacts: {name: string; blob: string; finalized: boolean}[] = []
  readonly cacheEntries: CacheEntry[] = []
  private readonly blocks = new Map<string, Map<string, Buffer>>()
  private server: Server | undefined
  private clock = 0
  url = ''

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readBody(req)
        .then(body => this.handle(req, body))
        .then(([status, data, type]) => {
          res.writeHead(status, {
            'content-type': type,
            'content-length': data.length,
            'x-ms-request-id': 'fake',
            etag: '"fake"',
            'last-modified': new Date(0).toUTCString()
          })
          res.end(data)
        })
        .catch(error => res.writeHead(500).end(String(error)))
    })
    await new Promise<void>(resolve => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`
    return this.url
  }

  async stop(): Promise<void> {
    await new Promise<void>(resolve => this.server?.close(() => resolve()))
  }

  /** Variables for a step that talks to this runtime. */
  env(): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: runtimeToken(),
      ACTIONS_CACHE_SERVICE_V2: 'true'
    }
  }

  artifactData(name: string): Buffer | undefined {
    const artifact = this.artifacts.find(a => a.name === name && a.finalized)
    return artifact === undefined ? undefined : this.blobs.get(artifact.blob)
  }

  private json(data: object): [number, Buffer, string] {
    return [200, Buffer.from(JSON.stringify(data)), 'application/json']
  }

  private handle(req: IncomingMessage, body: Buffer): [number, Buffer, string] {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const twirp = /^\/twirp\/github\.actions\.results\.api\.v1\.(\w+)\/(\w+)$/.exec(url.pathname)
    if (twirp !== null && req.method === 'POST') {
      const [, service = '', method = ''] = twirp
      const request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>
      this.calls.push({service, method, body: request})
      return this.twirp(service, method, request)
    }
    if (url.pathname.startsWith('/blob/')) return this.blob(req.method ?? 'GET', url, body, req)
    return [404, Buffer.from('not faked'), 'text/plain']
  }

  private twirp(
    service: string,
    method: string,
    b: Record<string, unknown>
  ): [number, Buffer, string] {
    const key = String(b.key ?? '')
    const version = String(b.version ?? '')
    switch (`${service}/${method}`) {
      case 'ArtifactService/CreateArtifact': {
        const blob = `artifact-${this.artifacts.length}`
        this.artifacts.push({name: String(b.name), blob, finalized: false})
        return this.json({ok: true, signed_upload_url: `${this.url}blob/${blob}?sig=fake`})
      }
      case 'ArtifactService/FinalizeArtifact': {
        const artifact = this.artifacts.find(a => a.name === String(b.name))
        if (artifact === undefined) return this.json({ok: false})
        artifact.finalized = true
        return this.json({ok: true, artifact_id: String(this.artifacts.indexOf(artifact) + 1)})
      }
      case 'CacheService/CreateCacheEntry': {
        if (this.cacheEntries.some(e => e.key === key && e.version === version))
          return this.json({ok: false, message: 'already exists'})
        this.cacheEntries.push({
          key,
          version,
          data: Buffer.alloc(0),
          finalized: false,
          created: (this.clock += 1)
        })
        return this.json({
          ok: true,
          signed_upload_url: `${this.url}blob/cache/${encodeURIComponent(key)}?sig=fake`
        })
      }
      case 'CacheService/FinalizeCacheEntryUpload': {
        const entry = this.cacheEntries.find(e => e.key === key && e.version === version)
        if (entry === undefined) return this.json({ok: false})
        entry.data = this.blobs.get(`cache/${encodeURIComponent(key)}`) ?? Buffer.alloc(0)
        entry.finalized = true
        return this.json({ok: true, entry_id: String(this.cacheEntries.indexOf(entry) + 1)})
      }
      case 'CacheService/GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(b.restore_keys)
          ? b.restore_keys
          : Array.isArray(b.restoreKeys)
            ? b.restoreKeys
            : []
        const candidates = this.cacheEntries
          .filter(e => e.finalized && e.version === version)
          .sort((x, y) => y.created - x.created)
        const hit =
          candidates.find(e => e.key === key) ??
          restoreKeys
            .map(prefix => candidates.find(e => e.key.startsWith(String(prefix))))
            .find(e => e !== undefined)
        if (hit === undefined)
          return this.json({ok: false, signed_download_url: '', matched_key: ''})
        return this.json({
          ok: true,
          signed_download_url: `${this.url}blob/cache-read/${encodeURIComponent(hit.key)}?sig=fake`,
          matched_key: hit.key
        })
      }
      default:
        return [
          404,
          Buffer.from(
            JSON.stringify({code: 'bad_route', msg: `${service}/${method} is not faked`})
          ),
          'application/json'
        ]
    }
  }

  private blob(
    method: string,
    url: URL,
    body: Buffer,
    req: IncomingMessage
  ): [number, Buffer, string] {
    const name = decodeURIComponent(url.pathname.slice('/blob/'.length))
    if (method === 'GET' && name.startsWith('cache-read/')) {
      const entry = this.cacheEntries.find(e => e.key === name.slice('cache-read/'.length))
      return entry === undefined
        ? [404, Buffer.alloc(0), 'text/plain']
        : [200, entry.data, 'application/octet-stream']
    }
    if (method !== 'PUT') return [405, Buffer.alloc(0), 'text/plain']
    const comp = url.searchParams.get('comp')
    const blobKey = name.startsWith('cache/')
      ? `cache/${encodeURIComponent(name.slice('cache/'.length))}`
      : name
    if (comp === 'block') {
      const blocks = this.blocks.get(blobKey) ?? new Map<string, Buffer>()
      blocks.set(url.searchParams.get('blockid') ?? '', body)
      this.blocks.set(blobKey, blocks)
      return [201, Buffer.alloc(0), 'text/plain']
    }
    if (comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)
      ].map(m => m[1] ?? '')
      const blocks = this.blocks.get(blobKey) ?? new Map<string, Buffer>()
      this.blobs.set(blobKey, Buffer.concat(ids.map(id => blocks.get(id) ?? Buffer.alloc(0))))
      return [201, Buffer.alloc(0), 'text/plain']
    }
    if (req.headers['x-ms-blob-type'] === 'BlockBlob' || comp === null) {
      this.blobs.set(blobKey, body)
      return [201, Buffer.alloc(0), 'text/plain']
    }
    return [400, Buffer.alloc(0), 'text/plain']
  }
}
