import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {baseLayer, sampleImage} from '../fixtures/images/sample-app/spec.js'
import {buildImage, writeDockerArchive, type ImageSpec} from './image-builder.js'
import type {TarEntry} from './tar-writer.js'

/** Layer 1 of the sample image: a small "Debian 12" base that passes the standard profile's checks. */
export const sampleBase: TarEntry[] = sampleImage.layers[0] ?? []
/**
 * The same small base as a Debian 11 (bullseye) image: the sample was Debian 11 until issue 11,
 * and the tests built on it (CVE feeds of bullseye, layer safety) keep that release.
 */
export const debian11Base: TarEntry[] = baseLayer('bullseye')

/** Writes a legacy docker-archive of `layers` and returns its path (inside `dir`). */
export function writeImage(
  dir: string,
  name: string,
  layers: TarEntry[][],
  config: ImageSpec['config'] = {}
): string {
  const path = join(dir, `${name}.tar`)
  writeDockerArchive(buildImage({layers, config: {env: ['PATH=/usr/bin:/bin'], ...config}}), path, {
    format: 'legacy',
    repoTags: [`localhost/scapgate-test/${name}:1`]
  })
  return path
}

export interface ScanDirs {
  dir: string
  out: (name: string) => string
  cleanup: () => void
}

export function scanDirs(prefix: string): ScanDirs {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  return {
    dir,
    out: name => join(dir, `out-${name}`),
    cleanup: () => rmSync(dir, {recursive: true, force: true})
  }
}

export interface ResultsJson {
  rules: {id: string; shortId: string; result: string; severity: string}[]
  gate: {status: string; reasons: {kind: string; ruleIds: string[]}[]}
  image: {configDigest: string; os: {id: string; versionId: string}}
  scanner: {
    version: string
    profile: {id: string}
    content: {
      path: string
      benchmarkVersion: string
      selection?: {origin: string; ssgVersion?: string; reason: string; candidates: number}
    }
  }
}

export function readResults(outDir: string): ResultsJson {
  return JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as ResultsJson
}

/** The result of a rule, by short id (`package_telnetd_removed`) or full XCCDF id. */
export function resultOf(results: ResultsJson, id: string): string | undefined {
  return results.rules.find(rule => rule.shortId === id || rule.id === id)?.result
}

/** Every file under `outDir` (fixes/ included) with its text, for leak checks over all outputs. */
export function readAllOutputs(outDir: string): {name: string; text: string}[] {
  return readdirSync(outDir, {recursive: true, withFileTypes: true})
    .filter(entry => entry.isFile())
    .map(entry => {
      const path = join(entry.parentPath, entry.name)
      return {name: path.slice(outDir.length + 1), text: readFileSync(path, 'latin1')}
    })
}
