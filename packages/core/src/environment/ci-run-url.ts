/**
 * The URL of the CI run a scan belongs to, as each CI states it: GitHub Actions
 * (`GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID`), GitLab (`CI_JOB_URL`),
 * Jenkins (`BUILD_URL`). Recorded in attestations (`predicate.url`); undefined outside CI or
 * when the value is not an http(s) URL.
 */
export function ciRunUrl(env: NodeJS.ProcessEnv): string | undefined {
  const {GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run} = env
  const candidates = [
    server !== undefined && repo !== undefined && run !== undefined
      ? `${server}/${repo}/actions/runs/${run}`
      : undefined,
    env.CI_JOB_URL,
    env.BUILD_URL
  ]
  return candidates.find(url => url !== undefined && /^https?:\/\/[^\s]+$/.test(url))
}
