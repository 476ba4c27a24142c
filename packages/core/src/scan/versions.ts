import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {readContentInfo} from '../content/profiles.js'
import {DEFAULT_CONTENT_DIR, listDataStreams} from '../content/select-content.js'
import {join} from 'node:path'
import {parseOscapVersion} from './oscap-release.js'

const run = promisify(execFile)

export interface ToolVersions {
  /** e.g. `1.3.7`, `1.4.2`; undefined when oscap is not installed or prints no version. */
  oscap?: string
  contentDir: string
  /** The SCAP Security Guide release of the installed data streams, e.g. `0.1.65`. */
  contentVersion?: string
  dataStreams: number
}

/**
 * Versions for `scapgate --version`: oscap's and the content's. Never throws: what cannot be
 * found is left undefined, so `--version` also works on a machine that cannot scan yet.
 */
export async function describeToolVersions(
  options: {oscapPath?: string; contentDir?: string} = {}
): Promise<ToolVersions> {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR
  let oscap: string | undefined
  try {
    const {stdout} = await run(options.oscapPath ?? 'oscap', ['--version'], {
      timeout: 10_000,
      env: {PATH: '/usr/bin:/bin:/usr/sbin:/sbin'}
    })
    oscap = parseOscapVersion(stdout)?.text
  } catch {
    oscap = undefined
  }
  let contentVersion: string | undefined
  let dataStreams = 0
  try {
    const streams = await listDataStreams(contentDir)
    dataStreams = streams.length
    const first = streams[0]
    if (first !== undefined)
      contentVersion = (await readContentInfo(join(contentDir, first))).benchmarkVersion
  } catch {
    contentVersion = undefined
  }
  return {oscap, contentDir, contentVersion, dataStreams}
}
