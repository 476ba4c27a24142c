/** Annotations that name an image in an OCI layout (plain tag) or a containerd/Docker 25 export (full ref). */
export const refNameAnnotation = 'org.opencontainers.image.ref.name'
export const containerdNameAnnotation = 'io.containerd.image.name'

/**
 * Docker's familiar-name expansion, enough to compare names: `busybox` →
 * `docker.io/library/busybox:latest`, `me/app:1` → `docker.io/me/app:1`.
 */
export function normalizeImageName(name: string): string {
  let full = name
  const slash = full.indexOf('/')
  const first = slash < 0 ? '' : full.slice(0, slash)
  if (slash < 0) full = `docker.io/library/${full}`
  else if (!first.includes('.') && !first.includes(':') && first !== 'localhost')
    full = `docker.io/${full}`
  const last = full.slice(full.lastIndexOf('/') + 1)
  if (!last.includes(':') && !last.includes('@')) full = `${full}:latest`
  return full
}

/** Whether a recorded name (repo tag or ref name) is what the user asked for. */
export function nameMatches(recorded: string, wanted: string): boolean {
  if (recorded === wanted) return true
  return normalizeImageName(recorded) === normalizeImageName(wanted)
}

/** `@N`: the N-th image of the archive (0-based), as containers/image accepts. */
export function parseSourceIndex(ref: string): number | undefined {
  const match = /^@(\d{1,6})$/.exec(ref)
  return match ? Number(match[1]) : undefined
}
