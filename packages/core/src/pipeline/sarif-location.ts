import {readFile} from 'node:fs/promises'
import {isAbsolute, relative} from 'node:path'
import type {ScanImageOptions} from './scan-image.js'

/**
 * Where SARIF results point until per-finding blame exists: the final stage's `FROM` line of the
 * Dockerfile when there is one, else the image archive itself (line 1). Both are real files in the
 * checkout, which is what code scanning requires. Paths are made relative to `cwd`.
 */
export async function sarifLocation(
  options: Pick<ScanImageOptions, 'dockerfile' | 'cwd'>,
  imagePath: string
): Promise<{uri: string; startLine: number}> {
  const toUri = (path: string): string => {
    const rel = isAbsolute(path) ? relative(options.cwd, path) : path
    return rel.split('\\').join('/')
  }
  if (options.dockerfile !== undefined) {
    try {
      const text = await readFile(options.dockerfile, 'utf8')
      return {uri: toUri(options.dockerfile), startLine: finalFromLine(text)}
    } catch {
      // Fall through: a missing Dockerfile only costs precision.
    }
  }
  return {uri: toUri(imagePath), startLine: 1}
}

/** 1-based line of the last `FROM` instruction (the final stage), or 1. */
export function finalFromLine(text: string): number {
  const lines = text.split(/\r?\n/)
  let line = 1
  let continued = false
  lines.forEach((raw, index) => {
    const wasContinued = continued
    continued = /\\\s*$/.test(raw)
    if (!wasContinued && /^\s*FROM\s/i.test(raw)) line = index + 1
  })
  return line
}
