// Public surface of @scapgate/core: the API and the error classes. Everything else is internal.
export * from './errors.js'
export * from './logging.js'
export type {ScanResults} from './results/model.js'
export {
  ciIdentityToken,
  ciRunUrl,
  hasCiIdentityToken,
  loadEnvironment,
  type ScanEnvironment
} from './environment/index.js'
export {parsePlatform} from './image/platform.js'
export {listDataStreams, defaultContentDirs, DEFAULT_CONTENT_DIR} from './content/select-content.js'
export {fetchContent, findPin, type FetchedContent} from './content/content-fetch.js'
export {
  listContentEntries,
  describeDataStream,
  type ContentEntry,
  type StoredDataStream
} from './content/content-store.js'
export {explainContent} from './pipeline/explain-content.js'
export {failOnValues, type FailOn, type GateVerdict} from './gate/types.js'
export {describeToolVersions} from './scan/versions.js'
export {sourceSettings} from './image/source-settings.js'
export type {AggregateStatus} from './gate/aggregate.js'
export {loadPolicy} from './policy/load-policy.js'
export {readBaseline} from './baseline/read-baseline.js'
export {serializeBaseline, baselineFromResults} from './baseline/baseline-file.js'
export {classifyRules} from './baseline/classify.js'
export {renderSummary, splitSummary} from './report/summary-md.js'
export {githubBlobBase, gitlabBlobBase, type SourceLinks} from './report/source-links.js'
export {trendText} from './report/trend-chart.js'
export {trendSvg} from './report/trend-svg.js'
export {
  appendTrend,
  HISTORY_FILE,
  historySchemaUri,
  parseHistory,
  trendEntry,
  type TrendHistory
} from './trend/history.js'
export {
  optionTable,
  optionKeys,
  optionDefault,
  absolutePaths,
  firstGiven,
  optionsFromFlags,
  optionsFromNames,
  resolveCveSettings,
  type OptionKey,
  type OptionValue,
  type Given
} from './options/index.js'
export {expandReferences, optionsFromEnvironment} from './options/option-variables.js'
export {runGate, type GateRun} from './run/run-gate.js'
export type {BaselineData} from './baseline/types.js'
export {defaultCacheDir} from './cache/result-cache.js'
export type {ScanImagesOptions, ImageOutcome} from './pipeline/scan-images.js'
export {imageSlugs, imageSources} from './image/image-sources.js'
export {defaultCountAs} from './policy/types.js'
export {reportFromArf, type ReportOutcome} from './pipeline/report-from-arf.js'
export {
  codeSpan,
  markdownDocument,
  markdownLink,
  markdownText,
  plainText,
  stripControls,
  terminalText
} from './escape/escape.js'
export {checkUserFile, readUserFile, readUserText} from './io/read-user-file.js'
export {checkOutDir} from './pipeline/check-scan-inputs.js'

// Signed compliance attestations (docs/attestations.md).
export {attestImage, readCompletedResults} from './attest/attest-image.js'
export {loadSigningKeyFrom, signingKeyFromPem, type Signing} from './attest/signing-key.js'
export {keylessSigning} from './attest/keyless-signing.js'
export {fetchAttestations} from './attest/fetch-attestations.js'
export {verifyAttestations} from './attest/verify-attestation.js'
export type {AttestedResult} from './attest/statement.js'
export {parseDockerReference} from './image/docker-reference.js'

// Fleets: fan-out plans, fan-in merges, re-judging released images (docs/fleets.md).
export {archivesIn, localSize, planShards, policyImages} from './fleet/plan.js'
export {
  githubMatrix,
  gitlabChildPipeline,
  jenkinsList,
  planFormats,
  planJson,
  type PlanFormat
} from './fleet/plan-formats.js'
export {mergeFleet} from './fleet/merge.js'
export {rejudgeDigests} from './fleet/rejudge.js'
