import {ConfigurationError, sanitizeForDisplay} from '../errors.js'

/**
 * A registry image reference after Docker's normalisation: `alpine` →
 * `docker.io/library/alpine:latest`. `domain` is what the user named (`docker.io` for Docker Hub);
 * {@link registryHost} maps it to the host that serves the API.
 */
export interface DockerReference {
  /** `host[:port]`, lower-cased host: `registry.example.com:5000`, `docker.io`, `localhost`. */
  domain: string
  /** `library/alpine`, `ns/app`. */
  repository: string
  tag?: string
  /** `sha256:<64 hex>`; when both are given the digest selects and the tag is informational. */
  digest?: string
}

// The grammar of distribution/reference (reference/regexp.go), with sha256 as the only digest.
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domainPattern = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?$`
)
const pathPattern = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`)
const tagPattern = /^[\w][\w.-]{0,127}$/
const digestPattern = /^sha256:[a-f0-9]{64}$/
const maxNameLength = 255

function invalid(raw: string, argument: string, problem: string): never {
  throw new ConfigurationError(
    `Expected \`${argument}\` to be an image reference such as alpine:3.19, registry.example.com/ns/app:tag or NAME@sha256:<digest>; ${problem} in \`${sanitizeForDisplay(raw, 200)}\``
  )
}

/**
 * Parses `[DOMAIN/]PATH[:TAG][@sha256:DIGEST]` as `docker pull` does. It never produces anything
 * that starts with `-` (so a reference cannot be mistaken for a CLI flag) and contains no
 * whitespace, quotes or shell metacharacters. Only sha256 digests are accepted (CVE-2024-3727).
 * @throws ConfigurationError naming `argument`, the accepted form and the value.
 */
export function parseDockerReference(raw: string, argument = 'image'): DockerReference {
  if (raw === '') invalid(raw, argument, 'the reference is empty')
  let rest = raw
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!digestPattern.test(digest))
      invalid(raw, argument, 'the digest is not sha256:<64 lowercase hex digits>')
  }
  let tag: string | undefined
  const lastSlash = rest.lastIndexOf('/')
  const colon = rest.indexOf(':', lastSlash + 1)
  if (colon >= 0) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!tagPattern.test(tag))
      invalid(raw, argument, `the tag \`${sanitizeForDisplay(tag, 60)}\` is not valid`)
  }
  if (rest.length > maxNameLength)
    invalid(raw, argument, `the name is longer than ${maxNameLength} characters`)
  const slash = rest.indexOf('/')
  const first = slash < 0 ? '' : rest.slice(0, slash)
  const hasDomain =
    slash >= 0 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase())
  let domain = hasDomain ? first : 'docker.io'
  let repository = hasDomain ? rest.slice(slash + 1) : rest
  if (hasDomain && !domainPattern.test(domain))
    invalid(
      raw,
      argument,
      `the registry \`${sanitizeForDisplay(domain, 80)}\` is not a host[:port]`
    )
  if (!pathPattern.test(repository)) {
    invalid(
      raw,
      argument,
      `the repository \`${sanitizeForDisplay(repository, 120)}\` is not lower-case path components`
    )
  }
  domain = domain.toLowerCase()
  if (domain === 'index.docker.io') domain = 'docker.io'
  if (domain === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`
  if (tag === undefined && digest === undefined) tag = 'latest'
  const reference: DockerReference = {domain, repository}
  if (tag !== undefined) reference.tag = tag
  if (digest !== undefined) reference.digest = digest
  return reference
}

/** `docker.io/library/alpine:3.19`, `host:5000/app@sha256:…`, `host/app:1@sha256:…`. */
export function formatDockerReference(reference: DockerReference): string {
  let text = `${reference.domain}/${reference.repository}`
  if (reference.tag !== undefined) text += `:${reference.tag}`
  if (reference.digest !== undefined) text += `@${reference.digest}`
  return text
}

/** The host that serves the Distribution API for `domain` (Docker Hub's differs from its name). */
export function registryHost(domain: string): string {
  return domain === 'docker.io' ? 'registry-1.docker.io' : domain
}
