import {mkdtemp} from 'node:fs/promises'
import {join} from 'node:path'
import type {OsRelease} from '../content/os-release.js'
import type {Logger} from '../logging.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import {fetchFeed} from './feed-fetch.js'
import {distributionOf, selectFeed} from './feed-source.js'
import {buildFindings} from './findings.js'
import {readDpkgPackages, sourceOf, ubuntuManifest} from './installed-packages.js'
import {prefilterFeed} from './prefilter.js'
import {listRpmPackages, runOvalEval} from './run-oval.js'
import {binariesBySource} from './source-matching.js'
import type {CveScanReport} from './types.js'

export interface ScanCvesOptions {
  /** The extracted image root (read-only for us, mounted read-only for oscap). */
  root: string
  /** Files added to the image's view through the sandbox's upper layer (`PreparedImage.upperDir`). */
  upperFiles?: string
  os: OsRelease | undefined
  /** `--feed FILE|URL`; chosen from `os` when absent. */
  feed?: string
  /** `--feed-cache DIR`. */
  feedCache?: string
  /** Freshness limit in days; a feed generated longer ago is `stale` (and a warning is logged). */
  maxFeedAgeDays?: number
  /** Private scratch directory. */
  workDir: string
  /** Receives `cve-oval-results.xml` (oscap's OVAL results: the evidence). */
  outDir: string
  scanner: ScannerEnvironment
  imageEnv: string[]
  target: string
  timeoutMs: number
  logger: Logger
  signal?: AbortSignal
  now?: Date
  /**
   * Evaluate every definition of the feed (tests and benchmarks): nothing is pruned, but a
   * source-named feed is still matched through source packages, as the prefiltered copy is.
   */
  fullFeed?: boolean
  fetch?: typeof fetch
}

export const CVE_RESULTS_FILE = 'cve-oval-results.xml'

/**
 * Known vulnerabilities of the image from its distribution's OVAL feed: fetch (or take) the
 * feed, filter it down to the definitions that can concern the installed packages, evaluate that
 * with `oscap oval eval` in the sandbox, and turn the true definitions into findings.
 *
 * Throws {@link ConfigurationError} for an OS without a known feed and no `feed`, a missing feed
 * file or a malformed feed; `FeedUnavailableError` when no copy of the feed can be had;
 * `ScanFailedError` when oscap fails. Does not gate (see `evaluateCveGate`).
 */
export async function scanCves(options: ScanCvesOptions): Promise<CveScanReport> {
  const {logger} = options
  const selected = options.feed === undefined ? selectFeed(options.os) : undefined
  const distribution = selected?.distribution ?? distributionOf(options.os) ?? 'unknown'
  const work = await mkdtemp(join(options.workDir, 'cve-'))
  const feed = await fetchFeed({
    source: options.feed ?? (selected?.url as string),
    ...(selected?.checksums === undefined ? {} : {checksums: selected.checksums}),
    ...(options.feedCache === undefined ? {} : {cacheDir: options.feedCache}),
    workDir: work,
    logger,
    ...(options.signal === undefined ? {} : {signal: options.signal}),
    ...(options.fetch === undefined ? {} : {fetch: options.fetch})
  })
  logger.info(`CVE feed ${feed.source} (sha256 ${feed.sha256.slice(0, 12)}…, ${feed.origin})`)

  const dpkg = await readDpkgPackages(options.root)
  const rpm =
    distribution === 'rhel' || (dpkg === undefined && distribution === 'unknown')
      ? await listRpmPackages({
          root: options.root,
          outDir: work,
          timeoutMs: 120_000,
          ...(options.signal === undefined ? {} : {signal: options.signal})
        })
      : undefined
  const dpkgVersions = dpkg === undefined ? undefined : new Map(dpkg.map(p => [p.name, p.version]))
  const sources = dpkg === undefined ? undefined : binariesBySource(dpkg)

  const started = process.hrtime.bigint()
  const filteredPath = join(work, 'feed.filtered.xml')
  const filtered = await prefilterFeed({
    feedPath: feed.xmlPath,
    label: `the CVE feed ${feed.source}`,
    outputPath: filteredPath,
    installed:
      options.fullFeed === true
        ? {}
        : {
            ...(dpkgVersions === undefined ? {} : {dpkg: new Set(dpkgVersions.keys())}),
            ...(rpm === undefined ? {} : {rpm: new Set(rpm.keys())})
          },
    ...(sources === undefined ? {} : {sources}),
    ...(options.signal === undefined ? {} : {signal: options.signal})
  })
  const prefilterSeconds = Number(process.hrtime.bigint() - started) / 1e9
  logger.debug(
    `CVE feed: ${filtered.keptDefinitions} of ${filtered.totalDefinitions} definitions can concern the image (${prefilterSeconds.toFixed(2)} s)`
  )
  if (filtered.namesSources) {
    logger.debug(
      `CVE feed names source packages: ${filtered.sourceMatching.rewrittenTests} package tests matched through ${filtered.sourceMatching.binaryTests} installed binaries`
    )
  }

  const usesManifest = [...filtered.objects.values()].some(o => o.manifest === true)
  const run =
    filtered.keptDefinitions === 0
      ? {results: new Map<string, string>(), durationSeconds: 0}
      : await runOvalEval({
          root: options.root,
          feedPath: filteredPath,
          ...(options.upperFiles === undefined ? {} : {upperFiles: options.upperFiles}),
          mode: usesManifest ? 'manifest' : 'probe-root',
          manifest: ubuntuManifest(dpkg ?? []),
          outDir: options.outDir,
          resultsFileName: CVE_RESULTS_FILE,
          scanner: options.scanner,
          imageEnv: options.imageEnv,
          target: options.target,
          timeoutMs: options.timeoutMs,
          logger,
          ...(options.signal === undefined ? {} : {signal: options.signal})
        })
  const trueIds = [...run.results]
    .filter(([, r]) => r === 'true')
    .map(([id]) => id)
    .sort()
  const unverified = [...run.results]
    .filter(([, r]) => r === 'error' || r === 'unknown')
    .map(([id]) => id)
    .sort()
  const findings = buildFindings(trueIds, filtered, {
    ...(dpkgVersions === undefined ? {} : {dpkg: dpkgVersions}),
    ...(dpkg === undefined ? {} : {dpkgSources: new Map(dpkg.map(p => [p.name, sourceOf(p)]))}),
    ...(rpm === undefined ? {} : {rpm})
  })

  const now = options.now ?? new Date()
  const generated =
    filtered.generatorTimestamp === undefined ? undefined : new Date(filtered.generatorTimestamp)
  const ageDays =
    generated === undefined || Number.isNaN(generated.getTime())
      ? undefined
      : Math.max(0, Math.floor((now.getTime() - generated.getTime()) / 86_400_000))
  const stale =
    options.maxFeedAgeDays !== undefined &&
    (ageDays === undefined || ageDays > options.maxFeedAgeDays)
  if (stale) {
    logger.warning(
      ageDays === undefined
        ? `The CVE feed ${feed.source} has no generation timestamp; its freshness cannot be checked (max-feed-age ${options.maxFeedAgeDays} days)`
        : `The CVE feed ${feed.source} is ${ageDays} days old, older than max-feed-age ${options.maxFeedAgeDays} days: recent CVEs may be missing`
    )
  }
  return {
    feed: {
      source: feed.source,
      sha256: feed.sha256,
      origin: feed.origin,
      ...(filtered.generatorTimestamp === undefined
        ? {}
        : {generatedAt: filtered.generatorTimestamp}),
      ...(ageDays === undefined ? {} : {ageDays}),
      stale
    },
    distribution,
    definitions: {
      total: filtered.totalDefinitions,
      evaluated: run.results.size,
      true: trueIds.length,
      unverified: unverified.length
    },
    unverifiedDefinitions: unverified,
    durationSeconds: {prefilter: round(prefilterSeconds), oscap: round(run.durationSeconds)},
    findings
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
