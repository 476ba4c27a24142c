/**
 * One sticky PR comment per set of images, found again by a hidden marker and updated in place
 * on every push. The body is built from each image's `summary.md`, with what a reviewer needs
 * first: new failures, then waived, expired and fixed rules. GitHub rejects bodies over 65,536
 * code points ("Body is too long"), so the body is cut below that with a note. Rule ids, titles,
 * image names and policy text are placed with the core's escaping layer (a code span or escaped
 * Markdown text), so none of them can ping anyone, link or inject HTML.
 */
import {createHash} from 'node:crypto'
import {
  codeSpan,
  markdownDocument,
  markdownLink,
  markdownText,
  type GateVerdict,
  type ScanResults
} from '@scapgate/core'
import type {GitHubApi} from './github-api.js'
import {cutText} from './text-limits.js'

export const commentLimit = 65_536

export interface CommentImage {
  image: string
  results?: ScanResults
  verdict?: GateVerdict
  summaryMarkdown: string
  /** The scan did not complete: the message (already safe to show). */
  error?: string
}

/** The marker is keyed by the image list, so matrix jobs each keep their own comment. */
export function commentMarker(images: readonly string[]): string {
  const key = createHash('sha256')
    .update([...images].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)
  return `<!-- scapgate-pr-comment ${key} -->`
}

function titleOf(results: ScanResults | undefined, id: string): string {
  const rule = results?.rules.find(r => r.id === id)
  return rule === undefined
    ? codeSpan(id)
    : `${codeSpan(rule.shortId)} ${markdownText(rule.title)} (${rule.severity})`
}

function section(heading: string, lines: string[], max = 50): string[] {
  if (lines.length === 0) return []
  const shown = lines.slice(0, max)
  return [
    `#### ${heading} (${lines.length})`,
    '',
    ...shown.map(l => `- ${l}`),
    ...(lines.length > max ? [`- … and ${lines.length - max} more`] : []),
    ''
  ]
}

function imageHighlights(item: CommentImage): string[] {
  const {verdict, results} = item
  if (verdict === undefined) return []
  const changes = verdict.baseline?.changes
  const fresh = [...(changes?.['new-failure'] ?? []), ...(changes?.regression ?? [])]
  return [
    ...section(
      '🆕 New failures',
      fresh.map(id => titleOf(results, id))
    ),
    ...section(
      '🛡️ Waived',
      verdict.waivers.applied.map(
        w =>
          `${w.ruleIds.map(id => titleOf(results, id)).join(', ') || codeSpan(w.rule)}: ${markdownText(w.reason)} (approved by ${markdownText(w.approver)}, until ${markdownText(w.expires)})`
      )
    ),
    ...section(
      '⏰ Expired waivers',
      verdict.waivers.expired.map(
        w => `${codeSpan(w.rule)}: expired ${markdownText(w.expires)} (${markdownText(w.reason)})`
      )
    ),
    ...section(
      '✅ Fixed',
      (changes?.fixed ?? []).map(id => titleOf(results, id))
    )
  ]
}

/** The whole comment: marker, one block per image (highlights, then its summary folded). */
export function renderComment(
  marker: string,
  items: readonly CommentImage[],
  runUrl: string
): string {
  const failed = items.filter(i => i.verdict?.status !== 'pass').length
  const head = [
    marker,
    `### scapgate: ${failed === 0 ? '✅ compliance gate passed' : `❌ compliance gate failed for ${failed} of ${items.length} image${items.length === 1 ? '' : 's'}`}`,
    ''
  ]
  const blocks = items.map(item => {
    const status =
      item.error !== undefined
        ? '⚠️ not scanned'
        : item.verdict?.status === 'pass'
          ? '✅ passed'
          : '❌ failed'
    return [
      `#### ${codeSpan(item.image)}: ${status}${item.verdict === undefined ? '' : ` · ${markdownText(item.verdict.summary)}`}`,
      '',
      ...(item.error === undefined ? [] : [markdownText(item.error), '']),
      ...imageHighlights(item),
      '<details><summary>Full summary</summary>',
      '',
      item.summaryMarkdown.trim(),
      '',
      '</details>',
      ''
    ].join('\n')
  })
  const foot = `\n${markdownLink('Workflow run, artifacts and the full reports', runUrl)}\n`
  const note = `\n\n… (cut: GitHub comments hold at most 65,536 characters; the full summaries are in the job summary and the artifacts)\n${foot}`
  return cutText(
    markdownDocument(`${head.join('\n')}\n${blocks.join('\n')}${foot}`),
    commentLimit - 1,
    note
  )
}

interface IssueComment {
  id: number
  body?: string
  user?: {type?: string} | null
}

/** Creates the comment, or updates the one carrying `marker` that a bot wrote. */
export async function upsertComment(
  api: GitHubApi,
  target: {owner: string; repo: string; number: number},
  marker: string,
  body: string
): Promise<'created' | 'updated'> {
  const repoPath = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`
  let existing: IssueComment | undefined
  for (let page = 1; page <= 20 && existing === undefined; page += 1) {
    const {data} = await api.request<IssueComment[]>(
      'GET',
      `${repoPath}/issues/${target.number}/comments?per_page=100&page=${page}`
    )
    if (!Array.isArray(data)) break
    existing = data.find(
      c => typeof c.body === 'string' && c.body.startsWith(marker) && c.user?.type === 'Bot'
    )
    if (data.length < 100) break
  }
  if (existing !== undefined) {
    await api.request('PATCH', `${repoPath}/issues/comments/${existing.id}`, {body})
    return 'updated'
  }
  await api.request('POST', `${repoPath}/issues/${target.number}/comments`, {body})
  return 'created'
}
