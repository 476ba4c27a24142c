/**
 * A local HTTP server for feed tests: serves files as given, `.bz2` compressed on the fly with
 * the real `bzip2`, answers 500 on `/broken/…`, honours `If-None-Match` with the ETag it sent, and
 * counts requests. No network beyond 127.0.0.1.
 */
import {execFileSync} from 'node:child_process'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {createHash} from 'node:crypto'

export interface FeedServer {
  url: (path: string) => string
  /** Path → body. `.bz2` paths are compressed from the body of the same path without `.bz2`. */
  files: Map<string, string>
  requests: string[]
  close: () => Promise<void>
}

export async function startFeedServer(): Promise<FeedServer> {
  const files = new Map<string, string>()
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push(`${req.method} ${path}`)
    if (path.startsWith('/broken/')) {
      res.writeHead(500).end('internal error')
      return
    }
    const plain = files.get(path.replace(/\.bz2$/, ''))
    if (plain === undefined) {
      res.writeHead(404).end('not found')
      return
    }
    const body = path.endsWith('.bz2')
      ? execFileSync('bzip2', ['-c'], {input: plain})
      : Buffer.from(plain)
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, {ETag: etag}).end()
      return
    }
    res
      .writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Length': body.length,
        ETag: etag
      })
      .end(body)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: path => `http://127.0.0.1:${port}${path}`,
    files,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
