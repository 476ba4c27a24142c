/**
 * Cutting text to a platform limit without breaking it: counted in code points (GitHub's
 * comment limit is 65,536 code points), cut at a line boundary when one is near, and never
 * leaving a fenced code block or a `<details>` open.
 */
export function codePointLength(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)
}

export function cutText(text: string, limit: number, note: string): string {
  if (codePointLength(text) <= limit) return text
  const budget = Math.max(0, limit - codePointLength(note) - 32)
  let cut = Array.from(text).slice(0, budget).join('')
  const lastLine = cut.lastIndexOf('\n')
  if (lastLine > budget * 0.8) cut = cut.slice(0, lastLine)
  const fences = (cut.match(/^\s*```/gm) ?? []).length
  if (fences % 2 === 1) cut += '\n```'
  const opened = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length
  for (let i = 0; i < opened; i += 1) cut += '\n</details>'
  return `${cut}${note}`
}
