/**
 * The action: inputs → OpenSCAP on the runner → baseline → scan through the core → reports to
 * GitHub → outputs → exit. A red gate is a result (the step fails with the verdict summary); a scan
 * that could not complete fails with its own message; neither is an exception here
 * (a failed gate is a result, not an exception: CONTRIBUTING.md). Nothing runs at import time: `index.ts` calls {@link run}.
 */
import {existsSync} from 'node:fs'
import {copyFile, mkdir, rm} from 'node:fs/promises'
import {join, resolve} from 'node:path'
import * as core from '@actions/core'
import {
  absolutePaths,
  ciIdentityToken,
  ciRunUrl,
  ConfigurationError,
  firstGiven,
  hasCiIdentityToken,
  keylessSigning,
  getErrorMessage,
  githubBlobBase,
  HISTORY_FILE,
  loadEnvironment,
  loadPolicy,
  markdownText,
  optionDefault,
  optionsFromFlags,
  optionsFromNames,
  resolveCveSettings,
  runGate,
  signingKeyFromPem,
  sourceSettings,
  imageSlugs,
  type GateRun,
  type ProgressReporter,
  type Signing
} from '@scapgate/core'
import {restoreBaselines, restoredHistory, saveBaselines} from './baseline-cache.js'
import {restoreFeedCache, saveFeedCache, type FeedCachePlan} from './feed-cache.js'
import {readFindings} from './findings.js'
import {readMode, runFleetMode} from './fleet-mode.js'
import {checkSha, readGitHubContext, type GitHubContext} from './github-context.js'
import {createGitHubApi} from './github-api.js'
import {readInputs, type ActionInputs, type Env} from './inputs.js'
import {ensureOpenScap} from './install-openscap.js'
import {ensureContent} from './content-cache.js'
import {writeJobSummary} from './job-summary.js'
import {computeOutputs, setOutputs} from './outputs.js'
import {planPrivileges, reexec} from './privileges.js'
import {publish, type PublishItem} from './publish.js'
import {actionsLogger as logger, rawBlock} from './workflow-log.js'

declare const SCAPGATE_VERSION: string
const version = typeof SCAPGATE_VERSION === 'string' ? SCAPGATE_VERSION : '0.0.0-dev'

const progress: ProgressReporter = {
  phase: (phase, detail) => logger.info(`${phase}${detail === undefined ? '' : ` (${detail})`}`),
  progress: () => {}
}

/** Masks every secret the step can see before anything is logged (docs/reference/security.md §5.1). */
function maskSecrets(env: Env): void {
  for (const name of [
    'INPUT_TOKEN',
    'SCAPGATE_REGISTRY_PASSWORD',
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_TOKEN',
    'COSIGN_PASSWORD',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN'
  ]) {
    const value = env[name]
    if (value !== undefined && value.trim() !== '') core.setSecret(value.trim())
  }
  // A PEM key is masked line by line too: a log line never holds the whole block.
  const key = env['INPUT_ATTEST-KEY']?.trim()
  if (key !== undefined && key !== '')
    for (const line of key.split(/\r?\n/))
      if (!line.startsWith('-----') && line.trim() !== '') core.setSecret(line.trim())
}

interface BaselinePlan {
  path?: string
  ratchet: boolean
  /** Save the results as the new baselines after the scan. */
  save: boolean
}

const cacheServiceAvailable = (env: Env): boolean =>
  (env.ACTIONS_RESULTS_URL ?? '') !== '' || (env.ACTIONS_CACHE_URL ?? '') !== ''

async function planBaseline(
  inputs: ActionInputs,
  context: GitHubContext,
  env: Env
): Promise<BaselinePlan> {
  const {baseline} = inputs
  if (baseline.kind === 'none') return {ratchet: false, save: false}
  if (baseline.kind === 'path')
    return {path: resolve(context.workspace, baseline.path), ratchet: true, save: false}
  if (!cacheServiceAvailable(env)) {
    logger.info(
      'baseline: auto, but the Actions cache service is not available here; gating without a baseline'
    )
    return {ratchet: false, save: false}
  }
  if (context.onDefaultBranch) return {ratchet: false, save: true}
  if (context.pullRequest === undefined) return {ratchet: false, save: false}
  const slugs = imageSlugs(inputs.images)
  const found = await restoreBaselines(slugs, inputs.options.values.profile, logger)
  if (found.size === 0) {
    logger.info('baseline: none saved on the default branch yet; gating every rule (absolute mode)')
    return {ratchet: false, save: false}
  }
  if (found.size < slugs.length) {
    logger.warning(
      `baseline: found for ${found.size} of ${slugs.length} images; gating every rule (absolute mode) until the default branch has scanned them all`
    )
    return {ratchet: false, save: false}
  }
  if (slugs.length === 1)
    return {path: [...found.values()][0] as string, ratchet: true, save: false}
  const dir = join(context.runnerTemp, 'scapgate-baselines')
  await rm(dir, {recursive: true, force: true})
  await mkdir(dir, {recursive: true})
  for (const [slug, file] of found) await copyFile(file, join(dir, `${slug}.json`))
  return {path: dir, ratchet: true, save: false}
}

/**
 * `attest: true` without `attest-key`: keyless on the public Sigstore instance with the workflow's
 * OIDC token, which GitHub provides only with `permissions: id-token: write`.
 */
function keylessFromWorkflow(env: Env): Signing {
  if (!hasCiIdentityToken(env))
    throw new ConfigurationError(
      'Expected `attest-key`, or `permissions: id-token: write` for keyless signing with `attest: true`, got neither'
    )
  return keylessSigning({identityToken: () => ciIdentityToken(env)})
}

/**
 * The trend (docs/trend.md) is kept where the baseline is: in the Actions cache entry of the
 * default branch, so only with `baseline: auto`. Default-branch runs restore it to append to (and
 * save it with the new baseline); pull requests restore it to draw it, their own point last.
 */
async function planHistory(
  inputs: ActionInputs,
  context: GitHubContext,
  env: Env
): Promise<{path: string; commit: string} | undefined> {
  if (inputs.baseline.kind !== 'auto' || !cacheServiceAvailable(env)) return undefined
  if (!context.onDefaultBranch && context.pullRequest === undefined) return undefined
  const slugs = imageSlugs(inputs.images)
  // A pull request restored the entries with its baseline already.
  if (context.onDefaultBranch) await restoreBaselines(slugs, inputs.options.values.profile, logger)
  const dir = join(context.runnerTemp, 'scapgate-history')
  await rm(dir, {recursive: true, force: true})
  await mkdir(dir, {recursive: true})
  for (const slug of slugs)
    await copyFile(restoredHistory(slug), join(dir, `${slug}.json`)).catch(() => undefined)
  const only = slugs.length === 1 ? slugs[0] : undefined
  return {path: only === undefined ? dir : join(dir, `${only}.json`), commit: checkSha(context)}
}

/** What the step ends with: undefined when it passes, else the failure line. */
export type RunResult = {failure?: string}

/** The whole action, with the environment injected; never calls setFailed itself. */
export async function runAction(env: Env): Promise<RunResult> {
  maskSecrets(env)
  const mode = readMode(env)
  if (mode !== 'scan') return runFleetMode(mode, env)
  const inputs = readInputs(env)
  const context = await readGitHubContext(env)
  await ensureOpenScap(env, logger, inputs.cache)
  // Current content into the core's store, unless a data stream or content directory is given.
  const scanEnvironment = loadEnvironment(env)
  if (inputs.options.values.content === undefined && scanEnvironment.contentDir === undefined) {
    const store = scanEnvironment.contentStoreDir
    if (store !== undefined)
      await ensureContent(store, logger, inputs.cache && cacheServiceAvailable(env))
  }
  const api =
    inputs.token === ''
      ? undefined
      : createGitHubApi({
          apiUrl: context.apiUrl,
          token: inputs.token,
          logger,
          userAgent: `scapgate-action/${version}`
        })
  const outDir = join(context.runnerTemp, 'scapgate-out')
  await rm(outDir, {recursive: true, force: true})
  const baseline = await planBaseline(inputs, context, env)
  const history = await planHistory(inputs, context, env)
  const links = {
    blobBase: githubBlobBase(context.serverUrl, context.owner, context.repo, checkSha(context))
  }
  const policy = await loadPolicy({path: inputs.options.values.policy, cwd: context.workspace})
  // The scan inputs go through the option table, as the CLI's flags do (docs/options.md).
  const given = absolutePaths(
    firstGiven(
      inputs.options,
      optionsFromFlags({
        ...(baseline.ratchet ? {mode: 'ratchet'} : {}),
        ...(baseline.path === undefined ? {} : {baseline: baseline.path})
      }),
      // A run-level variable of the table the action honours too (else `GITHUB_SHA` is the commit).
      optionsFromNames('env', name => env[name], ['commit'])
    ),
    context.workspace
  )
  // Throws the configuration error of CVE inputs given without CVE scanning, before anything runs.
  const cves = resolveCveSettings(given, policy?.cves)
  // The key is read before anything is scanned: a wrong key or passphrase costs no scan.
  const runUrl = ciRunUrl(env)
  const attest =
    inputs.attest === undefined
      ? undefined
      : {
          key:
            inputs.attest.key === undefined
              ? keylessFromWorkflow(env)
              : await signingKeyFromPem(
                  inputs.attest.key,
                  'the `attest-key` input',
                  env.COSIGN_PASSWORD
                ),
          ...(runUrl === undefined ? {} : {runUrl})
        }
  let feedCache: FeedCachePlan | undefined
  if (cves !== undefined && cacheServiceAvailable(env))
    feedCache = await restoreFeedCache(
      context.runnerTemp,
      env.RUNNER_OS ?? 'Linux',
      new Date(),
      logger
    )
  const implicitDockerfile = join(context.workspace, 'Dockerfile')

  logger.startGroup(
    `Scanning ${inputs.images.length === 1 ? inputs.images[0] : `${inputs.images.length} images`}`
  )
  let run: GateRun
  try {
    run = await runGate({
      ...sourceSettings({}, env),
      images: inputs.images,
      given:
        feedCache === undefined
          ? given
          : firstGiven(given, optionsFromFlags({'feed-cache': feedCache.dir})),
      // Last of all: a policy section's `dockerfile` wins over it (docs/policy.md).
      ...(existsSync(implicitDockerfile) ? {implicitDockerfile} : {}),
      outDir,
      timeoutMs: optionDefault('timeout') * 1000,
      environment: scanEnvironment,
      cwd: context.workspace,
      toolVersion: version,
      logger,
      progress,
      ...(policy === undefined ? {} : {policy}),
      concurrency: 1,
      review: {links, ...(history === undefined ? {} : {history})},
      now: new Date(),
      ...(attest === undefined ? {} : {attest})
    })
  } finally {
    logger.endGroup()
  }
  const {outcomes, status} = run

  const items: PublishItem[] = []
  for (const outcome of outcomes) {
    items.push({
      outcome,
      findings:
        outcome.outcome === undefined
          ? []
          : await readFindings(join(outcome.outDir, 'results.sarif'), outcome.outcome.verdict),
      summaryMarkdown:
        outcome.outcome?.summaryMarkdown ??
        `## ⚠️ scapgate: the scan did not complete\n\n${markdownText(getErrorMessage(outcome.error))}\n`
    })
  }
  const summary =
    items.length === 1
      ? (items[0] as PublishItem).summaryMarkdown
      : [run.summaryMarkdown, ...items.map(i => i.summaryMarkdown)].join('\n\n')
  await writeJobSummary(summary)
  rawBlock(summary)

  await publish({...(api === undefined ? {} : {api}), inputs, context, logger, outDir, env}, items)

  if (baseline.save) {
    const completed = outcomes
      .filter(o => o.outcome !== undefined)
      .map(o => ({
        slug: o.slug,
        resultsFile: join(o.outDir, 'results.json'),
        historyFile: join(o.outDir, HISTORY_FILE)
      }))
    await saveBaselines(
      completed,
      inputs.options.values.profile,
      `${context.runId}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
      logger
    )
  }

  if (feedCache !== undefined) await saveFeedCache(feedCache, logger)

  const scanned = outcomes.filter(o => o.outcome !== undefined)
  setOutputs(
    computeOutputs(status, outcomes, {
      sarif: scanned.map(o => join(o.outDir, 'results.sarif')),
      results: scanned.map(o => join(o.outDir, 'results.json'))
    })
  )

  const broken = outcomes.filter(o => o.error !== undefined)
  if (broken.length > 0)
    return {
      failure: broken
        .map(
          o => `scapgate: the scan of ${o.image} could not complete: ${getErrorMessage(o.error)}`
        )
        .join('\n')
    }
  const failed = outcomes.filter(o => o.outcome?.verdict.status === 'fail')
  if (failed.length > 0)
    return {
      failure: failed
        .map(
          o =>
            `scapgate: compliance gate failed for ${o.image}: ${o.outcome?.verdict.summary ?? ''}`
        )
        .join('\n')
    }
  logger.info(
    `scapgate: compliance gate passed (${outcomes.length} image${outcomes.length === 1 ? '' : 's'})`
  )
  return {}
}

/**
 * The entry: re-executes as root when needed, runs the action and turns its result or any stray
 * throw into one clear failure line. The only caller of `setFailed`.
 */
export async function run(): Promise<void> {
  try {
    const script = process.argv[1] ?? ''
    const plan = planPrivileges(process.getuid?.() ?? 0, process.env, process.execPath, script)
    if (plan.kind === 'sudo') {
      logger.info('the scan needs root: re-running this step with sudo')
      process.exitCode = await reexec(plan)
      return
    }
    const result = await runAction(process.env)
    if (result.failure !== undefined) core.setFailed(result.failure)
  } catch (error) {
    const kind =
      error instanceof ConfigurationError ? 'configuration error' : 'the action could not run'
    const message = `scapgate: ${kind}: ${getErrorMessage(error)}`
    // The job summary is always written, also when nothing could be scanned.
    const html = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    await writeJobSummary(`## ⚠️ scapgate did not run\n\n<pre>${html}</pre>\n`).catch(() => false)
    core.setFailed(message)
  }
}
