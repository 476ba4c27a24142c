import {access} from 'node:fs/promises'
import {describeOs} from '../content/os-release.js'
import {resolveProfile, type ContentInfo} from '../content/profiles.js'
import {
  dataStreamCandidates,
  defaultContentDirs,
  selectContent,
  type ContentSelection
} from '../content/select-content.js'
import {CONTAINER_PROFILE, shippedContainerBaseline} from '../content/container-baseline.js'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import type {PreparedImage} from './prepare-root.js'
import type {StepContext} from './step-context.js'

/** The SCAP content and profile a scan evaluates. */
export interface ChosenContent {
  contentPath: string
  content: ContentInfo
  profile: {id: string; title: string}
  tailoringPath?: string
  /** How the content was chosen automatically; absent with `--content`. */
  selection?: ContentSelection
}

async function requireFile(path: string, flag: string): Promise<void> {
  try {
    await access(path)
  } catch {
    throw new ConfigurationError(
      `Expected \`${flag}\` to name a readable file, got \`${path}\` (not found)`
    )
  }
}

/**
 * The SCAP content and profile to evaluate: `--content` or the data stream that matches the
 * image's os-release, and `--profile` (full id or short name) or `standard`. Errors are
 * {@link ConfigurationError}s that list what is available.
 */
export async function chooseContent(
  context: Pick<StepContext, 'settings' | 'logger'>,
  prepared: PreparedImage
): Promise<ChosenContent> {
  const {settings, logger} = context
  if (settings.tailoringPath !== undefined) await requireFile(settings.tailoringPath, '--tailoring')
  let contentPath: string
  let selection: ContentSelection | undefined
  let defaultProfile: string | undefined
  const containerBaseline =
    settings.contentPath === undefined ? await shippedContainerBaseline() : undefined
  if (settings.contentPath !== undefined) {
    await requireFile(settings.contentPath, '--content')
    contentPath = settings.contentPath
  } else if (prepared.os === undefined && containerBaseline !== undefined) {
    // No os-release (scratch, some distroless images): scapgate's container baseline (issue 12).
    logger.info("the image has no os-release; using scapgate's container baseline")
    contentPath = containerBaseline
    defaultProfile = CONTAINER_PROFILE
  } else if (prepared.os === undefined) {
    throw new ConfigurationError(
      `${settings.image}: expected /etc/os-release or /usr/lib/os-release in the image to choose SCAP content, ` +
        'found neither; give --content DS.xml'
    )
  } else if (
    containerBaseline !== undefined &&
    [prepared.os.id ?? '', ...prepared.os.idLike].every(
      id => dataStreamCandidates(id, prepared.os?.versionId).length === 0
    )
  ) {
    // No SCAP Security Guide product exists for this OS (Alpine …): scapgate's container baseline.
    logger.info(
      `${sanitizeForDisplay(describeOs(prepared.os))} has no SCAP Security Guide product; using scapgate's container baseline`
    )
    contentPath = containerBaseline
    defaultProfile = CONTAINER_PROFILE
  } else {
    const selected = await selectContent(prepared.os, {
      dirs: defaultContentDirs(settings.environment),
      ...(settings.contentPin === undefined ? {} : {pin: settings.contentPin})
    })
    if (selected.viaIdLike) {
      logger.warning(
        `${sanitizeForDisplay(describeOs(prepared.os))} has no content of its own; using ${selected.fileName} through ID_LIKE`
      )
    }
    contentPath = selected.path
    selection = selected.selection
    logger.info(`content: ${selected.fileName}, ${selection.reason}`)
    for (const passed of selection.passedOver ?? []) logger.info(`  passed over ${passed}`)
  }
  const resolved = await resolveProfile(
    contentPath,
    settings.profile ?? defaultProfile,
    settings.tailoringPath
  )
  const info = resolved.content.profiles.find(p => p.id === resolved.profileId)
  return {
    contentPath,
    content: resolved.content,
    profile: {id: resolved.profileId, title: info?.title ?? resolved.profileId},
    tailoringPath: settings.tailoringPath,
    ...(selection === undefined ? {} : {selection})
  }
}
