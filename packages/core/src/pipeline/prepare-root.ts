import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {readOsRelease, type OsRelease} from '../content/os-release.js'
import {openImage} from '../image/open-image.js'
import {parseImageReference} from '../image/reference.js'
import type {ResolvedImage} from '../image/types.js'
import {applyLayers} from '../layers/apply-layers.js'
import {readFileInRoot} from '../layers/in-root.js'
import type {ApplyResult} from '../layers/types.js'
import {preparePackageView, type PackageView} from '../packages/package-view.js'
import {stageUpperLayer} from '../packages/upper-layer.js'
import {IMAGE_FACTS_PATH, imageFactsText} from '../content/image-facts.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import type {IntakeContext, StepContext, StepServices} from './step-context.js'

export interface PreparedImage {
  image: ResolvedImage
  /** The extracted root filesystem, inside the scan's private work directory. */
  root: string
  /** Undefined when the image has no os-release (then only `--content` can choose the content). */
  os: OsRelease | undefined
  layers: ApplyResult
  /** What the scan adds to the image's view of its dpkg database (issue 12). */
  packageView: PackageView
  /** Files added to the image's view through the sandbox's upper layer (`packages/upper-layer.ts`). */
  upperDir?: string
}

const maxOsReleaseBytes = 64 * 1024

/**
 * Image source → verified blobs → safe layer applier → root filesystem. On any error the caller's
 * work directory (which holds the root) is removed by the caller; an image that opened is closed
 * here before rethrowing.
 */
export async function prepareRoot(
  context: StepContext,
  openedImage: ResolvedImage | undefined
): Promise<PreparedImage> {
  const image = openedImage ?? (await openSourceImage(context, context.workDir))
  return extractRoot(context, image, context.workDir, context.scanner)
}

/** Image source → verified blobs, without extracting anything (the result cache needs only this). */
export async function openSourceImage(
  context: IntakeContext,
  workDir: string
): Promise<ResolvedImage> {
  const {progress, signal, logger, settings} = context
  const reference = parseImageReference(settings.image)
  progress.phase('reading', reference.raw)
  return openImage(reference, {
    platform: settings.platform,
    workDir: join(workDir, 'image'),
    signal,
    ...(settings.registry === undefined ? {} : {registry: settings.registry}),
    ...(settings.daemon === undefined ? {} : {daemon: settings.daemon}),
    log: message => logger.debug(message)
  })
}

/**
 * Verified blobs → root filesystem; closes the image on error. `scanner` (the oscap that will
 * scan the root) decides the workarounds of its package probes; without it, none.
 */
export async function extractRoot(
  services: StepServices,
  image: ResolvedImage,
  workDir: string,
  scanner?: ScannerEnvironment
): Promise<PreparedImage> {
  const {progress, signal, logger} = services
  const reference = image.reference
  try {
    logger.debug(
      `image ${reference.raw}: config ${image.configDigest}, ${image.layers.length} layers`
    )
    const root = join(workDir, 'root')
    await mkdir(root, {mode: 0o700})
    progress.phase('extracting', `${image.layers.length} layers`)
    const perLayer = new Map<number, number>()
    const layers = await applyLayers({
      root,
      layers: image.layers,
      signal,
      onProgress: (layerIndex, bytes) => {
        perLayer.set(layerIndex, bytes)
        let total = 0
        for (const value of perLayer.values()) total += value
        progress.progress('extracting', total)
      }
    })
    const os = await readOsRelease(path => readFileInRoot(root, path, maxOsReleaseBytes))
    const packageView = await preparePackageView(root, os, logger, {
      ...(scanner?.selectionWorkaround === true ? {selectionsFor: scanner.oscapVersion} : {})
    })
    const upper = await stageUpperLayer(root, join(workDir, 'upper'), [
      ...packageView.files,
      {path: IMAGE_FACTS_PATH, content: imageFactsText(image.config), own: true}
    ])
    for (const path of upper.refused) {
      logger.warning(
        `${path} cannot be added to the scan's view of the image (a link is in the way)`
      )
    }
    return {
      image,
      root,
      os,
      layers,
      packageView,
      ...(upper.dir === undefined ? {} : {upperDir: upper.dir})
    }
  } catch (error) {
    await image.close()
    throw error
  }
}
