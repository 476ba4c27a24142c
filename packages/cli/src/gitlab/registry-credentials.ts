/**
 * In a GitLab job, images in the project's own registry (`$CI_REGISTRY`) are pulled with the job's
 * registry credentials (`CI_REGISTRY_USER`, `CI_REGISTRY_PASSWORD`), and only then: they are
 * never offered to another registry, so every image must live there. Credentials the user gave
 * (`--username`, `SCAPGATE_REGISTRY_USERNAME`) win. Outside GitLab (`CI_REGISTRY` unset) nothing.
 */
export function gitlabRegistryCredentials(
  env: Readonly<Record<string, string | undefined>>,
  images: readonly string[],
  username: string | undefined
): {username: string; password: string} | undefined {
  const registry = env['CI_REGISTRY'] ?? ''
  if (registry === '' || username !== undefined || images.length === 0) return undefined
  const inProjectRegistry = images.every(image =>
    image.replace(/^docker:\/\//, '').startsWith(`${registry}/`)
  )
  if (!inProjectRegistry) return undefined
  return {username: env['CI_REGISTRY_USER'] ?? '', password: env['CI_REGISTRY_PASSWORD'] ?? ''}
}
