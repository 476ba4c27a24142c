/**
 * A Dockerfile parser for blame: instructions with their 1-based line ranges, following
 * BuildKit's rules closely enough to find lines, not to build.
 *
 * Handles parser directives at the top (`# escape=`), comments and blank lines (also inside
 * continuations), the escape character at the end of a line (`\` or `` ` ``), heredocs
 * (`<<EOF`, `<<-EOF`, quoted delimiters, several per instruction) and stages (`FROM … AS name`).
 * Does not: expand variables, validate arguments, or reject unknown instructions (they are kept,
 * so lines stay right). Never throws on malformed input: an unterminated heredoc or continuation
 * runs to the end of the file, as BuildKit reads it.
 */

export interface Heredoc {
  /** Delimiter word (`EOF`). */
  name: string
  /** Body lines joined with `\n` (tabs stripped for `<<-`). */
  body: string
}

export interface Instruction {
  /** Upper-cased keyword: `RUN`, `COPY`, `FROM` … */
  keyword: string
  /** Arguments with continuations joined (the escape and newline removed) and comments dropped. */
  args: string
  /** Flags such as `--from=builder` or `--mount=…`, as written, in order. */
  flags: string[]
  /** Arguments after the flags. */
  rest: string
  heredocs: Heredoc[]
  /** 1-based, inclusive; `endLine` covers continuations and heredoc bodies. */
  startLine: number
  endLine: number
  /** Index of the stage the instruction belongs to (-1 before the first FROM: ARGs only). */
  stage: number
}

export interface Stage {
  index: number
  /** `AS name`, lower-cased (stage names are case-insensitive). */
  name?: string
  /** The image or stage the `FROM` names, as written. */
  base: string
  from: Instruction
  /** Instructions after the `FROM`, in order. */
  instructions: Instruction[]
}

export interface Dockerfile {
  escape: '\\' | '`'
  directives: Record<string, string>
  instructions: Instruction[]
  stages: Stage[]
}

const directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=\s*(.*?)\s*$/
const heredocPattern = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_.-]*)\2/g
/** Instructions whose arguments may open heredocs (BuildKit). */
const heredocKeywords = new Set(['RUN', 'COPY', 'ADD'])

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const directives: Record<string, string> = {}
  let at = 0
  // Parser directives: only at the very top, before any comment, blank line or instruction.
  for (; at < lines.length; at++) {
    const match = directivePattern.exec(lines[at] as string)
    if (match === null) break
    const key = (match[1] as string).toLowerCase()
    if (key in directives) break
    directives[key] = match[2] as string
  }
  const escape = directives['escape'] === '`' ? '`' : '\\'

  const instructions: Instruction[] = []
  const stages: Stage[] = []
  while (at < lines.length) {
    const line = lines[at] as string
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) {
      at++
      continue
    }
    const startLine = at + 1
    let logical = ''
    for (;;) {
      const current = lines[at] as string
      at++
      const continued = endsWithEscape(current, escape)
      logical += continued ? stripEscape(current, escape) : current
      if (!continued) break
      // Inside a continuation, comment lines and blank lines are skipped.
      while (at < lines.length && /^\s*(#.*)?$/.test(lines[at] as string)) at++
      if (at >= lines.length) break
    }
    const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical)
    const keyword = (match?.[1] ?? '').toUpperCase()
    const args = (match?.[2] ?? '').trim()
    const heredocs: Heredoc[] = []
    if (heredocKeywords.has(keyword)) {
      for (const doc of args.matchAll(heredocPattern)) {
        const strip = doc[1] === '-'
        const name = doc[3] as string
        const body: string[] = []
        while (at < lines.length) {
          const bodyLine = lines[at] as string
          at++
          const candidate = strip ? bodyLine.replace(/^\t+/, '') : bodyLine
          if (candidate === name) break
          body.push(candidate)
        }
        heredocs.push({name, body: body.join('\n')})
      }
    }
    const {flags, rest} = splitFlags(args)
    const instruction: Instruction = {
      keyword,
      args,
      flags,
      rest,
      heredocs,
      startLine,
      endLine: at,
      stage: keyword === 'FROM' ? stages.length : stages.length - 1
    }
    instructions.push(instruction)
    if (keyword === 'FROM') {
      const words = rest.split(/\s+/)
      const asAt = words.findIndex(w => w.toUpperCase() === 'AS')
      const stage: Stage = {
        index: stages.length,
        base: words[0] ?? '',
        from: instruction,
        instructions: []
      }
      const name = asAt >= 0 ? words[asAt + 1] : undefined
      if (name !== undefined && name !== '') stage.name = name.toLowerCase()
      stages.push(stage)
    } else if (stages.length > 0) {
      ;(stages[stages.length - 1] as Stage).instructions.push(instruction)
    }
  }
  return {escape, directives, instructions, stages}
}

function endsWithEscape(line: string, escape: string): boolean {
  const trimmed = line.replace(/\s+$/, '')
  if (!trimmed.endsWith(escape)) return false
  // A comment line never continues.
  return !/^\s*#/.test(line)
}

function stripEscape(line: string, escape: string): string {
  const trimmed = line.replace(/\s+$/, '')
  return trimmed.slice(0, trimmed.length - escape.length)
}

function splitFlags(args: string): {flags: string[]; rest: string} {
  const flags: string[] = []
  let rest = args
  for (;;) {
    const match = /^--\S+\s*/.exec(rest)
    if (match === null) break
    flags.push(match[0].trim())
    rest = rest.slice(match[0].length)
  }
  return {flags, rest}
}

/**
 * The stages whose instructions end up in the final image, oldest first: the last stage and,
 * when its `FROM` names an earlier stage, that stage's chain. A stage can only build on an
 * earlier one, so the walk always ends.
 */
export function finalStageChain(dockerfile: Dockerfile): Stage[] {
  const chain: Stage[] = []
  let stage = dockerfile.stages[dockerfile.stages.length - 1]
  while (stage !== undefined) {
    chain.unshift(stage)
    const base = stage.base.toLowerCase()
    const before = dockerfile.stages.slice(0, stage.index)
    stage = before.reverse().find(s => s.name === base)
  }
  return chain
}
