/**
 * The in-toto statements scapgate attests: a compliance verdict as a `test-result` predicate
 * (https://in-toto.io/attestation/test-result/v0.1) on the image's manifest digest. Built from the
 * result model and the verdict only: nothing here resolves a tag or reads the registry, so the
 * subject is always the digest that was scanned and verified.
 *
 * `result` maps the gate: a failed gate is FAILED; a passed gate with waived or below-threshold
 * failures is WARNED; otherwise PASSED. `failedTests` lists every rule that ended fail, error or
 * unknown (gating or not), `passedTests` every rule that passed; the rule ids are XCCDF ids.
 */
import {ConfigurationError} from '../errors.js'
import type {GateVerdict} from '../gate/types.js'
import type {ScanResults} from '../results/model.js'

export const inTotoStatementType = 'https://in-toto.io/Statement/v1'
export const testResultPredicateType = 'https://in-toto.io/attestation/test-result/v0.1'
export const inTotoPayloadType = 'application/vnd.in-toto+json'

export type AttestedResult = 'PASSED' | 'WARNED' | 'FAILED'

/** in-toto ResourceDescriptor (v1): at least one of `uri`, `digest`, `content`. */
export interface ResourceDescriptor {
  name?: string
  uri?: string
  digest?: Record<string, string>
  content?: string
  annotations?: Record<string, string>
}

export interface TestResultPredicate {
  result: AttestedResult
  configuration: ResourceDescriptor[]
  url?: string
  passedTests: string[]
  warnedTests: string[]
  failedTests: string[]
}

export interface InTotoStatement<P = unknown> {
  _type: typeof inTotoStatementType
  subject: {name: string; digest: Record<string, string>}[]
  predicateType: string
  predicate: P
}

export interface StatementContext {
  /** The image's repository as users pull it, without tag or digest (`registry.example/ns/app`). */
  repository: string
  scapgateVersion: string
  /** The CI run that produced the verdict, when known. */
  runUrl?: string
  /** The policy file in force (`scapgate.yml`), with its sha256. */
  policy?: {name: string; sha256: string}
}

export function attestedResult(verdict: GateVerdict): AttestedResult {
  if (verdict.status === 'fail') return 'FAILED'
  return verdict.counts.waived > 0 || verdict.counts.belowThreshold > 0 ? 'WARNED' : 'PASSED'
}

const hex = (digest: string): string => digest.replace(/^sha256:/, '')

/**
 * The subject of every statement about one scanned image: its manifest digest. Throws a
 * ConfigurationError when the results carry no manifest digest (an image read from a `docker
 * save` archive has none): a statement must name the digest a registry serves, never one
 * resolved again later.
 */
export function subjectOf(results: ScanResults, repository: string): InTotoStatement['subject'] {
  const manifestDigest = results.image.manifestDigest
  if (manifestDigest === undefined || !/^sha256:[a-f0-9]{64}$/.test(manifestDigest))
    throw new ConfigurationError(
      `Expected the scanned image to have a manifest digest to attest, found none (${results.image.reference}): scan it from the registry, an OCI layout or an OCI archive`
    )
  return [{name: repository, digest: {sha256: hex(manifestDigest)}}]
}

export function complianceStatement(
  results: ScanResults,
  verdict: GateVerdict,
  context: StatementContext
): InTotoStatement<TestResultPredicate> {
  const subject = subjectOf(results, context.repository)
  const {scanner} = results
  const configuration: ResourceDescriptor[] = [
    {
      name: basename(scanner.content.path),
      digest: {sha256: hex(scanner.content.sha256)},
      annotations: {
        benchmarkId: scanner.content.benchmarkId,
        benchmarkVersion: scanner.content.benchmarkVersion
      }
    },
    {
      name: 'xccdf-profile',
      content: Buffer.from(scanner.profile.id).toString('base64'),
      annotations: {id: scanner.profile.id, title: scanner.profile.title}
    }
  ]
  if (scanner.tailoring !== undefined)
    configuration.push({
      name: basename(scanner.tailoring.path),
      digest: {sha256: hex(scanner.tailoring.sha256)}
    })
  if (context.policy !== undefined)
    configuration.push({name: context.policy.name, digest: {sha256: hex(context.policy.sha256)}})
  configuration.push({
    name: 'scapgate',
    uri: 'https://scapgate.dev',
    annotations: {
      scapgateVersion: context.scapgateVersion,
      openscapVersion: scanner.version,
      score: String(results.score.value),
      failOn: verdict.failOn,
      mode: verdict.mode,
      waived: String(verdict.counts.waived),
      ...(verdict.baseline === undefined ? {} : {baseline: verdict.baseline.source}),
      scannedAt: results.endTime
    }
  })
  const ids = (wanted: readonly string[]): string[] =>
    [...new Set(results.rules.filter(r => wanted.includes(r.result)).map(r => r.id))].sort()
  const failing = ids(['fail', 'error', 'unknown'])
  const result = attestedResult(verdict)
  return {
    _type: inTotoStatementType,
    subject,
    predicateType: testResultPredicateType,
    predicate: {
      result,
      configuration,
      ...(context.runUrl === undefined ? {} : {url: context.runUrl}),
      passedTests: ids(['pass']),
      warnedTests: result === 'FAILED' ? [] : failing,
      failedTests: result === 'FAILED' ? failing : []
    }
  }
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
