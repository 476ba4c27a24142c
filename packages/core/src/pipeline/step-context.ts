import type {Logger, ProgressReporter} from '../logging.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import type {ScanImageOptions} from './scan-options.js'

/** The fields of `ScanImageOptions` that are settings (what was asked), not services or callbacks. */
const settingKeys = [
  'image',
  'contentPath',
  'contentPin',
  'profile',
  'tailoringPath',
  'platform',
  'registry',
  'daemon',
  'timeoutMs',
  'environment',
  'dockerfile',
  'cwd',
  'toolVersion',
  'review'
] as const

/**
 * The resolved settings of one image's scan: what the caller asked for, nothing injected (no
 * logger, callbacks or output set). Read-only: a step never changes what the next one sees.
 */
export type ScanSettings = Readonly<Pick<ScanImageOptions, (typeof settingKeys)[number]>>

/** A frozen copy of the settings in `options`, so that a step cannot reach the rest of the bag. */
export function scanSettings(options: ScanImageOptions): ScanSettings {
  const picked: Record<string, unknown> = {}
  for (const key of settingKeys) if (options[key] !== undefined) picked[key] = options[key]
  return Object.freeze(picked) as unknown as ScanSettings
}

/** The services every step reports through. */
export interface StepServices {
  readonly logger: Logger
  readonly progress: ProgressReporter
  readonly signal?: AbortSignal
}

/**
 * What the steps of one image's scan receive (`scanImage` builds it once): the settings, the
 * scanner checked once for the whole scan (one preflight, not one per step), the scan's private
 * work directory and the directory the outputs are staged in. The opened image is the
 * `PreparedImage` that the first step returns and the later steps take. Steps never see the
 * caller's options bag.
 */
export interface StepContext extends StepServices {
  readonly settings: ScanSettings
  readonly scanner: ScannerEnvironment
  readonly workDir: string
  /** The staging directory of the output set; every output file is written here. */
  readonly outDir: string
}

/** What opening an image needs, before any scan (the result cache and `content explain` use it). */
export interface IntakeContext extends StepServices {
  readonly settings: Pick<ScanSettings, 'image' | 'platform' | 'registry' | 'daemon'>
}
