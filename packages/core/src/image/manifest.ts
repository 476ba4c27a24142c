import {InvalidImageError, sanitizeForDisplay} from '../errors.js'
import {describeValue, isRecord, parseDescriptor, parseJson, type Descriptor} from './descriptor.js'
import {
  configMediaTypes,
  indexMediaTypes,
  layerMediaTypes,
  manifestMediaTypes,
  schema1MediaTypes
} from './media-types.js'

export interface IndexDocument {
  kind: 'index'
  mediaType: string
  manifests: Descriptor[]
}

export interface ManifestDocument {
  kind: 'manifest'
  mediaType: string
  config: Descriptor
  layers: Descriptor[]
}

function shown(mediaType: string): string {
  return `\`${sanitizeForDisplay(mediaType, 120)}\``
}

function descriptors(value: unknown, what: string): Descriptor[] {
  // `null` is what Docker 25 writes for an empty list (moby#47065, moby#47210).
  if (value === null || value === undefined) return []
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what)
  return value.map((entry, i) => parseDescriptor(entry, `${what}[${i}]`))
}

/**
 * Parses an image index or image manifest. `expected` is the media type of the descriptor that
 * led here (undefined for a layout's `index.json`); the embedded `mediaType`, when present, must
 * equal it (image-spec v1.0.2, CVE-2021-41190). A document with both `manifests` and
 * `layers`/`config` is refused as ambiguous. Schema1 and non-image artifacts are refused by name.
 * It does not read or check the blobs the document points at.
 */
export function parseManifestDocument(
  data: Buffer,
  expected: string | undefined,
  what: string
): IndexDocument | ManifestDocument {
  const json = parseJson(data, what)
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    )
  const embedded = typeof json.mediaType === 'string' ? json.mediaType : undefined
  for (const type of [expected, embedded]) {
    if (type !== undefined && schema1MediaTypes.includes(type)) {
      throw new InvalidImageError(
        `${what} has media type ${shown(type)}: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        what
      )
    }
  }
  if (json.schemaVersion === 1) {
    throw new InvalidImageError(
      `${what} is a Docker schema1 manifest (schemaVersion 1), which is not supported; convert the image with a current docker or skopeo`,
      what
    )
  }
  if (json.schemaVersion !== 2) {
    throw new InvalidImageError(
      `${what}: expected schemaVersion 2, found ${describeValue(json.schemaVersion)}`,
      what
    )
  }
  if ('manifests' in json && ('layers' in json || 'config' in json)) {
    throw new InvalidImageError(
      `${what} has both \`manifests\` and \`layers\`/\`config\`; refusing an ambiguous document (CVE-2021-41190)`,
      what
    )
  }
  if (expected !== undefined && embedded !== undefined && expected !== embedded) {
    throw new InvalidImageError(
      `${what}: the descriptor says media type ${shown(expected)} but the document says ${shown(embedded)}`,
      what
    )
  }
  const mediaType =
    embedded ?? expected ?? ('manifests' in json ? indexMediaTypes[0] : manifestMediaTypes[0]) ?? ''
  if (indexMediaTypes.includes(mediaType)) {
    if ('layers' in json || 'config' in json)
      throw new InvalidImageError(`${what}: an index must not have \`layers\` or \`config\``, what)
    return {kind: 'index', mediaType, manifests: descriptors(json.manifests, `${what} manifests`)}
  }
  if (!manifestMediaTypes.includes(mediaType)) {
    throw new InvalidImageError(
      `${what} has media type ${shown(mediaType)}, which is not a container image manifest or index`,
      what
    )
  }
  if ('manifests' in json)
    throw new InvalidImageError(`${what}: an image manifest must not have \`manifests\``, what)
  const config = parseDescriptor(json.config, `${what} config`)
  if (!configMediaTypes.includes(config.mediaType)) {
    throw new InvalidImageError(
      `${what} is not a container image: its config has media type ${shown(config.mediaType)} (an OCI artifact?)`,
      what
    )
  }
  const layers = descriptors(json.layers, `${what} layers`)
  layers.forEach((layer, i) => {
    if (!layerMediaTypes.has(layer.mediaType)) {
      throw new InvalidImageError(
        `${what}: layer ${i} has unsupported media type ${shown(layer.mediaType)}`,
        what
      )
    }
  })
  return {kind: 'manifest', mediaType, config, layers}
}
