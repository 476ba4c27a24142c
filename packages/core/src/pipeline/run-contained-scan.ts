import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {preflightScanner} from '../scan/preflight.js'
import {runOscapScan, type OscapScanResult} from '../scan/oscap-scan.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import type {Baseline} from './choose-baseline.js'
import type {PreparedImage} from './prepare-root.js'
import type {ScanImageOptions} from './scan-options.js'

export interface ContainedScan extends OscapScanResult {
  scanner: ScannerEnvironment
  target: string
}

/** The reference oscap records as the evaluation target: the user's reference plus the image digest. */
export function evaluationTarget(prepared: PreparedImage): string {
  const digest = prepared.image.manifestDigest ?? prepared.image.configDigest
  return `${prepared.image.reference.raw}@${digest}`
}

export async function runContainedScan(
  options: ScanImageOptions,
  prepared: PreparedImage,
  baseline: Baseline,
  workDir: string
): Promise<ContainedScan> {
  const scanner = await preflightScanner({oscapPath: options.environment.oscapPath, workDir})
  const outDir = join(workDir, 'oscap-out')
  await mkdir(outDir, {mode: 0o700})
  const target = evaluationTarget(prepared)
  const result = await runOscapScan({
    root: prepared.root,
    contentPath: baseline.contentPath,
    profileId: baseline.profile.id,
    tailoringPath: baseline.tailoringPath,
    imageEnv: prepared.image.config.env,
    target,
    outDir,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    logger: options.logger,
    scanner,
    ...(prepared.upperDir === undefined ? {} : {upperFiles: prepared.upperDir})
  })
  return {...result, scanner, target}
}
