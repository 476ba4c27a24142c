/**
 * `scan --attest`: after the verdict, before the output set is published, the verdict (and with
 * `--cves` the findings) is signed into the set's staging directory and, for an image pulled from
 * a registry, attached to it there. A failed gate is signed too (FAILED). A failure here (signing,
 * writing, attaching) fails the image's scan like any other step: the set is abandoned, exit 3.
 *
 * Images that have no manifest digest (a `docker save` archive, a daemon image) cannot be
 * attested: {@link checkAttestable} refuses them before anything is scanned.
 */
import {createHash} from 'node:crypto'
import {basename} from 'node:path'
import {attestScan, type AttestScanOutcome} from '../attest/attest-scan.js'
import type {Signing} from '../attest/signing-key.js'
import {ConfigurationError} from '../errors.js'
import {parseDockerReference, type DockerReference} from '../image/docker-reference.js'
import type {ImageReference, ResolvedImage} from '../image/types.js'
import {readUserFile} from '../io/read-user-file.js'
import type {Policy} from '../policy/types.js'
import type {ScanOutcome} from './scan-options.js'
import type {ScanSettings, StepServices} from './step-context.js'

/** What `--attest` needs; absent: no attestation. */
export interface AttestSettings {
  key: Signing
  /** The CI run recorded in the statement (`predicate.url`). */
  runUrl?: string
  /** Attach to the registry when the image came from one (default true). */
  attach?: boolean
}

/**
 * What the attest step receives, like the other steps' `StepContext` but built at publish time
 * (after the scan or the cache served the verdict): the services, the few settings it reads, and
 * the output set's staging directory, where the bundles are written.
 */
export interface AttestContext extends StepServices {
  readonly settings: Pick<ScanSettings, 'cwd' | 'toolVersion' | 'registry'>
  /** The staging directory of the output set. */
  readonly outDir: string
}

/** The scan being attested: its outcome, the image it opened, the policy in force. */
export interface AttestedScan {
  outcome: ScanOutcome
  reference: ImageReference
  policy?: Policy
}

export function checkAttestable(image: ResolvedImage): void {
  if (image.manifestDigest === undefined)
    throw new ConfigurationError(
      `Expected an image with a manifest digest for \`--attest\`, got ${image.reference.transport} ${image.reference.raw}, which has none: attest an image from a registry, an OCI layout or an OCI archive`
    )
}

function registryImage(reference: ImageReference): DockerReference | undefined {
  return reference.transport === 'registry' ? parseDockerReference(reference.path) : undefined
}

/** The subject's name: the registry repository, else the image's first name without its tag. */
function subjectName(reference: ImageReference, outcome: ScanOutcome): string {
  const pulled = registryImage(reference)
  if (pulled !== undefined) return `${pulled.domain}/${pulled.repository}`
  for (const name of outcome.results.image.names) {
    try {
      const parsed = parseDockerReference(name)
      return `${parsed.domain}/${parsed.repository}`
    } catch {
      // not a registry name: try the next
    }
  }
  return basename(reference.path)
}

export async function attestInto(
  context: AttestContext,
  attest: AttestSettings,
  scanned: AttestedScan
): Promise<AttestScanOutcome> {
  const {outcome, reference} = scanned
  const {settings, logger} = context
  let policy: {name: string; sha256: string} | undefined
  if (scanned.policy !== undefined) {
    const bytes = await readUserFile({
      path: scanned.policy.file,
      kind: 'policy',
      origin: 'command-line',
      workspace: settings.cwd
    })
    policy = {
      name: basename(scanned.policy.file),
      sha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    }
  }
  const attachTo = attest.attach === false ? undefined : registryImage(reference)
  const attested = await attestScan({
    results: outcome.results,
    verdict: outcome.verdict,
    ...(outcome.cveReport === undefined ? {} : {cves: outcome.cveReport}),
    repository: subjectName(reference, outcome),
    key: attest.key,
    outDir: context.outDir,
    ...(attachTo === undefined ? {} : {attachTo}),
    registry: settings.registry ?? {},
    scapgateVersion: settings.toolVersion,
    ...(attest.runUrl === undefined ? {} : {runUrl: attest.runUrl}),
    ...(policy === undefined ? {} : {policy}),
    log: message => logger.debug(message)
  })
  const where =
    attachTo === undefined
      ? 'bundle written (not attached: the image did not come from a registry)'
      : `attached to ${attachTo.domain}/${attachTo.repository}:${attested.attached[0]?.tag ?? ''}`
  logger.info(
    `attested ${attested.manifestDigest} as ${attested.result}${outcome.cveReport === undefined ? '' : ' (and its CVE findings)'}: ${where}`
  )
  return attested
}
