/**
 * `scapgate report ARF.xml`: every output from an existing ARF, without rescanning.
 *
 * - The image description (names, digests) comes from `results.json` beside the ARF when there is
 *   one (a scapgate output directory), so fingerprints match the scan's; else from the ARF's
 *   evaluation-target fact (`docker-archive:app.tar@sha256:…`), and the content is identified by
 *   the ARF's own sha256 (the data stream is inside it).
 * - Blame needs the layers. With `image` (the same IMAGE argument the scan had) they are read
 *   again (no extraction, no root needed); without it every finding points at the Dockerfile's
 *   final FROM line and says that no layer bookkeeping was available.
 * Does not run a scan; runs oscap only to render `report.html` and `fixes/` (both skippable).
 */
import {createHash} from 'node:crypto'
import {copyFile, mkdir, readFile, writeFile} from 'node:fs/promises'
import {basename, dirname, join, resolve} from 'node:path'
import {parseArf} from '../arf/parse-arf.js'
import {blameImage, loadDockerfile, toRepositoryUri} from '../blame/blame-image.js'
import {CancelledError} from '../errors.js'
import {evaluateGate} from '../gate/evaluate-gate.js'
import type {FailOn, GateVerdict} from '../gate/types.js'
import {openImage} from '../image/open-image.js'
import {formatPlatform} from '../image/platform.js'
import {parseImageReference} from '../image/reference.js'
import type {Platform, ResolvedImage} from '../image/types.js'
import type {Logger} from '../logging.js'
import {buildScanResults} from '../results/build-results.js'
import type {ImageInfo, ScanResults} from '../results/model.js'
import {serializeResults} from '../results/results-json.js'
import {generateHtmlReport} from '../scan/html-report.js'
import {preflightScanner} from '../scan/preflight.js'
import {createWorkDir} from './work-dir.js'
import {writeReports} from '../report/write-reports.js'

export interface ReportFromArfOptions {
  arfPath: string
  outDir: string
  /** Absolute path of the Dockerfile, if any. */
  dockerfile?: string
  /** The IMAGE argument of the scan, to read its layers again for blame. */
  image?: string
  platform?: Platform
  failOn: FailOn
  /** Skip oscap entirely: no report.html, no fixes/. */
  skipOscap?: boolean
  cwd: string
  tmpDir?: string
  oscapPath?: string
  toolVersion: string
  logger: Logger
  timeoutMs?: number
  signal?: AbortSignal
}

export interface ReportOutcome {
  results: ScanResults
  verdict: GateVerdict
  summaryMarkdown: string
}

export async function reportFromArf(options: ReportFromArfOptions): Promise<ReportOutcome> {
  const {logger, signal} = options
  await mkdir(options.outDir, {recursive: true})
  const parsed = await parseArf(options.arfPath)
  const arfBytes = await readFile(options.arfPath)
  const sibling = await readSiblingResults(options.arfPath)
  const work = await createWorkDir(options.tmpDir)
  let image: ResolvedImage | undefined
  try {
    if (options.image !== undefined) {
      image = await openImage(parseImageReference(options.image), {
        workDir: join(work.path, 'image'),
        ...(options.platform === undefined ? {} : {platform: options.platform}),
        ...(signal === undefined ? {} : {signal})
      })
    }
    const identifier = parsed.testResult.facts.find(f => f.name === 'urn:xccdf:fact:identifier')
    const imageInfo: ImageInfo =
      image !== undefined
        ? {
            reference: image.reference.raw,
            configDigest: image.configDigest,
            ...(image.manifestDigest === undefined ? {} : {manifestDigest: image.manifestDigest}),
            names: image.names,
            platform: formatPlatform(image.platform),
            os: sibling?.image.os ?? {id: '', versionId: '', prettyName: ''}
          }
        : (sibling?.image ?? fromIdentifier(identifier?.value ?? basename(options.arfPath)))
    const results = buildScanResults(parsed, {
      image: imageInfo,
      scanner: {
        content: sibling?.scanner.content ?? {
          path: options.arfPath,
          sha256: createHash('sha256').update(arfBytes).digest('hex')
        },
        durationSeconds: sibling?.scanner.durationSeconds ?? 0
      }
    })
    if (signal?.aborted === true) throw new CancelledError()
    const scanner =
      options.skipOscap === true
        ? undefined
        : await preflightScanner({
            ...(options.oscapPath === undefined ? {} : {oscapPath: options.oscapPath}),
            workDir: work.path
          })
    if (resolve(options.arfPath) !== resolve(options.outDir, 'arf.xml'))
      await copyFile(options.arfPath, join(options.outDir, 'arf.xml'))
    if (scanner !== undefined) {
      await generateHtmlReport(options.arfPath, join(options.outDir, 'report.html'), {
        scanner,
        ...(signal === undefined ? {} : {signal}),
        ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs})
      })
    }
    const dockerfile = await loadDockerfile(options.dockerfile, options.cwd, logger)
    const fallback =
      dockerfile !== undefined
        ? {uri: dockerfile.uri, startLine: 1}
        : {uri: toRepositoryUri(options.arfPath, options.cwd), startLine: 1}
    if (image === undefined && dockerfile !== undefined)
      logger.info(
        'report: no --image, so no layer bookkeeping: findings point at the final FROM line'
      )
    const blame = await blameImage({
      rules: results.rules.filter(r => ['fail', 'error', 'unknown'].includes(r.result)),
      parsed,
      arfPath: options.arfPath,
      ...(image === undefined ? {} : {image}),
      ...(dockerfile === undefined ? {} : {dockerfile}),
      fallback,
      logger,
      ...(signal === undefined ? {} : {signal})
    })
    const verdict = evaluateGate(results, {failOn: options.failOn})
    await writeFile(join(options.outDir, 'results.json'), serializeResults(results, verdict))
    const written = await writeReports({
      outDir: options.outDir,
      results,
      verdict,
      arfPath: options.arfPath,
      blame,
      fallback,
      toolVersion: options.toolVersion,
      logger,
      ...(scanner === undefined ? {skipFixes: true} : {scanner}),
      ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
      ...(signal === undefined ? {} : {signal})
    })
    return {results, verdict, summaryMarkdown: written.summaryMarkdown}
  } finally {
    await image?.close()
    await work.dispose()
  }
}

/** `docker-archive:app.tar@sha256:…` (oscap's target fact, set by the scan) → image info. */
function fromIdentifier(identifier: string): ImageInfo {
  const at = identifier.lastIndexOf('@sha256:')
  const reference = at > 0 ? identifier.slice(0, at) : identifier
  const digest = at > 0 ? identifier.slice(at + 1) : ''
  return {
    reference,
    configDigest: /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : `sha256:${'0'.repeat(64)}`,
    names: [],
    platform: '',
    os: {id: '', versionId: '', prettyName: ''}
  }
}

interface SiblingResults {
  image: ImageInfo
  scanner: {content: {path: string; sha256: string}; durationSeconds: number}
}

/** `results.json` beside the ARF, when it is a scapgate results document; else undefined. */
async function readSiblingResults(arfPath: string): Promise<SiblingResults | undefined> {
  let document: unknown
  try {
    document = JSON.parse(await readFile(join(dirname(arfPath), 'results.json'), 'utf8'))
  } catch {
    return undefined
  }
  if (typeof document !== 'object' || document === null) return undefined
  const {image, scanner} = document as {image?: unknown; scanner?: unknown}
  if (!isImageInfo(image) || typeof scanner !== 'object' || scanner === null) return undefined
  const {content, durationSeconds} = scanner as {content?: unknown; durationSeconds?: unknown}
  if (typeof content !== 'object' || content === null) return undefined
  const {path, sha256} = content as {path?: unknown; sha256?: unknown}
  if (typeof path !== 'string' || typeof sha256 !== 'string') return undefined
  return {
    image,
    scanner: {
      content: {path, sha256},
      durationSeconds: typeof durationSeconds === 'number' ? durationSeconds : 0
    }
  }
}

function isImageInfo(value: unknown): value is ImageInfo {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  const os = v['os'] as Record<string, unknown> | undefined
  return (
    typeof v['reference'] === 'string' &&
    typeof v['configDigest'] === 'string' &&
    Array.isArray(v['names']) &&
    v['names'].every(n => typeof n === 'string') &&
    typeof v['platform'] === 'string' &&
    typeof os === 'object' &&
    os !== null &&
    typeof os['id'] === 'string' &&
    typeof os['versionId'] === 'string' &&
    typeof os['prettyName'] === 'string'
  )
}
