import {InvalidImageError} from '../errors.js'
import {requireLocation, type BlobSource} from './blob-source.js'
import {parseImageConfig} from './config.js'
import {blobPath, shortDigest} from './digest.js'
import type {ManifestDocument} from './manifest.js'
import {maxDocumentBytes} from './oci-layout.js'
import {verifyLayers} from './verify-layers.js'
import {readVerified} from './verify.js'
import type {ImageConfig, VerifiedLayer} from './types.js'

/** What every source resolves to before `openImage` adds the reference, names and `close()`. */
export interface ImageParts {
  manifestDigest?: string
  configDigest: string
  config: ImageConfig
  layers: VerifiedLayer[]
}

/** Checks that the config lists one diff_id per layer (EX-36). */
export function checkLayerCount(config: ImageConfig, layerCount: number, label: string): void {
  if (config.diffIds.length !== layerCount) {
    throw new InvalidImageError(
      `${label}: the config lists ${config.diffIds.length} diff_ids but the manifest has ${layerCount} layers`,
      'rootfs.diff_ids'
    )
  }
}

/** Reads the config and verifies every layer of an image manifest (OCI or Docker v2 schema 2). */
export async function loadManifestImage(
  source: BlobSource,
  manifest: ManifestDocument,
  manifestDigest: string | undefined,
  signal?: AbortSignal
): Promise<ImageParts> {
  const configDescriptor = manifest.config
  const what = `config ${shortDigest(configDescriptor.digest)} of ${source.label}`
  const configLocation = await requireLocation(
    source,
    blobPath(configDescriptor.digest),
    'config blob'
  )
  const config = parseImageConfig(
    await readVerified(configLocation, configDescriptor, maxDocumentBytes, what),
    what
  )
  checkLayerCount(config, manifest.layers.length, source.label)
  const plans = []
  for (const [i, layer] of manifest.layers.entries()) {
    const location = await requireLocation(source, blobPath(layer.digest), `layer ${i} blob`)
    plans.push({location, diffId: config.diffIds[i] ?? '', descriptor: layer})
  }
  const layers = await verifyLayers(plans, source.label, signal)
  const parts: ImageParts = {configDigest: configDescriptor.digest, config, layers}
  if (manifestDigest) parts.manifestDigest = manifestDigest
  return parts
}
