/**
 * Image history (`config.history[].created_by`) → Dockerfile instructions of the final stage.
 *
 * `created_by` comes in several dialects, all handled by {@link normalizeCreatedBy}:
 * - docker's classic builder and podman/buildah: `/bin/sh -c cmd` for RUN,
 *   `|2 A=1 B=2 /bin/sh -c cmd` for RUN with build args, `/bin/sh -c #(nop) ENV X=1` for the rest,
 *   `/bin/sh -c #(nop) COPY file:<hash> in /dest` for COPY/ADD;
 * - BuildKit: `RUN /bin/sh -c cmd # buildkit`, `COPY src /dest # buildkit`, `ENV X=1`.
 *
 * Matching is an alignment (weighted longest common subsequence) of the history against the
 * instructions of the final stage chain, in order. RUN matches only on its command text and
 * COPY/ADD only on the full text or the destination, so a Dockerfile that did not build the image
 * matches nothing rather than something plausible-looking.
 */
import {finalStageChain, type Dockerfile, type Instruction} from './parse-dockerfile.js'

export interface HistoryStep {
  /** Position in `config.history`. */
  historyIndex: number
  /** Index of the layer this step produced; undefined for `empty_layer` steps. */
  layerIndex?: number
  kind: string
  /** Normalised arguments (whitespace collapsed, shell prefix removed). */
  text: string
  createdBy: string
}

export interface HistoryMatch {
  /** History index → the instruction that produced it. */
  instructions: Map<number, Instruction>
  /**
   * History indexes judged to come from the base image: every step before the first matched one,
   * provided no unmatched RUN/COPY/ADD of the Dockerfile comes before the first matched
   * instruction (then nothing is judged base: the boundary is unknown).
   */
  base: Set<number>
}

const layerKeywords = new Set(['RUN', 'COPY', 'ADD'])

/**
 * Non-empty history entries map to layers in order. When their count differs from `layerCount`
 * the mapping is unknown, and no step gets a `layerIndex`.
 */
export function describeHistory(
  history: readonly {createdBy?: string; emptyLayer: boolean}[],
  layerCount: number
): HistoryStep[] {
  const nonEmpty = history.filter(h => !h.emptyLayer).length
  const mapLayers = nonEmpty === layerCount
  let layer = 0
  return history.map((entry, historyIndex) => {
    const createdBy = entry.createdBy ?? ''
    const step: HistoryStep = {historyIndex, ...normalizeCreatedBy(createdBy), createdBy}
    if (!entry.emptyLayer) {
      if (mapLayers) step.layerIndex = layer
      layer += 1
    }
    return step
  })
}

export function normalizeCreatedBy(createdBy: string): {kind: string; text: string} {
  let text = createdBy.trim()
  if (/#\s*buildkit$/.test(text)) text = text.replace(/#\s*buildkit$/, '').trim()
  const nop = /^\/bin\/sh -c #\(nop\)\s*(\S+)\s*([\s\S]*)$/.exec(text)
  if (nop !== null) return {kind: (nop[1] as string).toUpperCase(), text: collapse(nop[2] ?? '')}
  const keyword = /^([A-Z]+)\s+([\s\S]*)$/.exec(text)
  if (keyword !== null && knownKeywords.has(keyword[1] as string)) {
    const kind = keyword[1] as string
    const rest = keyword[2] as string
    return {kind, text: kind === 'RUN' ? shellCommand(rest) : collapse(rest)}
  }
  return {kind: 'RUN', text: shellCommand(text)}
}

const knownKeywords = new Set([
  'RUN',
  'COPY',
  'ADD',
  'ENV',
  'ARG',
  'LABEL',
  'USER',
  'WORKDIR',
  'CMD',
  'ENTRYPOINT',
  'EXPOSE',
  'VOLUME',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'ONBUILD',
  'MAINTAINER'
])

/** `|2 A=1 B=2 /bin/bash -o pipefail -c cmd` → `cmd`; exec form `["a","b"]` → `a b`. */
function shellCommand(raw: string): string {
  let text = raw.trim()
  const args = /^\|(\d+)\s+/.exec(text)
  if (args !== null) {
    text = text.slice(args[0].length)
    for (let i = 0; i < Number(args[1]); i++) text = text.replace(/^\S+=\S*\s*/, '')
  }
  const shell = /^(?:\S*\/)?[a-z]*sh(?:\s+-[a-zA-Z]+(?:\s+[a-z]+)?)*?\s+-c\s+([\s\S]*)$/.exec(text)
  if (shell !== null) return collapse(shell[1] as string)
  return collapse(execForm(text) ?? text)
}

function execForm(text: string): string | undefined {
  if (!text.startsWith('[')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed) && parsed.every(p => typeof p === 'string')) return parsed.join(' ')
  } catch {
    // not JSON: shell form
  }
  return undefined
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function instructionText(instruction: Instruction): string {
  return collapse(execForm(instruction.rest.trim()) ?? instruction.rest)
}

/** How strongly a history step supports an instruction; 0 means "not this one". */
export function matchScore(step: HistoryStep, instruction: Instruction): number {
  if (step.kind !== instruction.keyword) return 0
  const text = instructionText(instruction)
  if (step.kind === 'RUN') {
    if (step.text === text) return 10
    if (instruction.heredocs.length > 0 && text !== '' && step.text.includes(text)) return 5
    return 0
  }
  if (step.kind === 'COPY' || step.kind === 'ADD') {
    if (step.text === collapse(instruction.args)) return 10
    const podman = /\sin\s+(\S+)\s*$/.exec(` ${step.text}`)
    const destination = lastWord(instruction)
    if (podman !== null && destination !== undefined && sameDir(podman[1] as string, destination))
      return 6
    return 0
  }
  return step.text === text ? 3 : 1
}

function lastWord(instruction: Instruction): string | undefined {
  const exec = execForm(instruction.rest.trim())
  const words =
    exec === undefined
      ? instruction.rest.trim().split(/\s+/)
      : (JSON.parse(instruction.rest) as string[])
  return words[words.length - 1]
}

function sameDir(a: string, b: string): boolean {
  const strip = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p)
  return strip(a) === strip(b)
}

export function matchHistory(steps: readonly HistoryStep[], dockerfile: Dockerfile): HistoryMatch {
  const instructions = finalStageChain(dockerfile).flatMap(s => s.instructions)
  const n = steps.length
  const m = instructions.length
  // dp[i][j]: best score aligning steps[i..] with instructions[j..].
  const dp: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = dp[i] as number[]
      const score = matchScore(steps[i] as HistoryStep, instructions[j] as Instruction)
      row[j] = Math.max(
        (dp[i + 1] as number[])[j] as number,
        row[j + 1] as number,
        score > 0 ? score + ((dp[i + 1] as number[])[j + 1] as number) : 0
      )
    }
  }
  const matched = new Map<number, Instruction>()
  const matchedInstructions = new Set<number>()
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const score = matchScore(steps[i] as HistoryStep, instructions[j] as Instruction)
    const here = (dp[i] as number[])[j] as number
    if (score > 0 && here === score + ((dp[i + 1] as number[])[j + 1] as number)) {
      matched.set((steps[i] as HistoryStep).historyIndex, instructions[j] as Instruction)
      matchedInstructions.add(j)
      i++
      j++
    } else if (here === (dp[i + 1] as number[])[j]) i++
    else j++
  }

  // The base image ends right before the first matched RUN/COPY/ADD, unless an unmatched one
  // comes earlier in the Dockerfile (then the boundary is unknown and nothing is judged base).
  const base = new Set<number>()
  const firstLayerInstruction = instructions.findIndex(
    (ins, at) => matchedInstructions.has(at) && layerKeywords.has(ins.keyword)
  )
  const unmatchedBefore = instructions
    .slice(0, Math.max(firstLayerInstruction, 0))
    .some(ins => layerKeywords.has(ins.keyword))
  if (firstLayerInstruction >= 0 && !unmatchedBefore) {
    const target = instructions[firstLayerInstruction]
    const boundary = steps.find(s => matched.get(s.historyIndex) === target)?.historyIndex ?? 0
    for (const step of steps) {
      if (step.historyIndex < boundary && !matched.has(step.historyIndex))
        base.add(step.historyIndex)
    }
  }
  return {instructions: matched, base}
}
