/**
 * The image sources: one row per transport, the single list that reference parsing
 * (`reference.ts`), opening (`open-image.ts`), output directory names (`imageSlugs`) and the
 * README's IMAGE forms are derived from or checked against. Adding a source is adding a row here
 * (and its opener in `source-openers.ts`); `image-sources.test.ts` checks the README lists it.
 */
import {DirectorySource} from './blob-source.js'
import {loadDockerArchive} from './docker-archive.js'
import {pullRegistryImage} from './registry/pull-image.js'
import {
  loadLayout,
  openArchive,
  openDockerDaemon,
  openPodmanStore,
  type OpenedParts
} from './source-openers.js'
import type {ImageReference, ImageTransport, OpenImageOptions} from './types.js'

export interface ImageSource {
  transport: ImageTransport
  /**
   * The scheme written before `:` (`docker-archive`); the registry's is `docker` (`docker://`),
   * and a bare reference has none.
   */
  scheme: string
  /**
   * How the text after `SCHEME:` is parsed: `path` is `PATH[:REF]` (split at the first colon, as
   * containers/image does), `name` an image name in the docker reference grammar.
   */
  remainder: 'path' | 'name'
  /** The accepted form, for messages and help: `docker-archive:PATH[:REF]`. */
  form: string
  /**
   * Reads the image into verified parts. Files it creates go to `options.workDir` and are pushed
   * on `created` first, so `close()` (or a failure) removes them.
   */
  open: (ref: ImageReference, options: OpenImageOptions, created: string[]) => Promise<OpenedParts>
}

export const imageSources: readonly ImageSource[] = [
  {
    transport: 'docker-archive',
    scheme: 'docker-archive',
    remainder: 'path',
    form: 'docker-archive:PATH[:REF]',
    open: async (ref, options, created) =>
      loadDockerArchive(await openArchive(ref, options, created), ref.ref, options.signal)
  },
  {
    transport: 'oci-archive',
    scheme: 'oci-archive',
    remainder: 'path',
    form: 'oci-archive:PATH[:REF]',
    open: async (ref, options, created) =>
      loadLayout(
        await openArchive(ref, options, created),
        ref.ref,
        options.platform,
        options.signal
      )
  },
  {
    transport: 'oci',
    scheme: 'oci',
    remainder: 'path',
    form: 'oci:DIR[:REF]',
    open: async (ref, options) =>
      loadLayout(
        await DirectorySource.open(ref.path, ref.raw),
        ref.ref,
        options.platform,
        options.signal
      )
  },
  {
    transport: 'docker-daemon',
    scheme: 'docker-daemon',
    remainder: 'name',
    form: 'docker-daemon:NAME[:TAG]',
    open: openDockerDaemon
  },
  {
    transport: 'podman',
    scheme: 'podman',
    remainder: 'name',
    form: 'podman:NAME[:TAG]',
    open: openPodmanStore
  },
  {
    transport: 'registry',
    scheme: 'docker',
    remainder: 'name',
    form: '[docker://]REGISTRY/NAME[:TAG][@DIGEST]',
    open: (ref, options, created) => pullRegistryImage(ref, options, dir => created.push(dir))
  }
]

/** The source of a transport; every `ImageTransport` has one. */
export function imageSource(transport: ImageTransport): ImageSource {
  const source = imageSources.find(s => s.transport === transport)
  if (source === undefined) throw new Error(`no image source for transport ${transport}`)
  return source
}

const schemePrefix = new RegExp(
  `^(${imageSources.map(s => s.scheme.replace(/[^a-z-]/g, '')).join('|')}):(//)?`
)

/**
 * The name of each image's outputs directory: the last path component without the source's
 * scheme or an archive suffix. `docker-archive:/builds/app.tar` → `app`; `oci:./layout:api-1.0`
 * → `api-1.0`; made unique by `-2`, `-3`. Reads the text only, never the image.
 */
export function imageSlugs(images: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return images.map(raw => {
    const withoutTransport = raw.replace(schemePrefix, '')
    const last =
      withoutTransport
        .split('/')
        .filter(part => part !== '')
        .pop() ?? 'image'
    const base =
      last
        .replace(/\.(docker\.tar|oci\.tar|tar\.gz|tgz|tar)$/i, '')
        .replace(/\.(docker\.tar|oci\.tar|tar)(?=:)/i, '')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|-+$/g, '')
        .slice(0, 80) || 'image'
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  })
}
