/**
 * Signing a completed scan: the statements about one scanned image (the compliance verdict, and
 * with a CVE scan the vulnerability findings), each signed into a Sigstore bundle, written into
 * the output directory and, when the image lives in a registry, attached to it.
 *
 * Used by `scan --attest` (into the output set's staging directory, before the set is
 * committed: the bundle is one more file of the set, written once by writeOutputFile) and by
 * `scapgate attest` (into its output directory). The verdict signed is the one the caller
 * computed, pass or fail: a failed gate gets a FAILED attestation.
 */
import {join} from 'node:path'
import type {CveScanReport} from '../cve/types.js'
import type {GateVerdict} from '../gate/types.js'
import type {DockerReference} from '../image/docker-reference.js'
import type {RegistryOptions} from '../image/types.js'
import {writeOutputFile} from '../output/output-file.js'
import type {ScanResults} from '../results/model.js'
import {attachAttestation, type AttachedAttestation} from './attach-attestation.js'
import {signStatement} from './sign-statement.js'
import type {Signing} from './signing-key.js'
import {complianceStatement, type AttestedResult, type InTotoStatement} from './statement.js'
import {vulnsStatement} from './vulns-statement.js'

/** The compliance bundle's name in an output set. */
export const ATTESTATION_FILE = 'attestation.sigstore.json'
/** The vulnerability bundle's name (with `--cves`). */
export const VULNS_ATTESTATION_FILE = 'attestation-vulns.sigstore.json'

export interface AttestScanOptions {
  results: ScanResults
  verdict: GateVerdict
  /** The CVE scan's report, when there was one: a second statement. */
  cves?: CveScanReport
  /** The subject's name: the repository as users pull it (`registry.example/ns/app`). */
  repository: string
  key: Signing
  /** Where the bundles are written. */
  outDir: string
  /** The registry image to attach to; undefined: write the bundles only. */
  attachTo?: DockerReference
  registry: RegistryOptions
  scapgateVersion: string
  runUrl?: string
  policy?: {name: string; sha256: string}
  log?: (message: string) => void
}

export interface AttestScanOutcome {
  result: AttestedResult
  manifestDigest: string
  /** The bundle files written, compliance first. */
  bundlePaths: string[]
  /** One per bundle, in the same order, when attached. */
  attached: AttachedAttestation[]
}

export async function attestScan(options: AttestScanOptions): Promise<AttestScanOutcome> {
  const {results} = options
  const compliance = complianceStatement(results, options.verdict, {
    repository: options.repository,
    scapgateVersion: options.scapgateVersion,
    ...(options.runUrl === undefined ? {} : {runUrl: options.runUrl}),
    ...(options.policy === undefined ? {} : {policy: options.policy})
  })
  const statements: [string, InTotoStatement][] = [[ATTESTATION_FILE, compliance]]
  if (options.cves !== undefined)
    statements.push([
      VULNS_ATTESTATION_FILE,
      vulnsStatement(results, options.cves, {
        repository: options.repository,
        scapgateVersion: options.scapgateVersion
      })
    ])
  // Everything is signed before anything is written or attached: a signing failure leaves nothing.
  const signed = await Promise.all(
    statements.map(async ([file, statement]) => ({
      file,
      attestation: await signStatement(statement, options.key)
    }))
  )
  const bundlePaths: string[] = []
  for (const {file, attestation} of signed) {
    const path = join(options.outDir, file)
    await writeOutputFile(path, `${JSON.stringify(attestation.bundle, null, 2)}\n`, {mode: 0o644})
    bundlePaths.push(path)
  }
  const manifestDigest = results.image.manifestDigest as string
  const attached: AttachedAttestation[] = []
  if (options.attachTo !== undefined) {
    // One after the other: each appends a layer to the same `.att` manifest.
    for (const {attestation} of signed)
      attached.push(
        await attachAttestation(
          {reference: options.attachTo, manifestDigest},
          attestation,
          options.registry,
          options.log
        )
      )
  }
  return {result: compliance.predicate.result, manifestDigest, bundlePaths, attached}
}
