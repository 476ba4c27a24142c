import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {GateVerdict} from '../gate/types.js'
import type {ResolvedImage} from '../image/types.js'
import {renderSummary} from '../report/summary-md.js'
import type {ScanResults} from '../results/model.js'
import {serializeResults} from '../results/results-json.js'
import type {ScanImageOptions, ScanOutcome} from './scan-options.js'
import {copyFiles, listFiles, type CachedScan} from '../cache/result-cache.js'
import {nameStorageError, writeOutputFile} from '../output/output-file.js'

const bodyMarker = '\n| Result | Rules |'

/**
 * Writes the outputs of a cache hit. Every file the cached scan wrote is copied as it was; the
 * gate is evaluated again under the current policy. When the verdict is the one the files were
 * written with, that is all: the outputs are byte-identical to the cold scan's. When the policy
 * changed the verdict, `results.json` is rewritten with the new gate, and `summary.md` gets the new
 * verdict part (heading, reasons, waivers, baseline) on top of the cached body (counts, rules,
 * blame, fixes), which does not depend on the verdict.
 */
export async function renderCached(
  options: Pick<ScanImageOptions, 'outDir'>,
  image: ResolvedImage,
  cached: CachedScan,
  evaluate: (
    results: ScanResults,
    context: {contentRuleIds: readonly string[]}
  ) => Promise<GateVerdict>
): Promise<ScanOutcome> {
  const {outDir} = options
  await copyFiles(cached.filesDir, outDir, await listFiles(cached.filesDir)).catch(
    (error: unknown) => {
      throw nameStorageError(error, outDir)
    }
  )
  const sameName = cached.results.image.reference === image.reference.raw
  const results: ScanResults = {
    ...cached.results,
    image: {...cached.results.image, reference: image.reference.raw, names: image.names}
  }
  const verdict = await evaluate(results, {contentRuleIds: cached.contentRuleIds})
  const summaryPath = join(outDir, 'summary.md')
  if (JSON.stringify(verdict) !== cached.verdictJson || !sameName) {
    await writeOutputFile(join(outDir, 'results.json'), serializeResults(results, verdict))
    const fresh = renderSummary(results, verdict, {fullReportHint: 'report.html and results.json'})
    const old = await readFile(summaryPath, 'utf8').catch(() => '')
    const [freshAt, oldAt] = [fresh.indexOf(bodyMarker), old.indexOf(bodyMarker)]
    await writeOutputFile(
      summaryPath,
      freshAt >= 0 && oldAt >= 0 ? fresh.slice(0, freshAt) + old.slice(oldAt) : fresh
    )
  }
  const summaryMarkdown = await readFile(summaryPath, 'utf8')
  return {results, verdict, outDir, summaryMarkdown}
}
