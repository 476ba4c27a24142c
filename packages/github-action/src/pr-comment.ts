/**
 * One sticky PR comment per set of images, found again by a hidden marker and updated in place
 * on every push. The body is built from each image's `summary.md`, cut at its fold: above it the
 * score, the review counts, the gating rules (new first, locations linked) and the trend; the
 * details stay folded. GitHub rejects bodies over 65,536
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
  splitSummary,
  type GateVerdict,
  type ScanResults
} from '@scapgate/core'
import type {GitHubApi} from './github-api.js'
import {codePointLength, cutText} from './text-limits.js'

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

/** `❌ `image` · score 71.30/100 · 6 failing`: the one line per image of a multi-image comment. */
function imageLine(item: CommentImage): string {
  const {results, verdict} = item
  if (item.error !== undefined || results === undefined || verdict === undefined)
    return `- ⚠️ ${codeSpan(item.image)}: not scanned`
  const status = verdict.status === 'pass' ? '✅' : '❌'
  return `- ${status} ${codeSpan(item.image)} · score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)} · ${results.counts.fail} failing`
}

interface Block {
  /** Heading and what a reviewer reads first: the score, counts, gating rules, trend. */
  above: string
  /** The folded details, or '' once dropped for size. */
  details: string
}

function imageBlock(item: CommentImage, several: boolean): Block {
  if (item.error !== undefined)
    return {
      above: `#### ${codeSpan(item.image)}: ⚠️ not scanned\n\n${markdownText(item.error)}`,
      details: ''
    }
  const {above, details} = splitSummary(item.summaryMarkdown)
  // The image's own `## ✅/❌ Compliance gate …` heading: the comment's heading says it already.
  const body = above.replace(/^## .*\n+/, '')
  return {above: several ? `#### ${codeSpan(item.image)}\n\n${body}` : body, details}
}

/**
 * The whole comment: marker, heading, then per image what a reviewer decides from (score, counts,
 * the gating rules with linked locations, the trend) with the rest folded. With several images,
 * one line per image first, then a block only for the images that failed or were not scanned.
 * Over GitHub's limit the folded details go first (last image first), then the text is cut.
 */
export function renderComment(
  marker: string,
  items: readonly CommentImage[],
  runUrl: string
): string {
  const failed = items.filter(i => i.verdict?.status !== 'pass').length
  const several = items.length > 1
  const head = [
    marker,
    `### scapgate: ${failed === 0 ? '✅ compliance gate passed' : `❌ compliance gate failed for ${failed} of ${items.length} image${items.length === 1 ? '' : 's'}`}`,
    '',
    ...(several ? [...items.map(imageLine), ''] : [])
  ]
  const shown = several ? items.filter(i => i.verdict?.status !== 'pass') : items
  const blocks = shown.map(item => imageBlock(item, several))
  const foot = `\n${markdownLink('Workflow run, artifacts and the full reports', runUrl)}\n`
  const render = (): string =>
    markdownDocument(
      `${head.join('\n')}\n${blocks
        .map(b => `${b.above}\n\n${b.details === '' ? '' : `${b.details}\n\n`}`)
        .join('')}${foot}`
    )
  let body = render()
  for (let i = blocks.length - 1; i >= 0 && codePointLength(body) > commentLimit - 1; i -= 1) {
    const block = blocks[i] as Block
    if (block.details === '') continue
    block.details = '_Details are in the job summary and the artifact._'
    body = render()
  }
  const note = `\n\n… (cut: GitHub comments hold at most 65,536 characters; the full summaries are in the job summary and the artifacts)\n${foot}`
  return cutText(body, commentLimit - 1, note)
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
