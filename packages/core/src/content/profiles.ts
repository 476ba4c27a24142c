import {createHash} from 'node:crypto'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {readUserFile} from '../io/read-user-file.js'

export interface ProfileInfo {
  id: string
  title: string
  /** True when the profile comes from the tailoring file. */
  tailored: boolean
}

export interface ContentInfo {
  path: string
  /** sha256 of the data stream file, hex. */
  sha256: string
  benchmarkId?: string
  benchmarkVersion?: string
  profiles: ProfileInfo[]
}

export interface ResolvedProfile {
  profileId: string
  content: ContentInfo
}

export const DEFAULT_PROFILE = 'standard'

/**
 * Reads the benchmark id and version and the XCCDF profiles of a data stream, plus the profiles a
 * tailoring file adds. This is a light scan of the start tags, not a validating parse: it is for
 * choosing and reporting a profile, and oscap remains the judge (an id it does not accept makes the
 * scan fail). Throws {@link ConfigurationError} when the file cannot be read.
 */
export async function readContentInfo(
  dataStream: string,
  tailoringPath?: string
): Promise<ContentInfo> {
  const bytes = await readContent(dataStream, 'SCAP content')
  const text = stripComments(bytes.toString('utf8'))
  const benchmark = /<(?:[\w.-]+:)?Benchmark\b([^>]*)>/.exec(text)
  const info: ContentInfo = {
    path: dataStream,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    profiles: extractProfiles(text, false)
  }
  const benchmarkId = benchmark ? attribute(benchmark[1] as string, 'id') : undefined
  if (benchmarkId !== undefined) info.benchmarkId = benchmarkId
  if (benchmark) {
    const version = /<(?:[\w.-]+:)?version\b[^>]*>([^<]*)</.exec(text.slice(benchmark.index))?.[1]
    if (version !== undefined) info.benchmarkVersion = decodeXmlText(version).trim()
  }
  if (tailoringPath !== undefined) {
    const tailoring = stripComments(
      (await readContent(tailoringPath, 'tailoring file')).toString('utf8')
    )
    info.profiles = [...extractProfiles(tailoring, true), ...info.profiles]
  }
  return info
}

/** The profiles of a data stream (and of a tailoring file), in document order. */
export async function listProfiles(
  dataStream: string,
  tailoringPath?: string
): Promise<ProfileInfo[]> {
  return (await readContentInfo(dataStream, tailoringPath)).profiles
}

/**
 * Resolves a profile given by full id (`xccdf_org.ssgproject.content_profile_standard`) or short
 * name (`standard`) to its full id; without `requested`, {@link DEFAULT_PROFILE}. Tailoring
 * profiles are matched first. Throws {@link ConfigurationError} listing the available profiles
 * when the profile is unknown or ambiguous.
 */
export async function resolveProfile(
  dataStream: string,
  requested?: string,
  tailoringPath?: string
): Promise<ResolvedProfile> {
  const content = await readContentInfo(dataStream, tailoringPath)
  const wanted = requested?.trim() || DEFAULT_PROFILE
  const exact = content.profiles.find(profile => profile.id === wanted)
  if (exact) return {profileId: exact.id, content}
  const bySuffix = [
    ...new Set(content.profiles.filter(p => p.id.endsWith(`_profile_${wanted}`)).map(p => p.id))
  ]
  if (bySuffix.length === 1) return {profileId: bySuffix[0] as string, content}
  const list =
    content.profiles.length === 0
      ? '(none)'
      : content.profiles.map(p => `${p.id} (${p.title})`).join(', ')
  const shown = sanitizeForDisplay(wanted, 120)
  if (bySuffix.length > 1) {
    throw new ConfigurationError(
      `Expected \`profile\` to name one profile, \`${shown}\` matches ${bySuffix.join(', ')}`
    )
  }
  throw new ConfigurationError(
    requested?.trim()
      ? `Expected \`profile\` to be one of the profiles in ${dataStream}, got \`${shown}\`. Available: ${list}`
      : `No \`profile\` given and ${dataStream} has no \`${DEFAULT_PROFILE}\` profile; choose one of: ${list}`
  )
}

/**
 * Through `readUserFile`: a regular file under the kind's cap, never a FIFO or device (the
 * workspace rules were applied when the scan's inputs were checked, `check-scan-inputs.ts`).
 */
async function readContent(path: string, label: string): Promise<Buffer> {
  return readUserFile({
    path,
    kind: label === 'tailoring file' ? 'tailoring' : 'content',
    origin: 'command-line'
  })
}

function extractProfiles(text: string, tailored: boolean): ProfileInfo[] {
  const profiles: ProfileInfo[] = []
  const start = /<((?:[\w.-]+:)?)Profile\b([^>]*?)(\/?)>/g
  for (let match = start.exec(text); match !== null; match = start.exec(text)) {
    const id = attribute(match[2] as string, 'id')
    if (id === undefined) continue
    let title = ''
    if (match[3] !== '/') {
      const end = text.indexOf(`</${match[1]}Profile>`, start.lastIndex)
      const body = text.slice(start.lastIndex, end === -1 ? undefined : end)
      title = decodeXmlText(/<(?:[\w.-]+:)?title\b[^>]*>([^<]*)</.exec(body)?.[1] ?? '').trim()
    }
    profiles.push({id, title, tailored})
  }
  return profiles
}

function attribute(attributes: string, name: string): string | undefined {
  const value = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)
  if (!value) return undefined
  return decodeXmlText(value[1] ?? value[2] ?? '')
}

function stripComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '')
}

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
    const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"}
    const lower = entity.toLowerCase()
    if (lower in named) return named[lower] as string
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}
