import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {formatDockerReference, parseDockerReference} from './docker-reference.js'
import {imageSource, imageSources} from './image-sources.js'
import type {ImageReference, ImageTransport} from './types.js'

/** The transports written as `TRANSPORT:…` (a registry reference has none), in the registry's order. */
export const supportedTransports: readonly ImageTransport[] = imageSources
  .filter(source => source.transport !== 'registry')
  .map(source => source.transport)

const acceptedForms = `${imageSources
  .filter(source => source.transport !== 'registry')
  .map(source => source.form)
  .join(', ')} or a registry reference (${imageSource('registry').form})`

/** Transports whose remainder is an image name, validated with the docker reference grammar. */
const namedTransports: readonly string[] = supportedTransports.filter(
  transport => imageSource(transport).remainder === 'name'
)

/** Repo tags (`registry:5000/a/b:tag`), OCI ref names (`v1.0`, `latest`) and `@N` archive indexes. */
const refPattern = /^[A-Za-z0-9_@][A-Za-z0-9._:@/+-]*$/

function isTransport(value: string): value is ImageTransport {
  return (supportedTransports as readonly string[]).includes(value)
}

function namedReference(
  transport: ImageTransport,
  name: string,
  raw: string,
  argument: string
): ImageReference {
  const reference = parseDockerReference(name, argument)
  return {transport, path: formatDockerReference(reference), raw}
}

/**
 * Parses the `IMAGE` argument:
 * - `TRANSPORT:PATH[:REF]` for the archive forms, split at the first two colons as
 *   containers/image does (so PATH cannot contain `:`, REF may: `docker-archive:a.tar:busybox:1`);
 * - `docker-daemon:NAME[:TAG]` and `podman:NAME[:TAG]`, NAME in the docker reference grammar;
 * - `docker://REF` or a bare registry reference (`alpine`, `host:5000/ns/app:1`, `…@sha256:…`),
 *   normalised as docker does. A bare `word:x` whose `word` is no transport is a Docker Hub
 *   reference (`alpine:3.19`), exactly as `docker pull` reads it.
 *
 * It checks syntax only; it does not touch the filesystem or the network.
 * @throws ConfigurationError naming `argument`, the accepted forms and the value found.
 */
export function parseImageReference(raw: string, argument = 'image'): ImageReference {
  const shown = sanitizeForDisplay(raw, 200)
  const fail = (problem: string): never => {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be ${acceptedForms}; ${problem} in \`${shown}\``
    )
  }
  if (raw.startsWith('docker://')) return namedReference('registry', raw.slice(9), raw, argument)
  const colon = raw.indexOf(':')
  const transport = colon <= 0 ? '' : raw.slice(0, colon)
  if (namedTransports.includes(transport)) {
    return namedReference(transport as ImageTransport, raw.slice(colon + 1), raw, argument)
  }
  if (!isTransport(transport)) {
    if (colon <= 0 && /\.(?:tar|tar\.gz|tgz)$/.test(raw)) {
      // Valid as a Docker Hub name, but a user who types `app.tar` means the file.
      fail('it looks like an archive path; write docker-archive:PATH or oci-archive:PATH')
    }
    try {
      return namedReference('registry', raw, raw, argument)
    } catch (error) {
      // Not a registry reference either: for `word:…` input a wrong transport is the likelier
      // mistake, so say that; otherwise the grammar error stands.
      if (!/^[a-z][a-z0-9-]*$/.test(transport)) throw error
    }
    return fail(
      `unknown transport \`${sanitizeForDisplay(transport, 40)}\` (supported: ${supportedTransports.join(', ')})`
    )
  }
  const rest = raw.slice(colon + 1)
  const second = rest.indexOf(':')
  const path = second < 0 ? rest : rest.slice(0, second)
  const ref = second < 0 ? undefined : rest.slice(second + 1)
  if (path === '') fail('the path is empty')
  if (/[\u0000-\u001f\u007f]/.test(path)) fail('the path contains control characters')
  if (ref !== undefined && (ref.length > 255 || !refPattern.test(ref))) {
    fail(`REF \`${sanitizeForDisplay(ref, 60)}\` is not a tag, ref name or @N index`)
  }
  return ref === undefined ? {transport, path, raw} : {transport, path, ref, raw}
}
