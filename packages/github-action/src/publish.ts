/**
 * Everything the action sends to GitHub after the scan: check runs with annotations (or
 * workflow-command annotations without `checks: write`), the sticky PR comment, the SARIF upload
 * and the artifact. Each step is independent and none can fail the step: the gate was decided
 * from the files on disk, and a missing permission (fork PRs) is a warning.
 */
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {getErrorMessage, type ImageOutcome, type Logger} from '@scapgate/core'
import {emitWorkflowAnnotations} from './annotations.js'
import {uploadOutputs} from './artifacts.js'
import {publishCheckRun} from './check-run.js'
import {sortFindings, type Finding} from './findings.js'
import {checkSha, type GitHubContext} from './github-context.js'
import {GitHubApiError, type GitHubApi} from './github-api.js'
import type {ActionInputs} from './inputs.js'
import {commentMarker, renderComment, upsertComment} from './pr-comment.js'
import {uploadSarif} from './sarif-upload.js'

export interface PublishItem {
  outcome: ImageOutcome
  findings: Finding[]
  summaryMarkdown: string
}

export interface PublishContext {
  api?: GitHubApi
  inputs: ActionInputs
  context: GitHubContext
  logger: Logger
  outDir: string
  env: Record<string, string | undefined>
}

function permissionHint(error: unknown, permission: string): string {
  if (error instanceof GitHubApiError && error.forbidden)
    return `${getErrorMessage(error)}. The token lacks \`${permission}\` (a pull request from a fork always gets a read-only token)`
  return getErrorMessage(error)
}

export function runUrl(context: GitHubContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`
}

async function checkRuns(p: PublishContext, items: readonly PublishItem[]): Promise<void> {
  const {api, inputs, context, logger} = p
  let fallback = api === undefined
  let refused: string | undefined
  if (api !== undefined) {
    for (const item of items) {
      const {outcome} = item
      const verdict = outcome.outcome?.verdict
      try {
        const result = await publishCheckRun(api, {
          owner: context.owner,
          repo: context.repo,
          name: `scapgate: ${outcome.image}`.slice(0, 200),
          headSha: checkSha(context),
          conclusion: verdict?.status === 'pass' ? 'success' : 'failure',
          title: verdict === undefined ? 'The scan did not complete' : verdict.summary,
          summary: item.summaryMarkdown,
          detailsUrl: runUrl(context),
          findings: inputs.annotations ? item.findings : []
        })
        logger.info(
          `check run "scapgate: ${outcome.image}" published (${result.requests} request${result.requests === 1 ? '' : 's'})`
        )
      } catch (error) {
        refused = `the check run for ${outcome.image} could not be published: ${permissionHint(error, 'checks: write')}; ${inputs.annotations ? 'annotated through workflow commands instead' : 'annotations are off'}`
        fallback = true
        break
      }
    }
  }
  if (fallback && inputs.annotations)
    // The limit is per step, not per image: all images share it, most important first.
    emitWorkflowAnnotations(
      sortFindings(items.flatMap(item => item.findings)),
      items.length === 1 ? (items[0]?.outcome.image ?? '') : `${items.length} images`
    )
  if (refused !== undefined) logger.warning(refused)
}

async function comment(p: PublishContext, items: readonly PublishItem[]): Promise<void> {
  const {api, inputs, context, logger} = p
  const pr = context.pullRequest
  if (!inputs.prComment || pr === undefined) return
  if (api === undefined) return logger.warning('no `token`: the PR comment is skipped')
  const marker = commentMarker(inputs.images)
  const body = renderComment(
    marker,
    items.map(item => ({
      image: item.outcome.image,
      ...(item.outcome.outcome === undefined
        ? {error: getErrorMessage(item.outcome.error)}
        : {results: item.outcome.outcome.results, verdict: item.outcome.outcome.verdict}),
      summaryMarkdown: item.summaryMarkdown
    })),
    runUrl(context)
  )
  try {
    const how = await upsertComment(
      api,
      {owner: context.owner, repo: context.repo, number: pr.number},
      marker,
      body
    )
    logger.info(`PR comment ${how}`)
  } catch (error) {
    logger.warning(
      `the PR comment could not be written: ${permissionHint(error, 'pull-requests: write')}`
    )
  }
}

async function sarif(p: PublishContext, items: readonly PublishItem[]): Promise<void> {
  const {api, inputs, context, logger} = p
  if (!inputs.uploadSarif) return
  if (api === undefined) return logger.warning('no `token`: the SARIF upload is skipped')
  for (const item of items) {
    const scanned = item.outcome.outcome
    if (scanned === undefined) continue
    const category = `scapgate/${item.outcome.slug}/${scanned.results.scanner.profile.id.replace(/^.*_profile_/, '')}`
    try {
      await uploadSarif(
        api,
        {
          owner: context.owner,
          repo: context.repo,
          commitSha: context.sha,
          ref: context.ref,
          checkoutUri: pathToFileURL(`${context.workspace.replace(/\/+$/, '')}/`).href
        },
        join(item.outcome.outDir, 'results.sarif'),
        category
      )
      logger.info(
        `SARIF for ${item.outcome.image} uploaded to code scanning (category ${category})`
      )
    } catch (error) {
      logger.warning(
        `the SARIF for ${item.outcome.image} was not uploaded to code scanning: ${permissionHint(error, 'security-events: write')}. It is kept in the \`${inputs.artifactName}\` artifact`
      )
    }
  }
}

async function artifact(p: PublishContext): Promise<void> {
  const {inputs, logger, env} = p
  if ((env.ACTIONS_RUNTIME_TOKEN ?? '') === '' || (env.ACTIONS_RESULTS_URL ?? '') === '')
    return logger.warning(
      'the artifact was not uploaded: ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL are not set (not running in GitHub Actions)'
    )
  try {
    const {files} = await uploadOutputs(inputs.artifactName, p.outDir)
    logger.info(`artifact \`${inputs.artifactName}\` uploaded (${files} files)`)
  } catch (error) {
    logger.warning(
      `the artifact \`${inputs.artifactName}\` was not uploaded: ${getErrorMessage(error)}`
    )
  }
}

/** Check runs first: their fallback annotations must come before any other warning of the step. */
export async function publish(p: PublishContext, items: readonly PublishItem[]): Promise<void> {
  // A fleet's matrix job: the `mode: merge` job posts the one check run and comment.
  if (p.inputs.fleet)
    p.logger.info('fleet: no check run and no PR comment from this job (the merge job posts them)')
  else {
    await checkRuns(p, items)
    await comment(p, items)
  }
  await sarif(p, items)
  await artifact(p)
}
