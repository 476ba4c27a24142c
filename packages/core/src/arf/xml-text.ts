import {InvalidArfError, sanitizeForDisplay} from '../errors.js'

const predefined: Record<string, string> = {lt: '<', gt: '>', amp: '&', quot: '"', apos: "'"}

/** Decodes the five predefined XML entities and character references; anything else is an error. */
export function decodeText(raw: string, source: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(
    /&(?:(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);)?/g,
    (_match, ref: string | undefined, offset: number) => {
      if (ref === undefined) {
        const context = raw.slice(offset, offset + 20)
        throw new InvalidArfError(
          `Expected only XML's predefined entities or character references in ${source}, found \`${sanitizeForDisplay(context, 40)}\``,
          source
        )
      }
      const named = predefined[ref]
      if (named !== undefined) return named
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      if (!isXmlChar(code)) {
        throw new InvalidArfError(
          `Expected character references in ${source} to name XML characters, found \`&${ref};\``,
          source
        )
      }
      return String.fromCodePoint(code)
    }
  )
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  )
}
