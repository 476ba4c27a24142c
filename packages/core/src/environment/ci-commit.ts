/**
 * The commit a CI job built, for the verdict's provenance (`gate.provenance.commit`): the first
 * of `GITHUB_SHA`, `CI_COMMIT_SHA` (GitLab) and `GIT_COMMIT` (Jenkins' git plugin) that is a
 * hexadecimal commit id. Absent outside CI. `SCAPGATE_COMMIT` (any CI, or to override) is an
 * option of the option table, read and checked there; its value wins over this one.
 */
export function ciCommit(env: NodeJS.ProcessEnv): string | undefined {
  for (const name of ['GITHUB_SHA', 'CI_COMMIT_SHA', 'GIT_COMMIT']) {
    const value = env[name]?.trim().toLowerCase()
    if (value !== undefined && /^[0-9a-f]{7,64}$/.test(value)) return value
  }
  return undefined
}
