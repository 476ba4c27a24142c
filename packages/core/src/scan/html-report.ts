import {lstat, mkdtemp, rename, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {ScanFailedError} from '../errors.js'
import {type ScannerEnvironment, preflightScanner} from './preflight.js'
import {SANDBOX_PATHS, excerpt, runInSandbox} from './sandbox.js'

export interface HtmlReportOptions {
  timeoutMs?: number
  signal?: AbortSignal
  scanner?: ScannerEnvironment
}

/**
 * Renders oscap's own HTML report from an ARF (`oscap xccdf generate report`). Runs in the same
 * sandbox as the scan, without a scan root: the ARF holds image data and the XSLT runs in oscap.
 * The HTML is written to a scratch directory beside `htmlPath` and renamed into place. Throws
 * {@link ScanFailedError} (`oscap-error`) when oscap fails. Does not sanitise the HTML: its text
 * comes from the content and the image.
 */
export async function generateHtmlReport(
  arfPath: string,
  htmlPath: string,
  options: HtmlReportOptions = {}
): Promise<void> {
  const scanner = options.scanner ?? (await preflightScanner())
  const work = await mkdtemp(join(dirname(htmlPath), '.scapgate-report-'))
  try {
    const out = await mkdtemp(join(work, 'out-'))
    const result = await runInSandbox({
      command: [
        scanner.oscapPath,
        'xccdf',
        'generate',
        'report',
        '--output',
        `${SANDBOX_PATHS.out}/report.html`,
        SANDBOX_PATHS.content
      ],
      workDir: work,
      outDir: out,
      inputFile: arfPath,
      timeoutMs: options.timeoutMs ?? 300_000,
      ...(options.signal === undefined ? {} : {signal: options.signal})
    })
    const produced = join(out, 'report.html')
    const info = await lstat(produced).catch(() => undefined)
    if (result.exitCode !== 0 || !info?.isFile()) {
      throw new ScanFailedError(
        `oscap xccdf generate report failed (exit ${result.exitCode ?? result.signal}): ${excerpt(result.stderr)}`,
        {
          reason: 'oscap-error',
          exitCode: result.exitCode,
          signal: result.signal,
          stderrExcerpt: excerpt(result.stderr)
        }
      )
    }
    await rename(produced, htmlPath)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}
