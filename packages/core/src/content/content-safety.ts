import {ConfigurationError} from '../errors.js'
import {readUserFile} from '../io/read-user-file.js'

/** SCAP content (data stream or tailoring) larger than this is refused. SSG's largest is ~30 MB. */
export const MAX_CONTENT_BYTES = 256 * 1024 * 1024

const SCE_SYSTEM = 'open-scap.org/page/sce'

export interface ContentSafetyOptions {
  /**
   * `refuse` (default): any mention of the Script Check Engine fails, as for tailoring files,
   * which have no business naming check systems. `allow`: a data stream may hold SCE checks,
   * because the caller strips them before oscap sees it (`strip-sce.ts`).
   */
  scriptChecks?: 'refuse' | 'allow'
}

/**
 * Refuses SCAP content that oscap could use to read beyond the content itself or that the checks
 * here cannot read (`docs/reference/security.md` §2.1 #4, OS-5), and returns its text:
 * - `<!DOCTYPE` / `<!ENTITY` (SSG never uses them; entities could pull in files);
 * - encodings in which the checks below would be blind (UTF-16/32, EBCDIC) and compressed files;
 * - with `scriptChecks: 'refuse'`, Script Check Engine references
 *   (`system="http://open-scap.org/page/SCE"`), which exec scripts.
 *
 * The SCE search runs on the text with numeric character references decoded and ignoring case, so
 * `&#83;CE` does not slip through; it may refuse content that only mentions the URI in prose.
 * Remote resources are not checked here: scapgate never passes `--fetch-remote-resources` and the
 * sandbox has no network. Throws {@link ConfigurationError} naming `label`.
 */
export async function assertContentSafe(
  path: string,
  label: string,
  options: ContentSafetyOptions = {}
): Promise<string> {
  const text = await readContentText(path, label)
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without <!DOCTYPE> or <!ENTITY> declarations, found one`
    )
  }
  if ((options.scriptChecks ?? 'refuse') === 'refuse' && mentionsScriptChecks(text)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without Script Check Engine (SCE) checks, found a reference to ` +
        'http://open-scap.org/page/SCE. SCE runs scripts from the content on the scanning machine; scapgate refuses it.'
    )
  }
  return text
}

/** True when `text` names the SCE system or its script namespace anywhere (decoded, any case). */
export function mentionsScriptChecks(text: string): boolean {
  return decodeCharacterReferences(text).toLowerCase().includes(SCE_SYSTEM)
}

/**
 * Offset of the first mention of the SCE system in `text` that is not the script namespace
 * (`http://open-scap.org/page/SCE_xccdf_stream`, which only declares a prefix once the scripts
 * are gone), or -1. An independent, textual check of what `strip-sce.ts` wrote: whatever the tag
 * scanner there might have missed, a check naming the SCE system cannot pass it.
 */
export function findScriptCheckReference(text: string): number {
  const lower = decodeCharacterReferences(text).toLowerCase()
  for (let at = lower.indexOf(SCE_SYSTEM); at !== -1; at = lower.indexOf(SCE_SYSTEM, at + 1)) {
    if (!lower.startsWith('_xccdf_stream', at + SCE_SYSTEM.length)) return at
  }
  return -1
}

async function readContentText(path: string, label: string): Promise<string> {
  // A regular file under the cap, never a FIFO or a device (docs/input-files.md).
  const bytes = await readUserFile({
    path,
    kind: label === 'tailoring file' ? 'tailoring' : 'content',
    origin: 'command-line',
    ...(label === 'tailoring file' ? {} : {maxBytes: MAX_CONTENT_BYTES})
  })
  const head = bytes.subarray(0, 4)
  if (
    head.includes(0) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    (head[0] === 0xff && head[1] === 0xfe)
  ) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found UTF-16/32 (convert it with iconv)`
    )
  }
  if (head.subarray(0, 3).toString('latin1') === 'BZh' || (head[0] === 0x1f && head[1] === 0x8b)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` as plain XML, found a compressed file (decompress it first)`
    )
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(
    bytes.subarray(0, 200).toString('latin1')
  )?.[1]
  if (declared !== undefined && !/^(utf-8|us-ascii|ascii|iso-8859-1|latin1)$/i.test(declared)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found ${/^[A-Za-z0-9_.:-]{1,40}$/.test(declared) ? `encoding="${declared}"` : 'another encoding'}`
    )
  }
  return bytes.toString('utf8')
}

function decodeCharacterReferences(text: string): string {
  return text.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (whole, code: string) => {
    const value =
      code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10)
    return value > 0 && value <= 0x10ffff ? String.fromCodePoint(value) : whole
  })
}
