// Public surface of @scapgate/core: the API and the error classes. Everything else is internal.
export * from './errors.js'
export * from './logging.js'
export type * from './image/types.js'
export type * from './layers/types.js'
export * from './results/model.js'
export {
  ciIdentityToken,
  hasCiIdentityToken,
  ciRunUrl,
  loadEnvironment,
  defaultContentStoreDir,
  type ScanEnvironment
} from './environment/index.js'
export {parseImageReference, supportedTransports} from './image/reference.js'
export {parsePlatform, formatPlatform} from './image/platform.js'
export {openImage} from './image/open-image.js'
export {applyLayers} from './layers/apply-layers.js'
export {preflightScanner, type ScannerEnvironment} from './scan/preflight.js'
export {runOscapScan, type OscapScanOptions, type OscapScanResult} from './scan/oscap-scan.js'
export {generateHtmlReport} from './scan/html-report.js'
export {parseOsRelease, readOsRelease, type OsRelease} from './content/os-release.js'
export {
  selectContent,
  listDataStreams,
  defaultContentDirs,
  DEFAULT_CONTENT_DIR,
  type ContentPin,
  type ContentSelection,
  type SelectedContent
} from './content/select-content.js'
export {
  fetchContent,
  findPin,
  pinnedDebs,
  ContentUnavailableError,
  DEFAULT_DEBIAN_MIRROR,
  DEFAULT_SSG_RELEASES,
  type FetchedContent,
  type PinnedDeb
} from './content/content-fetch.js'
export {
  listContentEntries,
  describeDataStream,
  productOf,
  compareSsgVersions,
  type ContentEntry,
  type StoredDataStream
} from './content/content-store.js'
export {explainContent, type ContentExplanation} from './pipeline/explain-content.js'
export {listProfiles, resolveProfile, readContentInfo} from './content/profiles.js'
export {parseArf} from './arf/parse-arf.js'
export type {ParsedArf} from './arf/types.js'
export {buildScanResults} from './results/build-results.js'
export {serializeResults, toResultsDocument} from './results/results-json.js'
export {evaluateGate} from './gate/evaluate-gate.js'
export {failOnValues, type FailOn, type GateVerdict, type GateReason} from './gate/types.js'
export {toSarif} from './report/sarif.js'
export {renderSummary} from './report/summary-md.js'
export {scanImage, type ScanImageOptions, type ScanOutcome} from './pipeline/scan-image.js'
export {describeToolVersions, type ToolVersions} from './scan/versions.js'
export {sourceSettings, type SourceFlags} from './image/source-settings.js'
export {evaluatePolicyGate, isExpired, type PolicyGateOptions} from './gate/evaluate-policy-gate.js'
export {
  aggregateStatus,
  renderAggregateSummary,
  type AggregateStatus,
  type ImageVerdict
} from './gate/aggregate.js'
export type {WaiverReport, WaiverOutcomes, BaselineReport, RuleChangeKind} from './gate/types.js'
export {parsePolicy} from './policy/parse-policy.js'
export {loadPolicy, defaultPolicyFile} from './policy/load-policy.js'
export {
  settingsForImage,
  type ImageSettings,
  type PolicyOverrides
} from './policy/resolve-policy.js'
export {checkWaiverRules} from './policy/check-rules.js'
export {PolicyError} from './policy/policy-error.js'
export {
  policyModes,
  type Policy,
  type PolicyMode,
  type Thresholds,
  type Waiver
} from './policy/types.js'
export {readBaseline, parseBaseline} from './baseline/read-baseline.js'
export {
  serializeBaseline,
  toBaselineFile,
  baselineFromResults,
  baselineSchemaUri,
  type BaselineFile
} from './baseline/baseline-file.js'
export {classifyRules, perRule} from './baseline/classify.js'
export type {BaselineData} from './baseline/types.js'
export {defaultCacheDir} from './cache/result-cache.js'
export {
  scanImages,
  imageSlugs,
  imageVerdicts,
  type ScanImagesOptions,
  type ImageOutcome
} from './pipeline/scan-images.js'
export {defaultCountAs} from './policy/types.js'
export {
  reportFromArf,
  type ReportFromArfOptions,
  type ReportOutcome
} from './report/report-from-arf.js'
export {parseDockerfile, type Dockerfile, type Instruction} from './dockerfile/parse-dockerfile.js'
export type {Attribution} from './blame/attribute.js'
export {compareDpkgVersions, parseDpkgVersion} from './cve/dpkg-version.js'
export {compareRpmEvr, parseRpmEvr, rpmvercmp} from './cve/rpm-version.js'
export {scanCves, type ScanCvesOptions} from './cve/scan-cves.js'
export {prefilterFeed, type PrefilterResult} from './cve/prefilter.js'
export {selectFeed, type FeedSource} from './cve/feed-source.js'
export {fetchFeed, FeedUnavailableError} from './cve/feed-fetch.js'
export {evaluateCveGate, type CveGateVerdict, type CveGateReason} from './cve/cve-gate.js'
export {
  parseCvePolicy,
  parseFeedAge,
  cveFailOnValues,
  defaultCvePolicy,
  type CvePolicy
} from './cve/cve-policy.js'
export {gitlabContainerScanningReport} from './cve/cve-outputs.js'
export type {CveScanSettings} from './cve/pipeline-step.js'
export {resolveCveSettings, type CveFlags} from './cve/pipeline-step.js'
export type {CveFinding, CveScanReport, CveSeverity} from './cve/types.js'
export {
  codeSpan,
  escapeMarkdown,
  escapeMarkdownCode,
  fencedBlock,
  htmlText,
  markdownDocument,
  markdownLink,
  markdownText,
  plainText,
  stripControls,
  tableCode,
  terminalText
} from './report/escape.js'
export {renderIncompleteSummary} from './report/incomplete-summary.js'
export {
  checkUserFile,
  readUserFile,
  readUserText,
  userFileError,
  UserFileError,
  type UserFileOrigin,
  type UserFileRequest
} from './io/read-user-file.js'
export {checkOutDir, checkScanInputs} from './pipeline/check-scan-inputs.js'

// Signed compliance attestations (docs/attestations.md).
export {attestImage, readCompletedResults, type AttestOutcome} from './attest/attest-image.js'
export {
  loadSigningKey,
  loadSigningKeyFrom,
  signingKeyFromPem,
  type Signing,
  type SigningKey
} from './attest/signing-key.js'
export {keylessSigning} from './attest/keyless-signing.js'
export type {AttestSettings} from './pipeline/attest-step.js'
export {fetchAttestations} from './attest/fetch-attestations.js'
export {
  verifyAttestations,
  type VerificationOutcome,
  type VerifyRequirements
} from './attest/verify-attestation.js'
export type {AttestedResult} from './attest/statement.js'
export {parseDockerReference, type DockerReference} from './image/docker-reference.js'
