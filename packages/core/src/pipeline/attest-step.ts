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
import type {ImageReference, RegistryOptions, ResolvedImage} from '../image/types.js'
import {readUserFile} from '../io/read-user-file.js'
import type {Logger} from '../logging.js'
import type {Policy} from '../policy/types.js'
import type {ScanOutcome} from './scan-image.js'

/** What `--attest` needs; absent: no attestation. */
export interface AttestSettings {
  key: Signing
  /** The CI run recorded in the statement (`predicate.url`). */
  runUrl?: string
  /** Attach to the registry when the image came from one (default true). */
  attach?: boolean
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
  settings: AttestSettings,
  context: {
    outcome: ScanOutcome
    reference: ImageReference
    stagingDir: string
    registry: RegistryOptions
    policy?: Policy
    cwd: string
    toolVersion: string
    logger: Logger
  }
): Promise<AttestScanOutcome> {
  const {outcome, reference} = context
  let policy: {name: string; sha256: string} | undefined
  if (context.policy !== undefined) {
    const bytes = await readUserFile({
      path: context.policy.file,
      kind: 'policy',
      origin: 'command-line',
      workspace: context.cwd
    })
    policy = {
      name: basename(context.policy.file),
      sha256: `sha256:${createHash('sha256').update(bytes).digest('hex')}`
    }
  }
  const attachTo = settings.attach === false ? undefined : registryImage(reference)
  const attested = await attestScan({
    results: outcome.results,
    verdict: outcome.verdict,
    ...(outcome.cveReport === undefined ? {} : {cves: outcome.cveReport}),
    repository: subjectName(reference, outcome),
    key: settings.key,
    outDir: context.stagingDir,
    ...(attachTo === undefined ? {} : {attachTo}),
    registry: context.registry,
    scapgateVersion: context.toolVersion,
    ...(settings.runUrl === undefined ? {} : {runUrl: settings.runUrl}),
    ...(policy === undefined ? {} : {policy}),
    log: message => context.logger.debug(message)
  })
  const where =
    attachTo === undefined
      ? 'bundle written (not attached: the image did not come from a registry)'
      : `attached to ${attachTo.domain}/${attachTo.repository}:${attested.attached[0]?.tag ?? ''}`
  context.logger.info(
    `attested ${attested.manifestDigest} as ${attested.result}${outcome.cveReport === undefined ? '' : ' (and its CVE findings)'}: ${where}`
  )
  return attested
}
