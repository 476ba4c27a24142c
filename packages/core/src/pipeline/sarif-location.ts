import {readFile, stat} from 'node:fs/promises'
import {isAbsolute, relative} from 'node:path'
import type {ScanImageOptions} from './scan-options.js'

/**
 * Where findings point when blame cannot do better: the final stage's `FROM` line of the
 * Dockerfile when there is one, else the image archive or layout itself (line 1), paths relative
 * to `cwd`. An image from a registry or a daemon has no file at all: then the URI is the image
 * reference under `image/` (`image/docker.io/library/alpine_3.20`), a relative path that names the
 * image rather than pretending to be a line of some file in the checkout.
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
  const isFile = await stat(imagePath).then(
    () => true,
    () => false
  )
  if (isFile) return {uri: toUri(imagePath), startLine: 1}
  return {
    uri: `image/${imagePath.replace(/[^A-Za-z0-9._/-]/g, '_').replace(/^\/+/, '')}`,
    startLine: 1
  }
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
