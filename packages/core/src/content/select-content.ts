import {readdir} from 'node:fs/promises'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {readScannerOverrides} from '../environment/scanner-overrides.js'
import {defaultContentStoreDir} from '../environment/content-store-dir.js'
import {assertContentSafe} from './content-safety.js'
import {
  compareSsgVersions,
  listContentCandidates,
  listContentEntries,
  sha256OfFile,
  type ContentCandidate
} from './content-store.js'
import {type OsRelease, describeOs} from './os-release.js'

/** The policy's `content:` pin (policy/types.ts): an SSG release and/or a digest. */
export interface ContentPin {
  version?: string
  /** sha256 of the fetched archive/package (the store entry) or of the data stream itself. */
  sha256?: string
}

/** Why a data stream was chosen; recorded in results.json, summary.md and SARIF. */
export interface ContentSelection {
  /** `store`: scapgate's content store; `directory`: a data stream lying in a content directory. */
  origin: 'store' | 'directory'
  /** The SCAP Security Guide release, from the benchmark's `<version>`. */
  ssgVersion?: string
  /** The store entry's source (URL, `debian:ssg-debian=0.1.76-1`, path) and its sha256. */
  source?: string
  sourceSha256?: string
  /** One sentence: which, from where, and why (plus what was passed over). */
  reason: string
  /** How many copies of the data stream were found. */
  candidates: number
  /** The newer (or pinned-out) copies that were not used, each with the reason. */
  passedOver?: string[]
}

function readScannerOverridesForSelection(): {contentDir?: string; contentStoreDir?: string} {
  const overrides = readScannerOverrides()
  const store = defaultContentStoreDir()
  return {...overrides, ...(store === undefined ? {} : {contentStoreDir: store})}
}

/** Where Debian's `ssg-debian`/`ssg-nondebian` and Fedora's `scap-security-guide` install data streams. */
export const DEFAULT_CONTENT_DIR = '/usr/share/xml/scap/ssg/content'

export interface SelectedContent {
  /** Absolute path of the data stream. */
  path: string
  /** Its file name, e.g. `ssg-debian11-ds.xml`. */
  fileName: string
  /** True when it was found through `ID_LIKE` (e.g. Rocky → RHEL content): rules may be notapplicable. */
  viaIdLike: boolean
  /** Which content was chosen among the candidates, and why (results.json `scanner.content.selection`). */
  selection: ContentSelection
}

/**
 * Candidate data stream names for one os-release `ID`, most specific first. Version-less content
 * (Fedora, openSUSE) matches any version. The names follow SSG's `ssg-<product>-ds.xml`.
 */
export function dataStreamCandidates(id: string, versionId: string | undefined): string[] {
  const major = /^(\d+)/.exec(versionId ?? '')?.[1]
  const ubuntu = /^(\d+)\.(\d+)/.exec(versionId ?? '')
  const versioned = (...products: string[]): string[] =>
    major === undefined ? [] : products.map(product => `ssg-${product}${major}-ds.xml`)
  switch (id) {
    case 'debian':
      return versioned('debian')
    case 'ubuntu':
      return ubuntu ? [`ssg-ubuntu${ubuntu[1]}${ubuntu[2]}-ds.xml`] : []
    case 'rhel':
      return versioned('rhel')
    case 'centos':
      // CentOS Linux 7/8 and CentOS Stream share ID=centos; SSG names Stream content `cs<N>`.
      return versioned('centos', 'cs')
    case 'fedora':
      return ['ssg-fedora-ds.xml']
    case 'sles':
    case 'sled':
    case 'sle':
      return versioned('sle')
    case 'opensuse':
    case 'opensuse-leap':
    case 'opensuse-tumbleweed':
      return ['ssg-opensuse-ds.xml']
    case 'ol':
      return versioned('ol')
    case 'almalinux':
      return versioned('almalinux')
    case 'rocky':
      return versioned('rocky')
    case 'alinux':
      return versioned('alinux')
    case 'anolis':
      return versioned('anolis')
    case 'scientific':
      return versioned('sl')
    default:
      return []
  }
}

export interface SelectContentOptions {
  /**
   * Content directories to look in: each may hold data streams directly and/or content store
   * entries (`content-store.ts`). Default: {@link defaultContentDirs} of the environment.
   */
  dirs?: readonly string[]
  /** The policy's `content: {version, sha256}`: only content with this SSG version / digest. */
  pin?: ContentPin
  /**
   * Whether scapgate can scan with a data stream: resolves to undefined when it can, else the
   * reason. Default: the content-safety check the scan itself applies ({@link assertContentSafe}),
   * so that selection never picks content the scan would then refuse.
   */
  usable?: (path: string) => Promise<string | undefined>
}

/**
 * The content directories of an environment: `SCAPGATE_CONTENT_DIR` (or `--content-dir`) alone
 * when set; else the system's SSG directory and scapgate's content store.
 */
export function defaultContentDirs(environment: {
  contentDir?: string
  contentStoreDir?: string
}): string[] {
  if (environment.contentDir !== undefined) return [environment.contentDir]
  return [
    DEFAULT_CONTENT_DIR,
    ...(environment.contentStoreDir === undefined ? [] : [environment.contentStoreDir])
  ]
}

async function contentSafetyProblem(path: string): Promise<string | undefined> {
  try {
    // The same check the scan applies: SCE checks are stripped there, so they make no copy unusable.
    await assertContentSafe(path, 'SCAP content', {scriptChecks: 'allow'})
    return undefined
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message
    throw error
  }
}

/**
 * Picks the SCAP data stream for an image's OS. For the OS's own `ID`, then each `ID_LIKE` with
 * the same version, it looks for the data stream names SSG uses ({@link dataStreamCandidates}) in
 * every content directory; among the copies found it takes the newest SSG release that passes
 * the pin and is usable, and records why in {@link ContentSelection}. Throws
 * {@link ConfigurationError} naming the OS, the names it looked for and what is available, or
 * why each copy was passed over. Does not check that the content's platform matches the OS.
 */
export async function selectContent(
  os: OsRelease,
  options: SelectContentOptions | string = {}
): Promise<SelectedContent> {
  const settings = typeof options === 'string' ? {dirs: [options]} : options
  const dirs = settings.dirs ?? defaultContentDirs(readScannerOverridesForSelection())
  const usable = settings.usable ?? contentSafetyProblem
  const readable = await readableDirs(dirs)
  const tried: string[] = []
  const ids = [...(os.id === undefined ? [] : [os.id]), ...os.idLike.filter(like => like !== os.id)]
  for (const [index, id] of ids.entries()) {
    for (const candidate of dataStreamCandidates(id, os.versionId)) {
      tried.push(candidate)
      const found = await listContentCandidates(readable, candidate)
      if (found.length === 0) continue
      const chosen = await chooseCandidate(found, settings.pin, usable)
      if (chosen.candidate === undefined) {
        throw new ConfigurationError(
          `No usable SCAP content for ${sanitizeForDisplay(describeOs(os), 100)}: found ${candidate} but passed over every copy: ` +
            chosen.skipped
              .map(s => `${s.path} (SSG ${s.ssgVersion ?? 'version unknown'}): ${s.reason}`)
              .join('; ')
        )
      }
      return {
        path: chosen.candidate.path,
        fileName: candidate,
        viaIdLike: index > 0 || os.id === undefined,
        selection: describeChoice(chosen.candidate, found.length, chosen.skipped, settings.pin)
      }
    }
  }
  throw new ConfigurationError(noContentMessage(os, dirs, tried, await availableIn(readable)))
}

async function readableDirs(dirs: readonly string[]): Promise<string[]> {
  const readable: string[] = []
  let firstError: unknown
  for (const dir of dirs) {
    try {
      await readdir(dir)
      readable.push(dir)
    } catch (error) {
      firstError ??= error
    }
  }
  if (readable.length === 0) {
    throw new ConfigurationError(
      `Cannot read the SCAP content directory \`${dirs.join('`, `')}\` (${(firstError as Error | undefined)?.message ?? 'none given'}). ` +
        'Fetch content with `scapgate content fetch` (docs/content.md), install SCAP Security Guide content ' +
        '(`ssg-debian` and `ssg-nondebian` on Debian/Ubuntu, `scap-security-guide` on Fedora/RHEL), set ' +
        'SCAPGATE_CONTENT_DIR, or pass a data stream explicitly.',
      {cause: firstError}
    )
  }
  return readable
}

async function availableIn(dirs: readonly string[]): Promise<string[]> {
  const names = new Set<string>()
  for (const dir of dirs) {
    for (const name of await listDataStreams(dir).catch(() => [])) names.add(name)
    for (const entry of await listContentEntries(dir)) {
      for (const stream of entry.dataStreams) names.add(stream.file)
    }
  }
  return [...names].sort()
}

interface Skipped {
  path: string
  ssgVersion?: string
  reason: string
}

async function chooseCandidate(
  found: ContentCandidate[],
  pin: ContentPin | undefined,
  usable: (path: string) => Promise<string | undefined>
): Promise<{candidate?: ContentCandidate; skipped: Skipped[]}> {
  // Newest SSG first; on a tie, a store entry (fetched deliberately) before a plain file.
  const ordered = [...found].sort(
    (a, b) =>
      compareSsgVersions(b.ssgVersion, a.ssgVersion) ||
      (a.origin === b.origin ? 0 : a.origin === 'store' ? -1 : 1)
  )
  const skipped: Skipped[] = []
  for (const candidate of ordered) {
    const skip = (reason: string): void => {
      skipped.push({
        path: candidate.path,
        ...(candidate.ssgVersion === undefined ? {} : {ssgVersion: candidate.ssgVersion}),
        reason
      })
    }
    const pinProblem = pinMismatch(candidate, pin)
    if (pinProblem !== undefined) {
      skip(pinProblem)
      continue
    }
    if (candidate.sha256 !== undefined) {
      const actual = await sha256OfFile(candidate.path).catch(() => 'unreadable')
      if (actual !== candidate.sha256) {
        skip(`its sha256 is ${actual}, the store recorded ${candidate.sha256} (re-fetch it)`)
        continue
      }
    }
    const problem = await usable(candidate.path)
    if (problem !== undefined) {
      skip(problem)
      continue
    }
    return {candidate, skipped}
  }
  return {skipped}
}

function pinMismatch(candidate: ContentCandidate, pin: ContentPin | undefined): string | undefined {
  if (pin?.version !== undefined && candidate.ssgVersion !== pin.version) {
    return `the policy pins SSG ${pin.version}`
  }
  if (pin?.sha256 !== undefined) {
    const wanted = pin.sha256.toLowerCase()
    if (candidate.entry?.sha256 !== wanted && candidate.sha256 !== wanted) {
      return `the policy pins sha256 ${wanted}`
    }
  }
  return undefined
}

function describeChoice(
  chosen: ContentCandidate,
  copies: number,
  skipped: Skipped[],
  pin: ContentPin | undefined
): ContentSelection {
  const version = chosen.ssgVersion ?? 'of unknown version'
  const where =
    chosen.origin === 'store'
      ? `the content store ${chosen.contentDir} (fetched from ${sanitizeForDisplay(chosen.entry?.source ?? '', 200)})`
      : chosen.contentDir
  const why =
    copies === 1
      ? 'the only copy of that data stream'
      : `the newest usable of ${copies} copies of that data stream`
  const pinned = pin === undefined ? '' : ', as pinned by the policy'
  const passedOver = skipped.map(
    s =>
      `SSG ${s.ssgVersion ?? '?'} at ${s.path}: ${firstSentence(s.reason.split(`\`${s.path}\` `).join(''))}`
  )
  return {
    origin: chosen.origin,
    ...(chosen.ssgVersion === undefined ? {} : {ssgVersion: chosen.ssgVersion}),
    ...(chosen.entry === undefined
      ? {}
      : {source: chosen.entry.source, sourceSha256: chosen.entry.sha256}),
    reason: `SSG ${version} from ${where}: ${why}${pinned}`,
    candidates: copies,
    ...(passedOver.length === 0 ? {} : {passedOver})
  }
}

function firstSentence(text: string): string {
  const cut = text.indexOf('. ')
  return sanitizeForDisplay(cut === -1 ? text : text.slice(0, cut), 300)
}

/** The `*-ds.xml` files in `dir`, sorted. Throws {@link ConfigurationError} when `dir` is unreadable. */
export async function listDataStreams(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir)
    return names.filter(name => name.endsWith('-ds.xml')).sort()
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the SCAP content directory \`${dir}\` (${(error as Error).message}). Install SCAP Security Guide ` +
        'content (`ssg-debian` and `ssg-nondebian` on Debian/Ubuntu, `scap-security-guide` on Fedora/RHEL), set ' +
        'SCAPGATE_CONTENT_DIR, or pass a data stream explicitly.',
      {cause: error}
    )
  }
}

function noContentMessage(
  os: OsRelease,
  dirs: readonly string[],
  tried: string[],
  available: string[]
): string {
  const name = sanitizeForDisplay(describeOs(os), 100)
  const lines = [
    tried.length === 0
      ? `No SCAP content is known for the image's OS, ${name} (os-release ID=${sanitizeForDisplay(os.id ?? '', 40)}).`
      : `No SCAP content for the image's OS, ${name}: looked for ${tried.join(', ')} in ${dirs.join(', ')}.`
  ]
  const major = Number(/^(\d+)/.exec(os.versionId ?? '')?.[1])
  if ((os.id === 'debian' && major >= 12) || (os.id === 'ubuntu' && major >= 24)) {
    lines.push(
      `SCAP Security Guide 0.1.65 (the version Debian 12 ships) has no content for ${name}; ` +
        'a newer release of ComplianceAsCode/content provides it: `scapgate content fetch` (docs/content.md), or ' +
        '`make setup` in a checkout. Scanning with content for another release would report every rule as notapplicable.'
    )
  }
  lines.push(
    available.length === 0
      ? 'No data streams (*-ds.xml) are installed there.'
      : `Available: ${available.join(', ')}.`,
    'Pass a data stream explicitly to scan anyway.'
  )
  return lines.join(' ')
}
