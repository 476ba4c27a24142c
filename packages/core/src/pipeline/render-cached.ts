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

/**
 * Writes the outputs of a cache hit. Every file the cached scan wrote is copied as it was; the
 * gate is evaluated again under the current policy. When the verdict is the one the files were
 * written with, that is all: the outputs are byte-identical to the cold scan's. When the policy
 * changed the verdict, `results.json` is rewritten with the new gate, and `summary.md` is rendered
 * again from the model: which rules gate, and so the table above the fold, depends on the verdict
 * (the locations and fixes of the cold scan are in the copied SARIF and fixes/).
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
    await writeOutputFile(
      summaryPath,
      renderSummary(results, verdict, {fullReportHint: 'report.html and results.json'})
    )
  }
  const summaryMarkdown = await readFile(summaryPath, 'utf8')
  return {results, verdict, outDir, summaryMarkdown}
}
