import {lstat, mkdtemp, rename, rm, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {assertContentSafe} from '../content/content-safety.js'
import {scriptFreeContent} from '../content/script-free-copy.js'
import {SCRIPT_CHECK_REMOVED_SYSTEM} from '../content/strip-sce.js'
import {ConfigurationError, ScanFailedError} from '../errors.js'
import type {Logger} from '../logging.js'
import {checkOscapRun} from './oscap-diagnostics.js'
import {type ScannerEnvironment, preflightScanner} from './preflight.js'
import {SANDBOX_PATHS, excerpt, runInSandbox} from './sandbox.js'
import {hasCompactSelects, prettyPrintTailoring} from './tailoring.js'

export interface OscapScanOptions {
  /** The extracted image root. It is mounted read-only under an overlay and never modified. */
  root: string
  /** A source data stream (`ssg-*-ds.xml`); bound alone into the sandbox, so it must be self-contained. */
  contentPath: string
  /** Full XCCDF profile id (see `resolveProfile`). */
  profileId: string
  tailoringPath?: string
  /** Evaluate only these rules (full ids) of the profile. */
  rules?: string[]
  /** The image's `Config.Env`, `VAR=value` each; becomes `OSCAP_CONTAINER_VARS`. */
  imageEnv: string[]
  /** The image reference with digest, e.g. `docker-archive:app.tar@sha256:…`; becomes `OSCAP_EVALUATION_TARGET`. */
  target: string
  /** Private directory that receives `results.arf.xml`; scratch files live here during the scan. */
  outDir: string
  timeoutMs: number
  signal?: AbortSignal
  logger: Logger
  /** From {@link preflightScanner}; run (once per process) when omitted. */
  scanner?: ScannerEnvironment
  /** Files added to the image's view through the sandbox's upper layer (`packages/upper-layer.ts`). */
  upperFiles?: string
  /**
   * Have the evaluation also write oscap's HTML report (`--report`) to `outDir`, so that no second
   * oscap run over the ARF is needed (issue 11 §6). Same XSLT, same ARF, same report.
   */
  htmlReport?: boolean
}

export interface OscapScanResult {
  arfPath: string
  /** `outDir/report.html` when {@link OscapScanOptions.htmlReport} was asked for. */
  reportPath?: string
  /** 0: nothing failed; 2: at least one rule failed (or was unknown). */
  exitCode: 0 | 2
  /** Sanitised oscap warnings that do not invalidate the results (offline-unsupported probes …). */
  warnings: string[]
  durationSeconds: number
  /** What was removed from the content before oscap saw it (`strip-sce.ts`). */
  scriptChecks: {removedChecks: number; scriptOnlyRules: string[]}
}

export const ARF_FILE_NAME = 'results.arf.xml'
export const REPORT_FILE_NAME = 'report.html'

/**
 * Runs `oscap xccdf eval` on an extracted image root inside the scan sandbox (`sandbox-script.ts`)
 * and writes the ARF to `outDir`. The image is evaluated as a container (`/.dockerenv` in the
 * overlay) with the `docs/reference/openscap.md` §5/§6 workarounds and an allow-listed environment.
 *
 * Script Check Engine checks never run: oscap gets a private copy of the content without them
 * (`content/strip-sce.ts`; rules that had only SCE come out `notchecked`), and the sandbox hides
 * the SCE engine in case one slipped through.
 *
 * Throws {@link ConfigurationError} for missing or unsafe content (DOCTYPE, SCE in a tailoring file) and
 * {@link ScanFailedError} when oscap errs (exit 1, signal), times out, or reports on stderr that
 * some answers are silently wrong (`silent-failure`). Does not parse the ARF, and does not detect
 * "every rule notapplicable".
 */
export async function runOscapScan(options: OscapScanOptions): Promise<OscapScanResult> {
  await assertDirectory(options.root, 'image root')
  await assertFile(options.contentPath, 'SCAP content')
  const contentText = await assertContentSafe(options.contentPath, 'SCAP content', {
    scriptChecks: 'allow'
  })
  if (options.tailoringPath !== undefined) {
    await assertFile(options.tailoringPath, 'tailoring file')
    await assertContentSafe(options.tailoringPath, 'tailoring file')
  }
  const scanner = options.scanner ?? (await preflightScanner())
  const work = await mkdtemp(join(options.outDir, '.scapgate-scan-'))
  try {
    const sandboxOut = await mkdtemp(join(work, 'out-'))
    const tailoringFile =
      options.tailoringPath === undefined
        ? undefined
        : await prettyPrintTailoring(
            options.tailoringPath,
            join(work, 'tailoring.xml'),
            options.signal
          )
    const content = await scriptFreeContent(
      options.contentPath,
      contentText,
      join(work, 'content-without-sce.xml'),
      'SCAP content'
    )
    if (content.removedChecks > 0) {
      options.logger.info(
        `removed ${content.removedChecks} Script Check Engine checks from the content (never run); ` +
          `${content.scriptOnlyRules.length} rules had no other check and will be notchecked`
      )
    }
    // The content is bound read-only into the sandbox; a compact one gets a pretty-printed copy.
    const contentFile = hasCompactSelects(content.text)
      ? await prettyPrintTailoring(
          content.path,
          join(work, 'content.xml'),
          options.signal,
          'SCAP content'
        )
      : content.path
    const command = [
      scanner.oscapPath,
      'xccdf',
      'eval',
      '--profile',
      options.profileId,
      ...(tailoringFile === undefined ? [] : ['--tailoring-file', SANDBOX_PATHS.tailoring]),
      ...(options.rules ?? []).flatMap(rule => ['--rule', rule]),
      // Never --fetch-remote-resources: remote components resolve to an empty directory.
      '--local-files',
      SANDBOX_PATHS.localFiles,
      '--progress',
      '--results-arf',
      `${SANDBOX_PATHS.out}/${ARF_FILE_NAME}`,
      ...(options.htmlReport === true
        ? ['--report', `${SANDBOX_PATHS.out}/${REPORT_FILE_NAME}`]
        : []),
      SANDBOX_PATHS.content
    ]
    options.logger.debug(`oscap (sandboxed): ${command.join(' ')}`)
    const result = await runInSandbox({
      command,
      workDir: work,
      outDir: sandboxOut,
      root: options.root,
      inputFile: contentFile,
      ...(tailoringFile === undefined ? {} : {tailoringFile}),
      rpmDbPath: await rpmDbPath(options.root),
      containerVars: options.imageEnv,
      target: options.target,
      aptConfig: scanner.aptConfigWorkaround,
      ...(options.upperFiles === undefined ? {} : {upperFiles: options.upperFiles}),
      timeoutMs: options.timeoutMs,
      ...(options.signal === undefined ? {} : {signal: options.signal})
    })
    // 0: every rule passed; 2: some rule failed or was unknown. Both mean it evaluated.
    const diagnostics = checkOscapRun(result, {label: 'oscap', okExitCodes: [0, 2]})
    const produced = join(sandboxOut, ARF_FILE_NAME)
    const produceStat = await lstat(produced).catch(() => undefined)
    if (!produceStat?.isFile()) {
      throw new ScanFailedError(`oscap exited with ${result.exitCode} but wrote no ARF`, {
        reason: 'oscap-error',
        exitCode: result.exitCode,
        stderrExcerpt: excerpt(result.stderr)
      })
    }
    const arfPath = join(options.outDir, ARF_FILE_NAME)
    await rename(produced, arfPath)
    let reportPath: string | undefined
    if (options.htmlReport === true) {
      // oscap writes the report after the ARF; exit 0/2 without it means it failed to render.
      const report = join(sandboxOut, REPORT_FILE_NAME)
      const reportStat = await lstat(report).catch(() => undefined)
      if (!reportStat?.isFile()) {
        throw new ScanFailedError(`oscap exited with ${result.exitCode} but wrote no HTML report`, {
          reason: 'oscap-error',
          exitCode: result.exitCode,
          stderrExcerpt: excerpt(result.stderr)
        })
      }
      reportPath = join(options.outDir, REPORT_FILE_NAME)
      await rename(report, reportPath)
    }
    // oscap warns once per rule whose only check is our script-not-run marker: expected, not news.
    const warnings = diagnostics.warnings.filter(w => !w.includes(SCRIPT_CHECK_REMOVED_SYSTEM))
    // Data streams that reference remote OVAL feeds (SSG's Debian 12 content points at Debian's
    // feed) make oscap warn that it did not fetch them: scapgate never fetches remote resources
    // (docs/security.md §2.1), so this is expected and only informational.
    for (const warning of warnings) {
      if (isRemoteResourceNotice(warning)) options.logger.info(`oscap: ${warning}`)
      else options.logger.warning(`oscap: ${warning}`)
    }
    return {
      arfPath,
      ...(reportPath === undefined ? {} : {reportPath}),
      exitCode: result.exitCode === 2 ? 2 : 0,
      warnings,
      durationSeconds: result.durationSeconds,
      scriptChecks: {
        removedChecks: content.removedChecks,
        scriptOnlyRules: content.scriptOnlyRules
      }
    }
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

/**
 * librpm's `%_dbpath` for the image (`docs/reference/openscap.md` §6): `/usr/lib/sysimage/rpm` when that is a real
 * directory in the root (checked without following image symlinks), else `/var/lib/rpm`.
 */
export async function rpmDbPath(root: string): Promise<string> {
  let current = root
  for (const part of ['usr', 'lib', 'sysimage', 'rpm']) {
    current = join(current, part)
    const info = await lstat(current).catch(() => undefined)
    if (!info?.isDirectory()) return '/var/lib/rpm'
  }
  return '/usr/lib/sysimage/rpm'
}

async function assertDirectory(path: string, label: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a directory, found ${describe(info)}`
    )
  }
}

async function assertFile(path: string, label: string): Promise<void> {
  const info = await stat(path).catch(() => undefined)
  if (!info?.isFile()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a file, found ${describe(info)}`
    )
  }
}

function describe(info: Awaited<ReturnType<typeof lstat>> | undefined): string {
  if (info === undefined) return 'nothing'
  if (info.isSymbolicLink()) return 'a symlink'
  if (info.isDirectory()) return 'a directory'
  return 'a special file'
}

/** oscap's notices about a remote component it was not asked to download. */
export function isRemoteResourceNotice(line: string): boolean {
  return /points out to the remote|--fetch-remote-resources|Skipping \S+ file which is referenced from XCCDF content/.test(
    line
  )
}
