import type {VerifiedLayer} from '../image/types.js'
import type {ImageFacts} from './layer-record.js'
import type {RootPath} from './root-path.js'

/** Limits on what a layer stack may contain; every one is enforced with a clear error. */
export interface ApplyLimits {
  /** Uncompressed bytes per layer. */
  maxLayerBytes: number
  /** Uncompressed bytes for the whole image. */
  maxImageBytes: number
  /** Tar entries for the whole image. */
  maxEntries: number
  /** Path depth (components). */
  maxDepth: number
  /** Bytes in one path. */
  maxPathBytes: number
  /** Size of one PAX/GNU long-name record. */
  maxHeaderBytes: number
}

export const defaultApplyLimits: ApplyLimits = {
  maxLayerBytes: 16 * 1024 ** 3,
  maxImageBytes: 32 * 1024 ** 3,
  maxEntries: 2_000_000,
  maxDepth: 1024,
  maxPathBytes: 4096,
  maxHeaderBytes: 1024 * 1024
}

export interface ApplyOptions {
  /** An existing, empty, private (0700) directory: the root filesystem to build. */
  root: string
  layers: VerifiedLayer[]
  limits?: Partial<ApplyLimits>
  /** Called with uncompressed bytes applied so far. */
  onProgress?: (layerIndex: number, bytes: number) => void
  signal?: AbortSignal
}

export type {RootPath} from './root-path.js'

export interface LayerChanges {
  index: number
  digest: string
  diffId: string
  /** Paths this layer created or replaced (files, dirs, links), in-root absolute. */
  written: RootPath[]
  /** Paths this layer removed through whiteouts. */
  removed: RootPath[]
}

/** Entries that exist in the image but were not materialised (devices, FIFOs), with the reason. */
export interface NonMaterialised {
  path: RootPath
  type: 'char-device' | 'block-device' | 'fifo' | 'socket'
  mode: number
  uid: number
  gid: number
  layer: string
}

export interface ApplyResult {
  layers: LayerChanges[]
  /** What blame and CVE blame need, recorded during the one read of each layer (layer-record.ts). */
  facts: ImageFacts
  nonMaterialised: NonMaterialised[]
  entries: number
  bytes: number
}
