/**
 * Links from a finding's location (`Dockerfile:3`) to the file at the commit under review. The
 * CI adapter knows its platform and passes the base as plain data (core reads no CI variables):
 *
 * - GitHub: `${GITHUB_SERVER_URL}/${owner}/${repo}/blob/${head SHA}/` (the PR's head, not the
 *   merge commit GITHUB_SHA names);
 * - GitLab: `${CI_PROJECT_URL}/-/blob/${CI_COMMIT_SHA}/`.
 *
 * Locations are repository-relative paths (blame/attribute.ts); anything absolute or climbing
 * out with `..` gets no link.
 */
import type {SourceLocation} from '../blame/types.js'

export interface SourceLinks {
  /** The blob URL of the repository root at the commit, ending in `/`. */
  blobBase: string
}

/** `${GITHUB_SERVER_URL}/OWNER/REPO/blob/SHA/`. */
export function githubBlobBase(
  serverUrl: string,
  owner: string,
  repo: string,
  sha: string
): string {
  return `${serverUrl.replace(/\/+$/, '')}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/blob/${encodeURIComponent(sha)}/`
}

/** `${CI_PROJECT_URL}/-/blob/SHA/`. */
export function gitlabBlobBase(projectUrl: string, sha: string): string {
  return `${projectUrl.replace(/\/+$/, '')}/-/blob/${encodeURIComponent(sha)}/`
}

/** The URL of `location` at its line, or undefined when there is no base or no safe path. */
export function sourceUrl(
  links: SourceLinks | undefined,
  location: SourceLocation
): string | undefined {
  if (links === undefined || !/^https?:\/\//i.test(links.blobBase)) return undefined
  const path = location.uri
  if (path === '' || path.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined
  const segments = path.split('/')
  if (segments.some(s => s === '..' || s === '')) return undefined
  const base = links.blobBase.endsWith('/') ? links.blobBase : `${links.blobBase}/`
  const line =
    Number.isSafeInteger(location.startLine) && location.startLine > 0 ? location.startLine : 1
  return `${base}${segments.map(encodeURIComponent).join('/')}#L${line}`
}
