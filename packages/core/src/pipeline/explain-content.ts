import type {OsRelease} from '../content/os-release.js'
import {resolveProfile} from '../content/profiles.js'
import {
  defaultContentDirs,
  selectContent,
  type ContentPin,
  type SelectedContent
} from '../content/select-content.js'
import {ConfigurationError, getErrorMessage} from '../errors.js'
import {extractRoot, openSourceImage} from './prepare-root.js'
import type {ScanImageOptions} from './scan-options.js'
import {createWorkDir, removeTree} from './work-dir.js'

export type ExplainContentOptions = Pick<
  ScanImageOptions,
  'image' | 'platform' | 'registry' | 'daemon' | 'environment' | 'logger' | 'progress' | 'signal'
> & {profile?: string; pin?: ContentPin}

export interface ContentExplanation {
  os: OsRelease | undefined
  /** Undefined when no content fits; `problem` then says why. */
  selected?: SelectedContent
  profile?: {id: string; title: string}
  /** Every profile of the chosen data stream (short names), to choose another with `--profile`. */
  profiles: string[]
  problem?: string
}

/**
 * `scapgate content explain`: which data stream and profile a scan of `image` would use, through
 * the scan's own code (image intake, layer application, {@link selectContent},
 * {@link resolveProfile}) but without running oscap. The image's layers are applied in a private
 * temporary directory (the os-release may be a symlink into any layer), then removed.
 * Selection problems are returned, not thrown: explaining them is the point.
 */
export async function explainContent(options: ExplainContentOptions): Promise<ContentExplanation> {
  const work = await createWorkDir(options.environment.tmpDir)
  try {
    const image = await openSourceImage({...options, settings: options}, work.path)
    const prepared = await extractRoot(options, image, work.path)
    await image.close()
    await removeTree(prepared.root)
    const os = prepared.os
    if (os === undefined) {
      return {
        os,
        profiles: [],
        problem:
          'the image has no /etc/os-release or /usr/lib/os-release: a scan needs --content DS.xml'
      }
    }
    let selected: SelectedContent
    try {
      selected = await selectContent(os, {
        dirs: defaultContentDirs(options.environment),
        ...(options.pin === undefined ? {} : {pin: options.pin})
      })
    } catch (error) {
      if (error instanceof ConfigurationError) return {os, profiles: [], problem: error.message}
      throw error
    }
    try {
      const resolved = await resolveProfile(selected.path, options.profile)
      const info = resolved.content.profiles.find(p => p.id === resolved.profileId)
      return {
        os,
        selected,
        profile: {id: resolved.profileId, title: info?.title ?? resolved.profileId},
        profiles: shortNames(resolved.content.profiles)
      }
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error
      return {os, selected, profiles: [], problem: getErrorMessage(error)}
    }
  } finally {
    await work.dispose()
  }
}

function shortNames(profiles: readonly {id: string}[]): string[] {
  return [...new Set(profiles.map(p => p.id.replace(/^.*_profile_/, '')))]
}
