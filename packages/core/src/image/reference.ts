import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import type {ImageReference, ImageTransport} from './types.js'

export const supportedTransports: readonly ImageTransport[] = [
  'docker-archive',
  'oci-archive',
  'oci'
]

const acceptedForms = 'docker-archive:PATH[:REF], oci-archive:PATH[:REF] or oci:DIR[:REF]'

/** Repo tags (`registry:5000/a/b:tag`), OCI ref names (`v1.0`, `latest`) and `@N` archive indexes. */
const refPattern = /^[A-Za-z0-9_@][A-Za-z0-9._:@/+-]*$/

function isTransport(value: string): value is ImageTransport {
  return (supportedTransports as readonly string[]).includes(value)
}

/**
 * Parses the `IMAGE` argument: `TRANSPORT:PATH[:REF]`, split at the first two colons as
 * containers/image does (so PATH cannot contain `:`, REF may: `docker-archive:a.tar:busybox:1`).
 * It checks syntax only; it does not touch the filesystem.
 * @throws ConfigurationError naming `argument`, the accepted forms and the value found.
 */
export function parseImageReference(raw: string, argument = 'image'): ImageReference {
  const shown = sanitizeForDisplay(raw, 200)
  const fail = (problem: string): never => {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be ${acceptedForms}; ${problem} in \`${shown}\``
    )
  }
  const colon = raw.indexOf(':')
  if (colon <= 0) return fail('no transport prefix')
  const transport = raw.slice(0, colon)
  if (!isTransport(transport)) {
    return fail(
      `unknown transport \`${sanitizeForDisplay(transport, 40)}\` (supported: ${supportedTransports.join(', ')})`
    )
  }
  const rest = raw.slice(colon + 1)
  const second = rest.indexOf(':')
  const path = second < 0 ? rest : rest.slice(0, second)
  const ref = second < 0 ? undefined : rest.slice(second + 1)
  if (path === '') fail('the path is empty')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) fail('the path contains control characters')
  if (ref !== undefined && (ref.length > 255 || !refPattern.test(ref))) {
    fail(`REF \`${sanitizeForDisplay(ref, 60)}\` is not a tag, ref name or @N index`)
  }
  return ref === undefined ? {transport, path, raw} : {transport, path, ref, raw}
}
