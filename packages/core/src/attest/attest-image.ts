/**
 * `scapgate attest`: a completed scan's results.json → a signed compliance attestation on the
 * scanned manifest digest, written to the output directory (`attestation.sigstore.json`) and,
 * unless told not to, attached to the image in its registry.
 *
 * Refuses results that are not a completed scan (schema-checked; gate `pass` or `fail` only) and
 * an IMAGE whose digest differs from the scanned one. A failed gate is attested too (FAILED), so
 * that admission can tell "scanned and failed" from "never scanned".
 */
import {ConfigurationError} from '../errors.js'
import {readUserText} from '../io/read-user-file.js'
import type {GateVerdict} from '../gate/types.js'
import type {DockerReference} from '../image/docker-reference.js'
import type {RegistryOptions} from '../image/types.js'
import {checkJsonSchema, type JsonSchema} from '../results/json-schema-check.js'
import type {ScanResults} from '../results/model.js'
import resultsSchema from '../results/results-schema.json' with {type: 'json'}
import type {AttachedAttestation} from './attach-attestation.js'
import {attestScan} from './attest-scan.js'
import type {Signing} from './signing-key.js'
import type {AttestedResult} from './statement.js'
import type {CveScanReport} from '../cve/types.js'

export interface AttestOptions {
  results: ScanResults
  verdict: GateVerdict
  /** The results' CVE section, when the scan had one: attested as a second statement. */
  cves?: CveScanReport
  image: DockerReference
  key: Signing
  outDir: string
  /** Attach to the registry (default); false writes only the bundle file. */
  upload: boolean
  registry: RegistryOptions
  scapgateVersion: string
  runUrl?: string
  policy?: {name: string; sha256: string}
  log?: (message: string) => void
}

export interface AttestOutcome {
  result: AttestedResult
  manifestDigest: string
  /** The compliance bundle. */
  bundlePath: string
  /** Every bundle written (compliance, then vulnerabilities). */
  bundlePaths: string[]
  /** The compliance attestation's place in the registry. */
  attached?: AttachedAttestation
}

/** Reads and checks a results.json written by a completed scan. */
export async function readCompletedResults(
  path: string
): Promise<{results: ScanResults; verdict: GateVerdict; cves?: CveScanReport}> {
  const text = await readUserText({path, kind: 'results', origin: 'command-line'})
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch {
    throw new ConfigurationError(`Expected ${path} to be a results.json, found no valid JSON`)
  }
  const violations = checkJsonSchema(resultsSchema as JsonSchema, document)
  if (violations.length > 0)
    throw new ConfigurationError(
      `Expected ${path} to be a results.json of a completed scan; ${violations.length} schema violation(s), the first at ${violations[0]?.path ?? '/'}`
    )
  const {gate, cves, ...results} = document as {
    gate: GateVerdict
    cves?: CveScanReport
  } & ScanResults
  if (gate.status !== 'pass' && gate.status !== 'fail')
    throw new ConfigurationError(
      `Expected ${path} to hold the verdict of a completed scan, found gate status ${String(gate.status)}`
    )
  return {results, verdict: gate, ...(cves === undefined ? {} : {cves})}
}

export async function attestImage(options: AttestOptions): Promise<AttestOutcome> {
  const {results, image} = options
  const manifestDigest = results.image.manifestDigest
  if (image.digest !== undefined && manifestDigest !== undefined && image.digest !== manifestDigest)
    throw new ConfigurationError(
      `Expected the image to attest to be the scanned digest ${manifestDigest}, got ${image.digest}`
    )
  const outcome = await attestScan({
    results,
    verdict: options.verdict,
    ...(options.cves === undefined ? {} : {cves: options.cves}),
    repository: `${image.domain}/${image.repository}`,
    key: options.key,
    outDir: options.outDir,
    ...(options.upload ? {attachTo: image} : {}),
    registry: options.registry,
    scapgateVersion: options.scapgateVersion,
    ...(options.runUrl === undefined ? {} : {runUrl: options.runUrl}),
    ...(options.policy === undefined ? {} : {policy: options.policy}),
    ...(options.log === undefined ? {} : {log: options.log})
  })
  return {
    result: outcome.result,
    manifestDigest: outcome.manifestDigest,
    bundlePath: outcome.bundlePaths[0] as string,
    bundlePaths: outcome.bundlePaths,
    ...(outcome.attached[0] === undefined ? {} : {attached: outcome.attached[0]})
  }
}
