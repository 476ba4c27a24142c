/**
 * Blame for one scanned image: bookkeeping of the evidence paths and dpkg packages across its
 * layers, its history, and the Dockerfile. The entry point the pipeline and `scapgate report`
 * share.
 */
import {isAbsolute, relative} from 'node:path'
import type {ParsedArf} from '../arf/types.js'
import {describeHistory} from '../dockerfile/match-history.js'
import {parseDockerfile} from '../dockerfile/parse-dockerfile.js'
import {readUserText} from '../io/read-user-file.js'
import type {ResolvedImage} from '../image/types.js'
import type {ApplyResult} from '../layers/types.js'
import type {Logger} from '../logging.js'
import type {RuleOutcome} from '../results/model.js'
import {blamePackages, blameRules, evidencePaths, type BlameInput} from './attribute.js'
import {type Attribution, type SourceLocation} from './types.js'
import {collectBookkeeping} from './bookkeeping.js'
import {readVariableSources, type VariableSources} from './oval-variables.js'

export interface LoadedDockerfile {
  uri: string
  parsed: ReturnType<typeof parseDockerfile>
}

/** Repository-relative, `/`-separated form of `path` for SARIF and Code Quality. */
export function toRepositoryUri(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path
  return rel.split('\\').join('/')
}

/**
 * Reads and parses the Dockerfile; an unreadable one costs only precision (a warning, then
 * findings go to the fallback location). Read through `readUserText` with `cwd` as the workspace:
 * a regular file of at most 1 MiB, never a FIFO, and (inside the checkout) never a link out of it.
 */
export async function loadDockerfile(
  path: string | undefined,
  cwd: string,
  logger: Logger
): Promise<LoadedDockerfile | undefined> {
  if (path === undefined) return undefined
  try {
    const text = await readUserText({
      path,
      kind: 'dockerfile',
      origin: 'command-line',
      workspace: cwd
    })
    return {uri: toRepositoryUri(path, cwd), parsed: parseDockerfile(text)}
  } catch (error) {
    logger.warning(
      `Dockerfile ${path} could not be read (${(error as Error).message}); findings point at the fallback location`
    )
    return undefined
  }
}

export interface BlameImageOptions {
  /** The rules to attribute (the reported ones). */
  rules: readonly RuleOutcome[]
  parsed: ParsedArf
  /** The ARF file, to follow OVAL variables back to files (config-line rules). */
  arfPath?: string
  /** The OVAL variable sources, already read from the ARF's one parse; then `arfPath` is not read. */
  variables?: VariableSources
  /** An open image (its layers can still be read); undefined for `report` without `--image`. */
  image?: ResolvedImage
  /**
   * The applier's bookkeeping, when the layers were applied in this process: its record is used
   * and no layer is read again. Without it the layers are read (`scapgate report --image`).
   */
  applied?: ApplyResult
  dockerfile?: LoadedDockerfile
  fallback: SourceLocation
  logger: Logger
  signal?: AbortSignal
}

/**
 * Attributes `rules`. Reading the layers can fail (a blob gone, a cancelled run): blame then
 * degrades to FROM-line locations with a warning; it never fails the scan.
 */
export async function blameImage(options: BlameImageOptions): Promise<Map<string, Attribution>> {
  const input: BlameInput = {
    oval: options.parsed.oval,
    fallback: options.fallback,
    ...(options.dockerfile === undefined ? {} : {dockerfile: options.dockerfile})
  }
  if (options.variables !== undefined) {
    input.variables = options.variables
  } else if (options.arfPath !== undefined) {
    try {
      input.variables = await readVariableSources(options.arfPath)
    } catch (error) {
      options.logger.warning(`blame: could not follow OVAL variables (${(error as Error).message})`)
    }
  }
  const {image} = options
  if (image !== undefined) {
    input.history = describeHistory(image.config.history, image.layers.length)
    try {
      input.bookkeeping = await collectBookkeeping({
        layers: image.layers,
        ...(options.applied === undefined
          ? {}
          : {changes: options.applied.layers, facts: options.applied.facts}),
        paths: evidencePaths(options.rules, options.parsed.oval, input.variables),
        ...(options.signal === undefined ? {} : {signal: options.signal})
      })
    } catch (error) {
      if (options.signal?.aborted === true) throw error
      options.logger.warning(
        `blame: could not follow the layers (${(error as Error).message}); findings point at the FROM line`
      )
    }
  }
  return blameRules(options.rules, input)
}

export interface BlamePackagesOptions {
  packages: Parameters<typeof blamePackages>[0]
  /** The open image (its history; its layers are read only without `applied`). */
  image: ResolvedImage
  applied?: ApplyResult
  dockerfile?: LoadedDockerfile
  fallback: SourceLocation
  logger: Logger
  signal?: AbortSignal
}

/**
 * Attributes packages (CVE findings) to the Dockerfile instruction that installed or upgraded
 * them, with the same bookkeeping and rules as {@link blameImage}: from the applier's record of
 * the dpkg database in each layer. Degrades to the FROM line with a warning; never fails the scan.
 */
export async function blameImagePackages(
  options: BlamePackagesOptions
): Promise<Map<string, Attribution>> {
  const {image} = options
  const input: BlameInput = {
    oval: new Map(),
    fallback: options.fallback,
    history: describeHistory(image.config.history, image.layers.length),
    ...(options.dockerfile === undefined ? {} : {dockerfile: options.dockerfile})
  }
  if (options.packages.some(p => p.kind === 'dpkg')) {
    try {
      input.bookkeeping = await collectBookkeeping({
        layers: image.layers,
        ...(options.applied === undefined
          ? {}
          : {changes: options.applied.layers, facts: options.applied.facts}),
        paths: [],
        ...(options.signal === undefined ? {} : {signal: options.signal})
      })
    } catch (error) {
      if (options.signal?.aborted === true) throw error
      options.logger.warning(
        `blame: could not follow the layers (${(error as Error).message}); vulnerable packages point at the FROM line`
      )
    }
  }
  return blamePackages(options.packages, input)
}
