/**
 * Per-layer history of the paths and packages that evidence names: which layer wrote which
 * version of a file, and which layer installed, changed or removed which dpkg package.
 *
 * In a scan, the applier recorded these facts while it extracted (layers/layer-record.ts), and no
 * layer is read again. Without them (`scapgate report --image`, which applies nothing), the
 * layers are read here; with the applier's `written`/`removed` lists only layers that touched the
 * evidence are.
 * RPM databases (`/var/lib/rpm`, a binary database) are not read: rpm packages stay
 * unattributable, and findings about them point at the FROM line saying so.
 */
import {LimitExceededError} from '../errors.js'
import type {VerifiedLayer} from '../image/types.js'
import {maxRecordedDpkgBytes, type ImageFacts} from '../layers/layer-record.js'
import type {LayerChanges, RootPath} from '../layers/types.js'
import {installedVersions} from '../packages/dpkg-status.js'
import {
  dpkgStatusDir,
  isAtOrBelow,
  isDpkgDatabase,
  readLayerEvidence,
  type FileVersion,
  type LayerEvidence
} from './layer-evidence.js'

/** One change of a path or package; `undefined` means it was removed by that layer. */
export interface Change<T> {
  layer: number
  value: T | undefined
}

export interface LayerBookkeeping {
  layerCount: number
  /** Wanted path → its changes, in layer order. Paths no layer touched are absent. */
  files: Map<RootPath, Change<FileVersion>[]>
  /** dpkg package → version changes, in layer order. */
  packages: Map<string, Change<string>[]>
}

export interface CollectOptions {
  layers: readonly VerifiedLayer[]
  /** The applier's bookkeeping; when given, layers that touched none of the paths are skipped. */
  changes?: readonly LayerChanges[]
  /** The applier's record of the layers: when given, no layer blob is read. */
  facts?: ImageFacts
  /** In-root paths the evidence names. */
  paths: Iterable<RootPath>
  signal?: AbortSignal
}

export async function collectBookkeeping(options: CollectOptions): Promise<LayerBookkeeping> {
  const wanted = new Set(options.paths)
  const files = new Map<RootPath, Change<FileVersion>[]>()
  const packages = new Map<string, Change<string>[]>()
  const current = new Map<RootPath, FileVersion>()
  const dpkgFiles = new Map<RootPath, Map<string, string>>()
  let installed = new Map<string, string>()

  for (const layer of options.layers) {
    let evidence: LayerEvidence
    if (options.facts !== undefined) {
      evidence = recordedEvidence(options.facts, layer.index, wanted)
    } else {
      const changes = options.changes?.find(c => c.index === layer.index)
      if (changes !== undefined && !touches(changes, wanted)) continue
      evidence = await readLayerEvidence(layer, wanted, {signal: options.signal})
    }
    applyRemovals(evidence, current, dpkgFiles, wanted, (path, value) =>
      record(files, path, layer.index, value)
    )
    for (const [path, version] of evidence.files) {
      // The content of the version this one replaces was hashed only now (layer-record.ts).
      const previous = current.get(path)
      const replaced = evidence.replaced?.get(path)
      if (previous?.type === 'file' && replaced !== undefined && isUnhashed(previous.digest))
        previous.digest = replaced
      current.set(path, version)
      record(files, path, layer.index, version)
    }
    for (const [path, data] of evidence.dpkg) {
      dpkgFiles.set(path, installedVersions(data.toString('utf8')))
    }
    const next = union(dpkgFiles)
    for (const [name, version] of next) {
      if (installed.get(name) !== version) record(packages, name, layer.index, version)
    }
    for (const name of installed.keys()) {
      if (!next.has(name)) record(packages, name, layer.index, undefined)
    }
    installed = next
  }
  return {layerCount: options.layers.length, files, packages}
}

function isUnhashed(digest: string): boolean {
  return digest.startsWith('unhashed:')
}

/** One layer's evidence from the applier's record, in the shape {@link readLayerEvidence} reads. */
function recordedEvidence(
  facts: ImageFacts,
  index: number,
  wanted: ReadonlySet<RootPath>
): LayerEvidence {
  const layer = facts.layers.find(l => l.index === index)
  if (layer === undefined) throw new Error(`the applier recorded nothing for layer ${index}`)
  const dpkg = new Map<RootPath, Buffer>()
  for (const [path, data] of layer.dpkg) {
    if (data === 'over-limit') {
      throw new LimitExceededError(
        `Layer ${index}: ${path} has over ${maxRecordedDpkgBytes} bytes, over the limit \`maxDpkgBytes\``,
        'maxDpkgBytes'
      )
    }
    dpkg.set(path, data)
  }
  return {
    index,
    files: layer.versions(wanted),
    dpkg,
    // The applier's removals are resolved paths that existed: everything at or below them went.
    whiteouts: [...layer.removed],
    opaque: [],
    replaced: layer.replaced
  }
}

function touches(changes: LayerChanges, wanted: ReadonlySet<RootPath>): boolean {
  for (const path of changes.written) if (wanted.has(path) || isDpkgDatabase(path)) return true
  for (const removed of changes.removed) {
    if (isAtOrBelow('/var/lib/dpkg/status', removed) || isAtOrBelow(dpkgStatusDir, removed))
      return true
    for (const path of wanted) if (isAtOrBelow(path, removed)) return true
  }
  return false
}

function applyRemovals(
  evidence: LayerEvidence,
  current: Map<RootPath, FileVersion>,
  dpkgFiles: Map<RootPath, Map<string, string>>,
  wanted: ReadonlySet<RootPath>,
  removed: (path: RootPath, value: undefined) => void
): void {
  const gone = (path: string): boolean =>
    evidence.whiteouts.some(w => isAtOrBelow(path, w)) ||
    evidence.opaque.some(o => path !== o && isAtOrBelow(path, o))
  for (const path of wanted) {
    if (current.has(path) && gone(path)) {
      current.delete(path)
      removed(path, undefined)
    }
  }
  for (const path of [...dpkgFiles.keys()]) if (gone(path)) dpkgFiles.delete(path)
}

function union(dpkgFiles: ReadonlyMap<RootPath, Map<string, string>>): Map<string, string> {
  const all = new Map<string, string>()
  for (const path of [...dpkgFiles.keys()].sort()) {
    for (const [name, version] of dpkgFiles.get(path) ?? []) all.set(name, version)
  }
  return all
}

function record<T>(
  into: Map<string, Change<T>[]>,
  key: string,
  layer: number,
  value: T | undefined
) {
  const list = into.get(key) ?? []
  list.push({layer, value})
  into.set(key, list)
}

/**
 * The layer that introduced the final value of `key(version)`: walking back from the last change,
 * the earliest layer of the unbroken run of versions with that same key. Undefined when the last
 * change removed the thing (it is not in the image).
 */
export function introducingLayer<T>(
  changes: readonly Change<T>[],
  key: (value: T) => string
): number | undefined {
  const last = changes[changes.length - 1]
  if (last?.value === undefined) return undefined
  const want = key(last.value)
  let at = changes.length - 1
  while (at > 0) {
    const previous = changes[at - 1] as Change<T>
    if (previous.value === undefined || key(previous.value) !== want) break
    at -= 1
  }
  return (changes[at] as Change<T>).layer
}
