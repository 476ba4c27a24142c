import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {ensureDebianImage, type DebianImage} from '../../test/support/debian-image.js'

export const debianContent = '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml'

let cached: Promise<DebianImage> | undefined

/** The real Debian 11 image of the integration tests, built on first use (about a minute). */
export function debianImage(log: (line: string) => void): Promise<DebianImage> {
  cached ??= ensureDebianImage({log: line => log(`  build: ${line}`)})
  return cached
}

export function requireFile(path: string, what: string): void {
  if (!existsSync(path)) throw new Error(`Expected ${what} at ${path}, found nothing`)
}

/** Paths of the gzip layer blobs of the image's OCI layout, base first. */
export async function ociLayerBlobs(image: DebianImage): Promise<string[]> {
  const index = JSON.parse(await readFile(join(image.ociDir, 'index.json'), 'utf8')) as {
    manifests: {digest: string}[]
  }
  const manifestDigest = index.manifests[0]?.digest
  if (manifestDigest === undefined)
    throw new Error(`Expected a manifest in ${image.ociDir}/index.json`)
  const blob = (digest: string): string => join(image.ociDir, 'blobs', ...digest.split(':'))
  const manifest = JSON.parse(await readFile(blob(manifestDigest), 'utf8')) as {
    layers: {digest: string}[]
  }
  return manifest.layers.map(layer => blob(layer.digest))
}
