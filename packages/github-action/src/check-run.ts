/**
 * The check run "scapgate: IMAGE": its conclusion follows the gate, and its annotations sit on
 * the blamed Dockerfile lines. The Checks API takes 50 annotations per request; the rest are
 * appended by updating the run (https://docs.github.com/en/rest/checks/runs). Output summary and
 * text are limited to 65,535 characters each.
 */
import type {GitHubApi} from './github-api.js'
import type {Finding} from './findings.js'
import {cutText} from './text-limits.js'

export const annotationsPerRequest = 50
export const checkOutputLimit = 65_535

export interface CheckRunInput {
  owner: string
  repo: string
  name: string
  headSha: string
  conclusion: 'success' | 'failure' | 'neutral'
  title: string
  summary: string
  text?: string
  detailsUrl?: string
  findings: readonly Finding[]
}

function toAnnotation(finding: Finding): Record<string, unknown> {
  return {
    path: finding.path,
    start_line: finding.startLine,
    end_line: finding.endLine,
    annotation_level: finding.level,
    title: finding.title.slice(0, 255),
    message: cutText(finding.message, 60_000, '…')
  }
}

/** Creates the completed check run, then appends the remaining annotations 50 at a time. */
export async function publishCheckRun(
  api: GitHubApi,
  input: CheckRunInput
): Promise<{id: number; requests: number}> {
  const annotations = input.findings.map(toAnnotation)
  const output = {
    title: input.title.slice(0, 255),
    summary: cutText(
      input.summary,
      checkOutputLimit,
      '\n\n… (cut: the check output is limited to 65,535 characters; see the job summary and artifacts)'
    ),
    ...(input.text === undefined
      ? {}
      : {text: cutText(input.text, checkOutputLimit, '\n\n… (cut)')})
  }
  const base = `/repos/${encodeURIComponent(input.owner)}/${encodeURIComponent(input.repo)}/check-runs`
  const created = await api.request<{id: number}>('POST', base, {
    name: input.name,
    head_sha: input.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    completed_at: new Date().toISOString(),
    ...(input.detailsUrl === undefined ? {} : {details_url: input.detailsUrl}),
    output: {...output, annotations: annotations.slice(0, annotationsPerRequest)}
  })
  const id = created.data.id
  let requests = 1
  for (
    let start = annotationsPerRequest;
    start < annotations.length;
    start += annotationsPerRequest
  ) {
    await api.request('PATCH', `${base}/${id}`, {
      output: {
        title: output.title,
        summary: output.summary,
        annotations: annotations.slice(start, start + annotationsPerRequest)
      }
    })
    requests += 1
  }
  return {id, requests}
}
