/**
 * The action's fleet modes (docs/fleets.md): `mode: plan` sets the `matrix` output for
 * `strategy.matrix`; `mode: merge` merges the matrix jobs' downloaded output sets through the
 * core (`mergeFleet`) and posts **one** check run ("scapgate: fleet") and **one** sticky PR
 * comment for the fleet, then ends with the fleet's verdict. The matrix jobs (`mode: scan`,
 * `fleet: true`) post neither (publish.ts).
 *
 * The artifacts are untrusted: the comment and check run are rendered from the validated
 * results (`renderSummary`), never from the jobs' own summary.md files.
 */
import {join} from 'node:path'
import * as core from '@actions/core'
import {
  getErrorMessage,
  githubMatrix,
  loadPolicy,
  localSize,
  mergeFleet,
  planShards,
  policyImages,
  renderSummary
} from '@scapgate/core'
import {publishCheckRun} from './check-run.js'
import {checkSha, readGitHubContext} from './github-context.js'
import {createGitHubApi, GitHubApiError} from './github-api.js'
import {getBooleanInput, getOptionalInput, listImages, readFleetInputs, type Env} from './inputs.js'
import {writeJobSummary} from './job-summary.js'
import {commentMarker, renderComment, upsertComment, type CommentImage} from './pr-comment.js'
import {runUrl} from './publish.js'
import {actionsLogger as logger, rawBlock} from './workflow-log.js'

/** The marker of the fleet's one comment: the same on every push, whatever the images. */
export const fleetCommentMarker = commentMarker(['scapgate-fleet'])

export type ActionMode = ReturnType<typeof readFleetInputs>['mode']

/** The input `mode` (the option table's `actionMode`): `scan` unless given. */
export function readMode(env: Env): ActionMode {
  return readFleetInputs(env).mode
}

async function runPlanMode(env: Env): Promise<{failure?: string}> {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  const images = listImages(env)
  if (images.length === 0) {
    const policy = await loadPolicy({path: getOptionalInput(env, 'policy'), cwd: workspace})
    if (policy !== undefined) images.push(...policyImages(policy))
  }
  const sized = await Promise.all(
    images.map(async image => {
      const size = await localSize(image, workspace)
      return size === undefined ? {image} : {image, size}
    })
  )
  const plan = planShards(sized, readFleetInputs(env).shards)
  const matrix = githubMatrix(plan)
  core.setOutput('matrix', matrix)
  core.setOutput('images', plan.images.map(i => i.image).join('\n'))
  logger.info(`plan: ${plan.images.length} images in ${plan.shards.length} shards`)
  rawBlock(matrix)
  return {}
}

async function runMergeMode(env: Env): Promise<{failure?: string}> {
  const context = await readGitHubContext(env)
  const fleet = readFleetInputs(env)
  const outDir = join(context.runnerTemp, 'scapgate-fleet')
  const merged = await mergeFleet({
    dirs: fleet.results,
    expect: listImages(env),
    allowMixed: fleet.allowMixed,
    cwd: context.workspace,
    outDir,
    logger
  })
  const {document, summaryMarkdown, jobs} = merged
  await writeJobSummary(summaryMarkdown)
  rawBlock(summaryMarkdown)
  core.setOutput('verdict', document.gate.status)
  core.setOutput('results-file', join(outDir, 'results.json'))

  const token = getOptionalInput(env, 'token') ?? ''
  if (token === '') logger.warning('no `token`: the fleet check run and PR comment are skipped')
  else {
    const api = createGitHubApi({
      apiUrl: context.apiUrl,
      token,
      logger,
      userAgent: 'scapgate-action'
    })
    const hint = (error: unknown, permission: string): string =>
      error instanceof GitHubApiError && error.forbidden
        ? `${getErrorMessage(error)}. The token lacks \`${permission}\``
        : getErrorMessage(error)
    try {
      await publishCheckRun(api, {
        owner: context.owner,
        repo: context.repo,
        name: 'scapgate: fleet',
        headSha: checkSha(context),
        conclusion: document.gate.status === 'pass' ? 'success' : 'failure',
        title: document.gate.summary,
        summary: summaryMarkdown,
        detailsUrl: runUrl(context),
        findings: []
      })
      logger.info('check run "scapgate: fleet" published')
    } catch (error) {
      logger.warning(`the fleet check run could not be published: ${hint(error, 'checks: write')}`)
    }
    const pr = context.pullRequest
    if (pr !== undefined && getBooleanInput(env, 'pr-comment', true)) {
      const items: CommentImage[] = document.images.map((image, i) => {
        const job = jobs[i]
        if (job?.kind !== 'complete')
          return {image: image.image, error: image.summary, summaryMarkdown: ''}
        return {
          image: image.image,
          results: job.results,
          verdict: job.verdict,
          summaryMarkdown: renderSummary(job.results, job.verdict, {maxChars: 8000})
        }
      })
      try {
        const how = await upsertComment(
          api,
          {owner: context.owner, repo: context.repo, number: pr.number},
          fleetCommentMarker,
          renderComment(fleetCommentMarker, items, runUrl(context))
        )
        logger.info(`fleet PR comment ${how}`)
      } catch (error) {
        logger.warning(
          `the fleet PR comment could not be written: ${hint(error, 'pull-requests: write')}`
        )
      }
    }
  }
  const {status, summary} = document.gate
  if (status === 'pass') {
    logger.info(`scapgate: fleet gate passed (${summary})`)
    return {}
  }
  return {
    failure:
      status === 'fail'
        ? `scapgate: fleet gate failed: ${summary}`
        : `scapgate: fleet gate failed: not every image was judged (${summary})`
  }
}

/** `mode: plan` or `mode: merge`; never called for `scan`. */
export function runFleetMode(
  mode: Exclude<ActionMode, 'scan'>,
  env: Env
): Promise<{failure?: string}> {
  return mode === 'plan' ? runPlanMode(env) : runMergeMode(env)
}
