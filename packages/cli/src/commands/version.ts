import {describeToolVersions, loadEnvironment} from '@scapgate/core'
import type {CliIo} from '../command.js'
import {scapgateVersion} from '../version.js'

/** `scapgate --version`: scapgate's, oscap's and the SCAP content's versions, one per line. */
export async function printVersion(io: CliIo): Promise<void> {
  const environment = loadEnvironment(io.env)
  const tools = await describeToolVersions(environment)
  io.stdout.write(
    [
      `scapgate ${scapgateVersion}`,
      `oscap ${tools.oscap ?? 'not installed (apt-get install openscap-scanner)'}`,
      tools.dataStreams > 0
        ? `scap-security-guide ${tools.contentVersion ?? 'unknown version'} (${tools.dataStreams} data streams in ${tools.contentDir})`
        : `scap-security-guide not installed in ${tools.contentDir} (apt-get install ssg-debian ssg-nondebian)`
    ].join('\n') + '\n'
  )
}
