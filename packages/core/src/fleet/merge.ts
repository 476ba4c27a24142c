/**
 * Fan-in: one verdict over the output sets of a fleet's matrix jobs (docs/fleets.md). The fleet
 * passes only when every image was judged and passed; an image whose scan did not complete, whose
 * results do not validate, or that was expected (`expect`) but left no results makes the fleet
 * `incomplete`, which outranks `fail` (as for several images in one job, `gate/aggregate.ts`).
 *
 * Results from different commits or policies are refused unless `allowMixed`: a verdict over
 * images built from different commits, or judged by different policies, is a verdict on nothing
 * that was ever reviewed together. The comparison uses `gate.provenance` (results-schema.md).
 *
 * The merged `results.json` (schema `https://scapgate.dev/schemas/fleet/v1`) and `summary.md` are
 * written to `outDir` as one output set (`pipeline/output-set.ts`): the old set is retired first,
 * `results.json` goes public last. Each image's SARIF stays in its own job's set.
 */
import {join, relative, resolve} from 'node:path'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {
  aggregateStatus,
  renderAggregateSummary,
  type AggregateStatus,
  type ImageVerdict
} from '../gate/aggregate.js'
import type {VerdictProvenance} from '../gate/types.js'
import type {Logger} from '../logging.js'
import {writeOutputFile} from '../output/output-file.js'
import {openOutputSet} from '../pipeline/output-set.js'
import {lockOutputDir} from '../pipeline/output-set-lock.js'
import {markdownText, tableCode} from '../escape/escape.js'
import {findJobResults, readJobResult, type JobResult} from './read-job-results.js'

export const fleetSchemaUri = 'https://scapgate.dev/schemas/fleet/v1'

export interface MergeOptions {
  /** The jobs' output directories (or directories holding them). */
  dirs: readonly string[]
  /** Images the plan scheduled: each must have results. */
  expect?: readonly string[]
  allowMixed: boolean
  /** The workspace: inputs must lie in it when they are in it (read-user-file.ts). */
  cwd: string
  outDir: string
  logger: Logger
  signal?: AbortSignal
}

export interface FleetImage {
  image: string
  /** The job output directory it came from, relative to the workspace. */
  source: string
  status: 'pass' | 'fail' | 'incomplete'
  summary: string
  configDigest?: string
  manifestDigest?: string
  score?: number
  /** This image's SARIF, relative to the workspace, when its set has one. */
  sarif?: string
}

export interface FleetDocument {
  schema: typeof fleetSchemaUri
  version: 1
  provenance: VerdictProvenance & {mixed: boolean}
  gate: {
    status: AggregateStatus
    summary: string
    counts: {images: number; passed: number; failed: number; incomplete: number}
  }
  images: FleetImage[]
}

export interface MergeOutcome {
  document: FleetDocument
  summaryMarkdown: string
  /** Every job result read, in order (for adapters that publish per-image details). */
  jobs: JobResult[]
}

function imageOf(job: JobResult): string {
  return job.kind === 'complete' ? job.results.image.reference : job.image
}

/** Distinct values with the images that carry each, `none` for results without one. */
function groups(
  jobs: readonly JobResult[],
  value: (job: JobResult) => string | undefined
): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const job of jobs) {
    const key = value(job) ?? 'none'
    found.set(key, [...(found.get(key) ?? []), imageOf(job)])
  }
  return found
}

function describeGroups(what: string, found: Map<string, string[]>): string {
  return `${what} ${[...found]
    .map(
      ([key, images]) =>
        `${key === 'none' ? '(not recorded)' : key.slice(0, 12)} (${images.length} image${images.length === 1 ? '' : 's'}: ${images
          .slice(0, 3)
          .map(i => sanitizeForDisplay(i, 80))
          .join(', ')}${images.length > 3 ? ', …' : ''})`
    )
    .join(', ')}`
}

/** Reads, checks and judges; writes nothing. Throws ConfigurationError for refused inputs. */
export async function judgeFleet(
  options: Omit<MergeOptions, 'outDir' | 'logger' | 'signal'>
): Promise<MergeOutcome> {
  const files: string[] = []
  for (const dir of options.dirs) {
    const found = await findJobResults(resolve(options.cwd, dir))
    if (found.length === 0)
      throw new ConfigurationError(
        `Expected \`${sanitizeForDisplay(dir, 200)}\` to hold a job's output set (a results.json in it or in a subdirectory), found none`
      )
    files.push(...found)
  }
  const jobs: JobResult[] = []
  for (const file of [...new Set(files)]) jobs.push(await readJobResult(file, options.cwd))

  const seen = new Map<string, string>()
  for (const job of jobs) {
    const image = imageOf(job)
    const before = seen.get(image)
    if (before !== undefined)
      throw new ConfigurationError(
        `Expected each image once, found \`${sanitizeForDisplay(image, 200)}\` in both \`${sanitizeForDisplay(before, 200)}\` and \`${sanitizeForDisplay(job.source, 200)}\``
      )
    seen.set(image, job.source)
  }

  const complete = jobs.filter(j => j.kind === 'complete')
  const commits = groups(complete, j =>
    j.kind === 'complete' ? j.verdict.provenance?.commit : undefined
  )
  const policies = groups(complete, j =>
    j.kind === 'complete' ? j.verdict.provenance?.policy?.sha256 : undefined
  )
  const mixed = commits.size > 1 || policies.size > 1
  if (mixed && !options.allowMixed) {
    const parts = [
      ...(commits.size > 1 ? [describeGroups('commits', commits)] : []),
      ...(policies.size > 1 ? [describeGroups('policies (sha256)', policies)] : [])
    ]
    throw new ConfigurationError(
      `Expected every job's results to come from one commit and one policy, found ${parts.join('; ')}. A fleet verdict over images built from different commits or judged by different policies judges nothing that was reviewed together: re-run the stale jobs, or pass --allow-mixed to merge anyway`
    )
  }

  const missing = (options.expect ?? []).filter(image => !seen.has(image))
  const images: FleetImage[] = jobs.map(job => {
    if (job.kind === 'incomplete')
      return {image: job.image, source: job.source, status: 'incomplete', summary: job.reason}
    const sarif = join(job.file, '..', 'results.sarif')
    return {
      image: job.results.image.reference,
      source: job.source,
      status: job.verdict.status,
      summary: job.verdict.summary,
      configDigest: job.results.image.configDigest,
      ...(job.results.image.manifestDigest === undefined
        ? {}
        : {manifestDigest: job.results.image.manifestDigest}),
      score: job.results.score.value,
      sarif: relative(options.cwd, sarif)
    }
  })
  for (const image of missing)
    images.push({
      image,
      source: '',
      status: 'incomplete',
      summary: 'no results: the job that should have scanned it left no output set'
    })

  const verdicts: ImageVerdict[] = images.map((image, i) => {
    const job = jobs[i]
    if (job?.kind === 'complete')
      return {
        image: image.image,
        slug: image.source,
        verdict: job.verdict,
        score: image.score as number
      }
    return {image: image.image, slug: image.source, error: new Error(image.summary)}
  })
  const status = aggregateStatus(verdicts)
  const counts = {
    images: images.length,
    passed: images.filter(i => i.status === 'pass').length,
    failed: images.filter(i => i.status === 'fail').length,
    incomplete: images.filter(i => i.status === 'incomplete').length
  }
  const only = <T>(
    found: Map<string, string[]>,
    pick: (job: JobResult) => T | undefined
  ): T | undefined =>
    found.size === 1 && !found.has('none') ? pick(complete[0] as JobResult) : undefined
  const commit = only(commits, j =>
    j.kind === 'complete' ? j.verdict.provenance?.commit : undefined
  )
  const policy = only(policies, j =>
    j.kind === 'complete' ? j.verdict.provenance?.policy : undefined
  )
  const document: FleetDocument = {
    schema: fleetSchemaUri,
    version: 1,
    provenance: {
      ...(commit === undefined ? {} : {commit}),
      ...(policy === undefined ? {} : {policy}),
      mixed
    },
    gate: {
      status,
      summary: `${counts.images} images: ${counts.passed} passed, ${counts.failed} failed, ${counts.incomplete} not judged`,
      counts
    },
    images
  }
  const provenanceLine = [
    commit === undefined ? undefined : `commit ${tableCode(commit)}`,
    policy === undefined
      ? undefined
      : `policy ${tableCode(policy.path)} (sha256 ${policy.sha256.slice(0, 12)})`,
    mixed ? '**mixed commits or policies (merged with --allow-mixed)**' : undefined
  ].filter(x => x !== undefined)
  const summaryMarkdown = `${renderAggregateSummary(verdicts).trimEnd()}\n\n${
    provenanceLine.length === 0
      ? markdownText('The jobs recorded no commit or policy: they could not be checked to match.')
      : `Merged from ${provenanceLine.join(', ')}.`
  }\n`
  return {document, summaryMarkdown, jobs}
}

/** {@link judgeFleet}, then the merged set written to `outDir` (locked, atomically). */
export async function mergeFleet(options: MergeOptions): Promise<MergeOutcome> {
  const outcome = await judgeFleet(options)
  const out = resolve(options.cwd, options.outDir)
  if (outcome.jobs.some(job => resolve(job.file, '..') === out))
    throw new ConfigurationError(
      `Expected \`--out\` to be a directory of its own, got \`${sanitizeForDisplay(options.outDir, 200)}\`, which holds one of the inputs`
    )
  const lock = await lockOutputDir(out, options)
  try {
    const set = await openOutputSet(out, 'fleet', options.logger)
    try {
      await writeOutputFile(join(set.staging, 'summary.md'), outcome.summaryMarkdown)
      await writeOutputFile(
        join(set.staging, 'results.json'),
        `${JSON.stringify(outcome.document, null, 2)}\n`
      )
      await set.commit()
    } catch (error) {
      await set.abandon(error)
      throw error
    } finally {
      await set.dispose()
    }
  } finally {
    await lock.release()
  }
  return outcome
}
