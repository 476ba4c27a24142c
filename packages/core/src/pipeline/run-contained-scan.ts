import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'
import {runOscapScan, type OscapScanResult} from '../scan/oscap-scan.js'
import type {ChosenContent} from './choose-content.js'
import type {PreparedImage} from './prepare-root.js'
import type {StepContext} from './step-context.js'

export interface ContainedScan extends OscapScanResult {
  target: string
}

/** The reference oscap records as the evaluation target: the user's reference plus the image digest. */
export function evaluationTarget(prepared: PreparedImage): string {
  const digest = prepared.image.manifestDigest ?? prepared.image.configDigest
  return `${prepared.image.reference.raw}@${digest}`
}

export async function runContainedScan(
  context: StepContext,
  prepared: PreparedImage,
  chosen: ChosenContent
): Promise<ContainedScan> {
  const {scanner, settings} = context
  const outDir = join(context.workDir, 'oscap-out')
  await mkdir(outDir, {mode: 0o700})
  const target = evaluationTarget(prepared)
  const result = await runOscapScan({
    root: prepared.root,
    contentPath: chosen.contentPath,
    profileId: chosen.profile.id,
    tailoringPath: chosen.tailoringPath,
    imageEnv: prepared.image.config.env,
    target,
    outDir,
    timeoutMs: settings.timeoutMs,
    signal: context.signal,
    logger: context.logger,
    scanner,
    // report.html comes from the evaluation itself, not from a second oscap run over the ARF.
    htmlReport: true,
    ...(prepared.upperDir === undefined ? {} : {upperFiles: prepared.upperDir})
  })
  return {...result, target}
}
