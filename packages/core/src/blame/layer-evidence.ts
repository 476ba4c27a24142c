/**
 * Reads one layer's tar for blame, where the applier recorded nothing (`scapgate report --image`;
 * a scan uses the applier's record instead, layers/layer-record.ts): the metadata (and a content digest) of the paths the
 * evidence names, the dpkg status database files, and the layer's whiteouts. Reuses the applier's
 * strict tar reader and name rules, so a layer that applied reads the same way here.
 *
 * Writes nothing and follows no link. Does not re-verify the diff_id: blobs were verified on
 * intake (sha256 and size), and in a scan the applier verified the diff_id of these very bytes.
 * Names are not resolved through symlinked parents (the applier's `written` is): evidence paths
 * under a symlinked directory are found only by their literal name.
 */
import {createHash} from 'node:crypto'
import {CancelledError, LimitExceededError, UnsafeLayerEntryError} from '../errors.js'
import type {VerifiedLayer} from '../image/types.js'
import {ByteReader} from '../layers/byte-reader.js'
import {decompressedChunks} from '../layers/decompress.js'
import {entryRole, splitEntryName} from '../layers/entry-name.js'
import {TarReader} from '../layers/tar-stream-reader.js'
import {
  dpkgStatusDir,
  dpkgStatusPath,
  isDpkgDatabase,
  type RecordedVersion
} from '../layers/layer-record.js'
import {defaultApplyLimits, type RootPath} from '../layers/types.js'

export {dpkgStatusDir, dpkgStatusPath, isDpkgDatabase}

/** One version of a path (the applier records the same shape, layers/layer-record.ts). */
export type FileVersion = RecordedVersion

export interface LayerEvidence {
  index: number
  /** Wanted paths this layer wrote. */
  files: Map<RootPath, FileVersion>
  /** `/var/lib/dpkg/status` and `/var/lib/dpkg/status.d/*` as this layer wrote them. */
  dpkg: Map<RootPath, Buffer>
  /** Whiteout targets: these paths and everything below them are gone from lower layers. */
  whiteouts: RootPath[]
  /** Opaque directories: everything below them is gone from lower layers. */
  opaque: RootPath[]
  /** Every path the layer wrote, when `listAll` was asked. */
  written?: RootPath[]
  /**
   * Digests of lower layers' regular files this layer replaced, by path (recorded evidence only:
   * fills in a lower version recorded without a digest, see layers/layer-record.ts).
   */
  replaced?: ReadonlyMap<RootPath, string>
}

export interface ReadLayerEvidenceOptions {
  /** Cap on one dpkg status file (default 64 MiB). */
  maxDpkgBytes?: number
  /** Also list every written path (for `scapgate report`, which has no applier bookkeeping). */
  listAll?: boolean
  signal?: AbortSignal
}

export async function readLayerEvidence(
  layer: VerifiedLayer,
  wanted: ReadonlySet<RootPath>,
  options: ReadLayerEvidenceOptions = {}
): Promise<LayerEvidence> {
  const maxDpkgBytes = options.maxDpkgBytes ?? 64 * 1024 * 1024
  const evidence: LayerEvidence = {
    index: layer.index,
    files: new Map(),
    dpkg: new Map(),
    whiteouts: [],
    opaque: []
  }
  if (options.listAll === true) evidence.written = []
  const chunks = decompressedChunks(layer)
  const tar = new TarReader(
    new ByteReader(chunks, () => {
      if (options.signal?.aborted === true) throw new CancelledError('blame cancelled')
      return undefined
    }),
    layer.digest,
    defaultApplyLimits.maxHeaderBytes
  )
  const fail = (message: string): never => {
    throw new UnsafeLayerEntryError(`Layer ${layer.digest}: ${message}`, layer.digest, '')
  }
  try {
    for (;;) {
      const header = await tar.next()
      if (header === undefined) break
      const components = splitEntryName(header.name, defaultApplyLimits, layer.digest, fail)
      if (components.length === 0) continue
      const role = entryRole(components, fail)
      const parent = components.slice(0, -1)
      if (role.role === 'whiteout') {
        evidence.whiteouts.push(rootPath([...parent, role.target]))
        continue
      }
      if (role.role === 'opaque') {
        evidence.opaque.push(rootPath(parent))
        continue
      }
      const path = rootPath(components)
      evidence.written?.push(path)
      const dpkg = header.type === 'file' && isDpkgDatabase(path)
      if (!wanted.has(path) && !dpkg) continue
      const hash = createHash('sha256')
      const parts: Buffer[] = []
      if (header.type === 'file') {
        if (dpkg && header.size > maxDpkgBytes) {
          throw new LimitExceededError(
            `Layer ${layer.digest}: ${path} has ${header.size} bytes, over the limit \`maxDpkgBytes\` (${maxDpkgBytes})`,
            'maxDpkgBytes'
          )
        }
        await tar.data(piece => {
          hash.update(piece)
          if (dpkg) parts.push(Buffer.from(piece))
        })
      }
      if (dpkg) evidence.dpkg.set(path, Buffer.concat(parts))
      if (wanted.has(path)) {
        evidence.files.set(path, {
          type: header.type,
          mode: header.mode,
          uid: header.uid,
          gid: header.gid,
          size: header.size,
          digest:
            header.type === 'file'
              ? hash.digest('hex')
              : `link:${header.linkname.toString('latin1')}`
        })
      }
    }
  } finally {
    await chunks.return(undefined)
  }
  return evidence
}

/** Bookkeeping form of in-root components: `/` + components, one char per byte (latin1). */
function rootPath(components: readonly Buffer[]): RootPath {
  return `/${components.map(c => c.toString('latin1')).join('/')}`
}

/** True when `path` is `prefix` or below it. */
export function isAtOrBelow(path: string, prefix: string): boolean {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`)
}
