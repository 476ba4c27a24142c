/**
 * Several images, once each, under one policy: bounded concurrency, one output directory per
 * image, the result cache, the policy gate and the baseline. Each image goes through
 * {@link scanImage} (or the cache); this file only decides what each scan gets and collects the
 * outcomes. One image failing to scan never stops the others: its error is kept in its outcome.
 */
import {lstat, mkdir, readFile, rm, stat} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {readBaseline} from '../baseline/read-baseline.js'
import type {BaselineData} from '../baseline/types.js'
import {oscapVersion} from '../cache/oscap-version.js'
import {renderCached} from './render-cached.js'
import {cacheKey, lookupScan, sha256File, storeScan} from '../cache/result-cache.js'
import {storeVerdictInputs} from '../cache/verdict-inputs.js'
import {contentFingerprint} from '../content/content-fingerprint.js'
import {CancelledError, ConfigurationError, getErrorMessage} from '../errors.js'
import type {SourceLinks} from '../report/source-links.js'
import {parseHistory, type TrendHistory} from '../trend/history.js'
import {userFileKinds} from '../io/user-file-kinds.js'
import {evaluatePolicyGate} from '../gate/evaluate-policy-gate.js'
import {renderAggregateSummary, type ImageVerdict} from '../gate/aggregate.js'
import type {GateVerdict, VerdictProvenance} from '../gate/types.js'
import {formatPlatform} from '../image/platform.js'
import type {ImageReference, ResolvedImage} from '../image/types.js'
import {verifyLayerBlobs} from '../image/verify-layers.js'
import {checkWaiverRules} from '../policy/check-rules.js'
import type {Policy} from '../policy/types.js'
import type {ScanResults} from '../results/model.js'
import type {Given} from '../options/given-options.js'
import {
  resolveBaseline,
  resolveCveSettings,
  resolveImageSettings,
  type ImageSettings
} from '../options/resolve-options.js'
import {checkScanInputs, type InputSource} from './check-scan-inputs.js'
import {openSourceImage} from './prepare-root.js'
import {imageSlugs} from '../image/image-sources.js'
import {scanImage} from './scan-image.js'
import {type ScanImageOptions, type ScanOutcome} from './scan-options.js'
import {createWorkDir} from './work-dir.js'
import {nameStorageError, writeOutputFile} from '../output/output-file.js'
import {openOutputSet, OUTPUT_SET_ENTRIES, type OutputSet} from './output-set.js'
import {lockOutputDir} from './output-set-lock.js'
import {pipelineBoundary} from './phase-timer.js'
import {attestInto, checkAttestable, type AttestSettings} from './attest-step.js'

export interface ScanImagesOptions extends Omit<
  ScanImageOptions,
  | 'image'
  | 'outDir'
  | 'openedImage'
  | 'evaluate'
  | 'cves'
  | 'contentPath'
  | 'contentPin'
  | 'profile'
  | 'tailoringPath'
  | 'dockerfile'
  | 'failOn'
  | 'review'
> {
  /**
   * The options given on the command line (or as action inputs) and as `SCAPGATE_*` variables,
   * merged (`firstGiven`), paths absolute. The resolver (`options/resolve-options.ts`) puts them
   * over the policy and the defaults; `baseline` may be a directory of `<slug>.json` /
   * `<slug>/results.json` with several images.
   */
  given: Given
  /** `./Dockerfile` when the workspace has one: the last default, after the policy. */
  implicitDockerfile?: string
  /**
   * The reviewer's view (docs/trend.md): `links` to the lines at the commit under review; `history`
   * keeps a trend: a file, or with several images a directory of `<slug>.json` (a missing file
   * starts a new history).
   */
  review?: {links?: SourceLinks; history?: {path: string; commit?: string}}
  images: string[]
  /** With one image, its outputs go here; with several, into `outDir/<image-slug>/`. */
  outDir: string
  policy?: Policy
  /** Undefined: no cache. */
  cacheDir?: string
  /** Scans at once (default: 1). */
  concurrency?: number
  /** The gate's clock (waiver expiry). */
  now: Date
  /** `--attest`: sign each completed verdict into its output set (`attest-step.ts`). */
  attest?: AttestSettings
}

export interface ImageOutcome {
  image: string
  slug: string
  outDir: string
  /** Present when the image was scanned (or served from the cache) and gated. */
  outcome?: ScanOutcome
  error?: unknown
  cached: boolean
}

/**
 * The history a trend continues: the file (one image) or `<slug>.json` in the directory (several).
 * A missing file starts a new history; an unreadable or invalid one too, with a warning: a trend
 * is advice, never evidence, and must not fail a scan.
 */
async function readPreviousHistory(
  path: string,
  slug: string,
  options: Pick<ScanImagesOptions, 'images' | 'logger'>
): Promise<{previous?: TrendHistory}> {
  const several = options.images.length > 1
  const file = several ? join(path, `${slug}.json`) : path
  let text: string
  try {
    if ((await stat(file)).size > userFileKinds.history.maxBytes)
      throw new Error(`larger than ${userFileKinds.history.maxBytes} bytes`)
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    options.logger.warning(
      `history: cannot read \`${file}\` (${getErrorMessage(error)}); starting a new one`
    )
    return {}
  }
  try {
    return {previous: parseHistory(text, file)}
  } catch (error) {
    options.logger.warning(`history: ${getErrorMessage(error)}; starting a new one`)
    return {}
  }
}

async function baselineFor(
  path: string,
  slug: string,
  several: boolean,
  from: InputSource
): Promise<BaselineData> {
  const origin = {workspace: from.workspace, origin: from.origin}
  // `stat` only to tell a directory from a file; a FIFO or device is refused by readBaseline.
  const isDir = await stat(path).then(
    s => s.isDirectory(),
    () => false
  )
  if (!isDir) {
    if (several) {
      throw new ConfigurationError(
        `Expected \`--baseline\` to be a directory of per-image baselines (<slug>.json or <slug>/results.json) when scanning several images, got the file \`${path}\``
      )
    }
    return readBaseline(path, path, origin)
  }
  for (const candidate of [join(path, `${slug}.json`), join(path, slug, 'results.json')]) {
    if (
      await lstat(candidate).then(
        () => true,
        () => false
      )
    )
      return readBaseline(candidate, candidate, origin)
  }
  throw new ConfigurationError(
    `Expected a baseline for image \`${slug}\` in \`${path}\` (${slug}.json or ${slug}/results.json), found none`
  )
}

function gateFor(
  settings: ImageSettings,
  baseline: BaselineData | undefined,
  now: Date,
  provenance: VerdictProvenance
): (results: ScanResults, context: {contentRuleIds: readonly string[]}) => Promise<GateVerdict> {
  return async (results, {contentRuleIds}) => {
    checkWaiverRules(settings.waivers, contentRuleIds)
    const verdict = await evaluatePolicyGate(results, {...settings, baseline, now})
    return Object.keys(provenance).length === 0 ? verdict : {...verdict, provenance}
  }
}

/**
 * The commit (`SCAPGATE_COMMIT` as given, else the CI's own variable) and the policy's digest,
 * recorded in the verdict for `scapgate merge`.
 */
async function provenanceOf(options: ScanImagesOptions): Promise<VerdictProvenance> {
  const commit = (options.given.values.commit ?? options.environment.commit)?.toLowerCase()
  const policy = options.policy
  const sha256 = policy === undefined ? undefined : await sha256File(policy.file).catch(() => '')
  return {
    ...(commit === undefined ? {} : {commit}),
    ...(policy === undefined || sha256 === undefined || sha256 === ''
      ? {}
      : {policy: {path: relative(options.cwd, policy.file) || policy.file, sha256}})
  }
}

/**
 * A scan of an image that opened (closed by scanImage) into the caller's output set, with the
 * content's rule ids the gate saw: the result cache and the verdict-input record both keep them.
 */
async function scanFresh(
  scan: ScanImageOptions,
  opened: ResolvedImage,
  set: OutputSet,
  evaluate: NonNullable<ScanImageOptions['evaluate']>
): Promise<{outcome: ScanOutcome; contentRuleIds: readonly string[]}> {
  let contentRuleIds: readonly string[] = []
  const outcome = await scanImage({
    ...scan,
    openedImage: opened,
    outputSet: set,
    evaluate: async (results, context) => {
      contentRuleIds = context.contentRuleIds
      return evaluate(results, context)
    }
  })
  return {outcome, contentRuleIds}
}

/** Keeps what `scapgate rejudge` needs for this digest (cache/verdict-inputs.ts); best effort. */
async function recordVerdictInputs(
  options: ScanImagesOptions,
  outcome: ScanOutcome,
  contentRuleIds: readonly string[],
  outDir: string
): Promise<void> {
  if (options.cacheDir === undefined || outcome.facts === undefined) return
  const arfSha256 = await sha256File(join(outDir, 'arf.xml')).catch(() => undefined)
  if (arfSha256 === undefined) return
  const stored = await storeVerdictInputs(options.cacheDir, {
    results: outcome.results,
    contentRuleIds: [...contentRuleIds],
    facts: outcome.facts,
    evidence: {arfSha256},
    recordedAt: new Date().toISOString()
  })
  if (!stored) options.logger.warning(`could not record the verdict inputs in ${options.cacheDir}`)
}

/**
 * A completed scan's set goes public, unless the run was cancelled meanwhile; with `--attest`
 * the verdict is signed into it (and attached) first.
 */
async function publish(
  set: OutputSet,
  options: ScanImagesOptions,
  attest?: {outcome: ScanOutcome; reference: ImageReference}
): Promise<void> {
  const {signal} = options
  if (options.attest !== undefined && attest !== undefined) {
    await pipelineBoundary('attest', signal)
    if (signal?.aborted === true) throw new CancelledError()
    await attestInto(
      {
        settings: {
          cwd: options.cwd,
          toolVersion: options.toolVersion,
          ...(options.registry === undefined ? {} : {registry: options.registry})
        },
        outDir: set.staging,
        logger: options.logger,
        progress: options.progress,
        ...(signal === undefined ? {} : {signal})
      },
      options.attest,
      {...attest, ...(options.policy === undefined ? {} : {policy: options.policy})}
    )
  }
  await pipelineBoundary('publish', signal)
  if (signal?.aborted === true) throw new CancelledError()
  await set.commit()
}

/**
 * One image: open and verify it, pick its policy section, then the cache or a full scan. Its
 * outputs go to `outDir` as one set (`output-set.ts`): published when complete, else abandoned.
 */
async function scanOne(
  options: ScanImagesOptions,
  raw: string,
  outDir: string,
  slug: string
): Promise<ImageOutcome> {
  const {given, implicitDockerfile, review, ...rest} = options
  const cves = resolveCveSettings(given, options.policy?.cves, options.now)
  const g = given.values
  const trend =
    review?.history === undefined
      ? undefined
      : {
          at: options.now,
          ...(review.history.commit === undefined ? {} : {commit: review.history.commit}),
          ...(await readPreviousHistory(review.history.path, slug, options))
        }
  const reviewContext =
    review === undefined
      ? {}
      : {
          review: {
            ...(review.links === undefined ? {} : {links: review.links}),
            ...(trend === undefined ? {} : {trend})
          }
        }
  let set: OutputSet | undefined
  const work = await createWorkDir(options.environment.tmpDir)
  let image: ResolvedImage | undefined
  try {
    // Files named on the command line are checked before the image is even opened, and the
    // policy's (which depend on the image's names) before anything is extracted.
    const flags: InputSource = {origin: 'command-line', workspace: options.cwd}
    const fromPolicy: InputSource = {
      origin: options.policy?.pathOrigin ?? 'command-line',
      workspace: options.cwd,
      ...(options.policy === undefined ? {} : {via: `named in ${options.policy.file}`})
    }
    await checkScanInputs(
      {
        ...(g.content === undefined ? {} : {content: g.content}),
        ...(g.tailoring === undefined ? {} : {tailoring: g.tailoring}),
        ...(g.dockerfile === undefined ? {} : {dockerfile: g.dockerfile}),
        ...(cves?.feed === undefined ? {} : {feed: cves.feed})
      },
      flags
    )
    await mkdir(outDir, {recursive: true}).catch((error: unknown) => {
      throw nameStorageError(error, outDir)
    })
    set = await openOutputSet(outDir, raw, options.logger)
    const staging = set.staging
    // Opening reads only the source settings (platform, registry, daemon); the gate's are not known yet.
    image = await openSourceImage(
      {
        logger: options.logger,
        progress: options.progress,
        ...(options.signal === undefined ? {} : {signal: options.signal}),
        settings: {
          image: raw,
          platform: options.platform,
          ...(options.registry === undefined ? {} : {registry: options.registry}),
          ...(options.daemon === undefined ? {} : {daemon: options.daemon})
        }
      },
      work.path
    )
    const reference = image.reference
    if (options.attest !== undefined) checkAttestable(image)
    await pipelineBoundary('opened', options.signal)
    const settings = resolveImageSettings(
      given,
      options.policy,
      [raw, ...image.names],
      implicitDockerfile
    )
    await checkScanInputs(settings.fromPolicy, fromPolicy)
    const scan: ScanImageOptions = {
      ...rest,
      ...reviewContext,
      image: raw,
      outDir,
      ...(cves === undefined ? {} : {cves}),
      failOn: settings.thresholds.failOn,
      contentPath: settings.content,
      ...(options.policy?.content === undefined ? {} : {contentPin: options.policy.content}),
      profile: settings.profile,
      tailoringPath: settings.tailoring,
      dockerfile: settings.dockerfile
    }
    const baselineSource = resolveBaseline(given, options.policy)
    const baselinePath = baselineSource?.path
    if (settings.mode === 'ratchet' && baselinePath === undefined) {
      throw new ConfigurationError(
        'Expected a baseline for `mode: ratchet` (--baseline FILE or `baseline:` in the policy), got none'
      )
    }
    const baseline =
      baselinePath === undefined
        ? undefined
        : await baselineFor(
            baselinePath,
            slug,
            options.images.length > 1,
            baselineSource?.fromPolicy === true ? fromPolicy : flags
          )
    const evaluate = gateFor(settings, baseline, options.now, await provenanceOf(options))
    // The result cache keys on the image, not on the CVE feed or the run: a CVE scan, or one that
    // appends to a trend, is never served from it (its verdict inputs are still recorded).
    if (options.cacheDir === undefined || cves !== undefined || trend !== undefined) {
      const opened = image
      image = undefined // scanImage closes it
      const {outcome, contentRuleIds} = await scanFresh(scan, opened, set, evaluate)
      await publish(set, options, {outcome, reference})
      await recordVerdictInputs(options, outcome, contentRuleIds, outDir)
      return {image: raw, slug, outDir, outcome, cached: false}
    }
    const cacheDir = options.cacheDir
    const key = cacheKey({
      configDigest: image.configDigest,
      platform: formatPlatform(image.platform),
      content: scan.contentPath ?? (await contentFingerprint(options.environment, scan.contentPin)),
      profile: scan.profile ?? '',
      ...(scan.tailoringPath === undefined
        ? {}
        : {tailoringSha256: await sha256File(scan.tailoringPath).catch(() => 'unreadable')}),
      ...(scan.dockerfile === undefined
        ? {}
        : {dockerfileSha256: await sha256File(scan.dockerfile).catch(() => 'absent')}),
      scapgateVersion: options.toolVersion,
      oscapVersion: await oscapVersion(options.environment.oscapPath)
    })
    const cached = await lookupScan(cacheDir, key)
    const content = cached?.results.scanner.content
    if (
      cached !== undefined &&
      content !== undefined &&
      (await sha256File(content.path).catch(() => '')) === content.sha256
    ) {
      // Nothing is extracted, so nothing else reads the blobs: check every digest here, as a
      // scan would, so that a tampered archive fails rather than borrowing the cached results.
      await verifyLayerBlobs(image.layers, raw, options.signal)
      options.logger.info(
        `${raw}: unchanged image (config ${image.configDigest}); reusing the cached scan`
      )
      const outcome = await renderCached({...scan, outDir: staging}, image, cached, evaluate)
      await publish(set, options, {outcome, reference})
      return {image: raw, slug, outDir, outcome: {...outcome, outDir}, cached: true}
    }
    const opened = image
    image = undefined
    const since = Date.now() - 1000
    const {outcome, contentRuleIds} = await scanFresh(scan, opened, set, evaluate)
    await publish(set, options, {outcome, reference})
    // From the published set: the ARF left staging as soon as oscap finished.
    const stored = await storeScan(cacheDir, key, {
      results: outcome.results,
      contentRuleIds,
      verdict: outcome.verdict,
      outDir,
      since
    })
    if (!stored)
      options.logger.warning(
        `could not write the result cache in ${cacheDir}; continuing without it`
      )
    await recordVerdictInputs(options, outcome, contentRuleIds, outDir)
    return {image: raw, slug, outDir, outcome, cached: false}
  } catch (error) {
    // Evidence that exists, an `incomplete` results.json and summary.md; nothing older.
    await set?.abandon(error)
    return {image: raw, slug, outDir, error, cached: false}
  } finally {
    await set?.dispose()
    await image?.close()
    await work.dispose()
  }
}

/**
 * Scans every image with at most `concurrency` at once and returns one outcome per image, in the
 * order given. Never throws for one image's failure (see {@link ImageOutcome.error}); the caller
 * decides the exit code.
 *
 * The run holds the lock of `outDir` throughout (a second run into it waits). Each image's outputs
 * are one atomic set (docs/output-sets.md); with several images, the single-image outputs of an
 * earlier run are removed from `outDir` first and the aggregated `summary.md` is written there
 * last. Throws only when the lock cannot be taken (cancelled, or the directory is unwritable).
 */
export async function scanImages(options: ScanImagesOptions): Promise<ImageOutcome[]> {
  const lock = await lockOutputDir(options.outDir, options)
  try {
    return await scanLocked(options)
  } finally {
    await lock.release()
  }
}

async function scanLocked(options: ScanImagesOptions): Promise<ImageOutcome[]> {
  const several = options.images.length > 1
  if (several) {
    for (const name of OUTPUT_SET_ENTRIES)
      await rm(join(options.outDir, name), {recursive: true, force: true})
  }
  const slugs = imageSlugs(options.images)
  const outcomes: ImageOutcome[] = new Array(options.images.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < options.images.length) {
      const index = next
      next += 1
      const slug = slugs[index] as string
      const outDir = several ? join(options.outDir, slug) : options.outDir
      if (options.signal?.aborted === true) {
        outcomes[index] = {
          image: options.images[index] as string,
          slug,
          outDir,
          error: new CancelledError(),
          cached: false
        }
        continue
      }
      outcomes[index] = await scanOne(options, options.images[index] as string, outDir, slug)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, options.images.length))
  await Promise.all(Array.from({length: workers}, worker))
  const done = outcomes.filter(o => o !== undefined)
  if (several)
    await writeOutputFile(
      join(options.outDir, 'summary.md'),
      renderAggregateSummary(imageVerdicts(done))
    )
  return done
}

/** The per-image verdicts that {@link aggregateStatus} and {@link renderAggregateSummary} take. */
export function imageVerdicts(outcomes: readonly ImageOutcome[]): ImageVerdict[] {
  return outcomes.map(o => ({
    image: o.image,
    slug: o.slug,
    ...(o.outcome === undefined
      ? {}
      : {verdict: o.outcome.verdict, score: o.outcome.results.score.value}),
    cached: o.cached,
    error: o.error
  }))
}
