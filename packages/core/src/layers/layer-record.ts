/**
 * What the applier records while it extracts, so that blame (compliance findings) and CVE blame
 * (vulnerable packages) never read a layer blob again (issue 13, "one layer pass"):
 *
 * - **provenance**: for every tar entry a layer applied, its resolved in-root path and the
 *   version it wrote (type, mode, owner, size). Stored compactly, as parallel arrays per layer
 *   (one path string, shared with `written`, and five numbers per entry), not as one object per
 *   file: memory grows with the entries, at a few tens of bytes each, and with nothing else.
 * - **content identity, lazily**: a version's content digest only matters when a later layer
 *   writes the same path again (is the new content different?). So only then is anything hashed:
 *   the replaced file is hashed from the root just before it is removed (its digest is kept in
 *   the replacing layer's `replaced`), and the replacing file's bytes while they stream by. A
 *   path written once is never hashed. Links get `link:<target>` as their digest, as before.
 * - **the dpkg database**: the bytes of `/var/lib/dpkg/status` and `/var/lib/dpkg/status.d/*`
 *   each time a layer writes them (a few hundred KiB per layer that ran apt), capped per file.
 * - **removals**: the applier's own `removed` list (whiteouts and opaque directories as applied).
 *
 * Paths are the applier's resolved paths (the same strings as `LayerChanges.written`): a tar name
 * through a symlinked parent is recorded where it landed, which is where oscap saw it.
 */
import type {TarEntryType} from './tar-stream-reader.js'
import type {RootPath} from './root-path.js'

/** One version of a path as a layer wrote it. */
export interface RecordedVersion {
  type: TarEntryType
  /** Permission bits (07777). */
  mode: number
  uid: number
  gid: number
  size: number
  /**
   * sha256 of a regular file's data, `link:<target>` for links, `link:` for other types. A
   * regular file whose content was never compared gets `unhashed:<layer>:<entry>`, unique, so it
   * never compares equal to another version (see {@link LayerFacts.replaced} to fill it in).
   */
  digest: string
}

export const dpkgStatusPath = '/var/lib/dpkg/status'
export const dpkgStatusDir = '/var/lib/dpkg/status.d'

/** `/var/lib/dpkg/status` or a file in `/var/lib/dpkg/status.d/`. */
export function isDpkgDatabase(path: string): boolean {
  return path === dpkgStatusPath || path.startsWith(`${dpkgStatusDir}/`)
}

/** Cap on one recorded dpkg status file; a larger one is recorded as `over-limit`. */
export const maxRecordedDpkgBytes = 64 * 1024 * 1024

const typeCodes: readonly TarEntryType[] = [
  'file',
  'dir',
  'symlink',
  'hardlink',
  'char-device',
  'block-device',
  'fifo'
]
const fieldsPerEntry = 5

/** The facts one layer left, recorded by the applier. */
export class LayerFacts {
  /** Resolved in-root path of each applied tar entry, in tar order (a path may repeat). */
  readonly paths: RootPath[] = []
  /** type code, mode, uid, gid, size per entry. */
  private readonly numbers: number[] = []
  /** Digests known per entry index (links, and files whose content was compared). */
  private readonly digests = new Map<number, string>()
  /**
   * Digest of the regular file a lower layer left at a path this layer replaced, hashed from the
   * root just before it was removed. Fills in the lower version's unhashed digest.
   */
  readonly replaced = new Map<RootPath, string>()
  /** dpkg database files this layer wrote: their bytes, or `over-limit`. */
  readonly dpkg = new Map<RootPath, Buffer | 'over-limit'>()
  /** Paths this layer removed, with everything below them (the applier's `removed`). */
  removed: readonly RootPath[] = []

  constructor(readonly index: number) {}

  /** Records one applied entry; `digest` when it is known (links, hashed files). */
  add(
    path: RootPath,
    header: {type: TarEntryType; mode: number; uid: number; gid: number; size: number},
    digest?: string
  ): void {
    const entry = this.paths.length
    this.paths.push(path)
    this.numbers.push(
      typeCodes.indexOf(header.type),
      header.mode,
      header.uid,
      header.gid,
      header.size
    )
    if (digest !== undefined) this.digests.set(entry, digest)
  }

  /** The version this layer left at each of `wanted` that it wrote (the last entry wins). */
  versions(wanted: ReadonlySet<RootPath>): Map<RootPath, RecordedVersion> {
    const found = new Map<RootPath, RecordedVersion>()
    if (wanted.size === 0) return found
    for (let entry = 0; entry < this.paths.length; entry += 1) {
      const path = this.paths[entry] as RootPath
      if (wanted.has(path)) found.set(path, this.version(entry))
    }
    return found
  }

  private version(entry: number): RecordedVersion {
    const at = entry * fieldsPerEntry
    const n = (offset: number): number => this.numbers[at + offset] as number
    const type = typeCodes[n(0)] as TarEntryType
    const digest =
      this.digests.get(entry) ?? (type === 'file' ? `unhashed:${this.index}:${entry}` : 'link:')
    return {type, mode: n(1), uid: n(2), gid: n(3), size: n(4), digest}
  }
}

/** Everything the applier recorded for an image, one {@link LayerFacts} per applied layer. */
export interface ImageFacts {
  layers: LayerFacts[]
}
