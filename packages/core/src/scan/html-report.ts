import {rename} from 'node:fs/promises'
import {dirname} from 'node:path'
import {runArfTool} from './arf-tool.js'
import {type ScannerEnvironment, preflightScanner} from './preflight.js'

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
  await runArfTool(
    {
      scanner,
      arfPath,
      args: ['xccdf', 'generate', 'report'],
      workParent: dirname(htmlPath),
      ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
      ...(options.signal === undefined ? {} : {signal: options.signal})
    },
    produced => rename(produced, htmlPath)
  )
}
