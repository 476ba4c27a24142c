/**
 * Fan-out: splits a fleet of images into shards for the CI's own matrix (GitHub `strategy.matrix`,
 * GitLab `parallel: matrix`, Jenkins `parallel` stages). Shards are balanced by image size when it
 * is known (local archives): largest first, each onto the lightest shard (LPT scheduling, within
 * 4/3 of the optimum), because extraction and oscap time grow with the root file system. Images of
 * unknown size (registry references) count as the median known size, or 1 when none is known, so
 * they spread evenly. The order inside a shard and of the shards is deterministic.
 */
import type {Stats} from 'node:fs'
import {lstat, readdir} from 'node:fs/promises'
import {isAbsolute, join, relative} from 'node:path'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import type {Policy} from '../policy/types.js'

export interface PlannedImage {
  image: string
  /** Bytes of the local archive or layout; absent for registry and daemon references. */
  size?: number
}

export interface Shard {
  /** 1-based. */
  index: number
  images: string[]
  /** Sum of the known sizes, in bytes. */
  bytes: number
}

export interface FleetPlan {
  shards: Shard[]
  images: PlannedImage[]
}

/** Archives a directory is searched for (not recursively). */
const archivePattern = /\.(tar|docker\.tar|oci\.tar|tar\.gz|tgz)$/i

/** Images named by `match` entries of the policy's `images:` sections that contain no glob character. */
export function policyImages(policy: Policy): string[] {
  return policy.images.flatMap(section => section.match.filter(m => !/[*?[\]{}]/.test(m)))
}

/** `docker-archive:` references for every archive directly in `dir` (OCI archives by name). */
export async function archivesIn(dir: string, cwd: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    throw new ConfigurationError(
      `Expected \`${sanitizeForDisplay(dir, 200)}\` to be a directory of image archives, found none there`
    )
  }
  const found: string[] = []
  for (const name of names.filter(n => archivePattern.test(n)).sort()) {
    const info = await lstat(join(dir, name))
    if (!info.isFile()) continue
    const path = relative(cwd, join(dir, name)) || name
    const shown = path.startsWith('/') || path.startsWith('.') ? path : `./${path}`
    found.push(`${/\.oci\.tar$/i.test(name) ? 'oci-archive' : 'docker-archive'}:${shown}`)
  }
  return found
}

/** The size of a local image source, when the reference names one; never follows a link. */
export async function localSize(image: string, cwd: string): Promise<number | undefined> {
  const match = /^(docker-archive|oci-archive|oci):(.+)$/.exec(image)
  if (match === null) return undefined
  // `docker-archive:app.tar:app:1`: the path is the longest prefix that exists.
  const rest = match[2] as string
  const cuts = [rest.length, ...[...rest.matchAll(/:/g)].map(m => m.index).reverse()]
  let info: Stats | undefined
  let path = ''
  for (const cut of cuts) {
    const target = rest.slice(0, cut)
    path = isAbsolute(target) ? target : join(cwd, target)
    info = await lstat(path).catch(() => undefined)
    if (info !== undefined) break
  }
  if (info === undefined) return undefined
  if (info.isFile()) return info.size
  if (!info.isDirectory()) return undefined
  // An OCI layout: the blobs are the image.
  let total = 0
  const blobs = join(path, 'blobs', 'sha256')
  for (const name of await readdir(blobs).catch(() => [] as string[])) {
    const blob = await lstat(join(blobs, name)).catch(() => undefined)
    if (blob?.isFile() === true) total += blob.size
  }
  return total
}

/** Balances `images` over at most `shards` shards (never an empty shard). */
export function planShards(images: readonly PlannedImage[], shards: number): FleetPlan {
  if (!Number.isInteger(shards) || shards < 1)
    throw new ConfigurationError(`Expected a whole number of shards of at least 1, got ${shards}`)
  const unique = new Map<string, PlannedImage>()
  for (const image of images) if (!unique.has(image.image)) unique.set(image.image, image)
  const list = [...unique.values()]
  if (list.length === 0)
    throw new ConfigurationError('Expected at least one image to plan, got none')
  const known = list
    .map(i => i.size)
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b)
  const fallback = known.length === 0 ? 1 : (known[Math.floor(known.length / 2)] as number)
  const weight = (i: PlannedImage): number => i.size ?? fallback
  const count = Math.min(shards, list.length)
  const bins: {images: PlannedImage[]; load: number}[] = Array.from({length: count}, () => ({
    images: [],
    load: 0
  }))
  const ordered = [...list].sort((a, b) => weight(b) - weight(a) || a.image.localeCompare(b.image))
  for (const image of ordered) {
    let lightest = bins[0] as (typeof bins)[number]
    for (const bin of bins) if (bin.load < lightest.load) lightest = bin
    lightest.images.push(image)
    lightest.load += weight(image)
  }
  return {
    images: list,
    shards: bins.map((bin, i) => ({
      index: i + 1,
      images: bin.images.map(x => x.image),
      bytes: bin.images.reduce((sum, x) => sum + (x.size ?? 0), 0)
    }))
  }
}
