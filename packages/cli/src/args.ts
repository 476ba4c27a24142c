import {parseArgs} from 'node:util'
import {UsageError} from './exit-codes.js'

import {failOnValues, type FailOn} from '@scapgate/core'

export interface ScanCommand {
  command: 'scan'
  image: string
  content?: string
  profile?: string
  tailoring?: string
  dockerfile?: string
  out: string
  failOn: FailOn
  platform?: string
  timeoutSeconds: number
  verbose: boolean
  quiet: boolean
}

export type Command = ScanCommand | {command: 'help'} | {command: 'version'}

export const usage = `Usage: scapgate scan IMAGE [options]

Scan a container image with OpenSCAP and gate on the result.

IMAGE
  docker-archive:PATH[:REF]   a tarball from \`docker save\` or \`podman save\`
  oci-archive:PATH[:REF]      a tar of an OCI image layout
  oci:DIR[:REF]               an OCI image layout directory

Options
  --content DS.xml            SCAP data stream (default: chosen from the image's /etc/os-release)
  --profile ID|SHORT          XCCDF profile id or short name (default: standard)
  --tailoring FILE            XCCDF tailoring file
  --dockerfile PATH           Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --out DIR                   output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                              lowest severity of a failing rule that fails the gate (default: medium)
  --platform os/arch[/variant]
                              platform to pick from a multi-platform index (default: linux/amd64)
  --timeout SECONDS           oscap time limit (default: 1800)
  --verbose                   debug output
  --quiet                     errors and the verdict only
  -h, --help                  this text
  --version                   versions of scapgate, oscap and the SCAP content

Exit codes
  0  the gate passed
  1  the gate failed
  2  usage or configuration error
  3  the scan could not complete (bad image, oscap error, timeout)
`

/** Parses argv (without `node` and the script). Throws {@link UsageError} with a message naming the flag. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        content: {type: 'string'},
        profile: {type: 'string'},
        tailoring: {type: 'string'},
        dockerfile: {type: 'string'},
        out: {type: 'string'},
        'fail-on': {type: 'string'},
        platform: {type: 'string'},
        timeout: {type: 'string'},
        verbose: {type: 'boolean'},
        quiet: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean'}
      }
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const {values, positionals} = parsed
  if (values.version === true) return {command: 'version'}
  if (values.help === true || positionals.length === 0 || positionals[0] === 'help') {
    return {command: 'help'}
  }
  const [command, ...rest] = positionals
  if (command !== 'scan') {
    throw new UsageError(`Expected a command (scan, help), got \`${command}\``)
  }
  if (rest.length !== 1) {
    throw new UsageError(
      rest.length === 0
        ? 'Expected an IMAGE argument after `scan`, got nothing'
        : `Expected one IMAGE argument after \`scan\`, got ${rest.length}: ${rest.join(' ')}`
    )
  }
  const failOn = values['fail-on'] ?? 'medium'
  if (!(failOnValues as readonly string[]).includes(failOn)) {
    throw new UsageError(
      `Expected \`--fail-on\` to be one of ${failOnValues.join('|')}, got \`${failOn}\``
    )
  }
  const timeoutText = values.timeout ?? '1800'
  const timeoutSeconds = Number(timeoutText)
  if (!/^\d+$/.test(timeoutText) || timeoutSeconds < 1) {
    throw new UsageError(`Expected \`--timeout\` to be a whole number of seconds ≥ 1, got \`${timeoutText}\``)
  }
  for (const flag of ['content', 'profile', 'tailoring', 'dockerfile', 'out', 'platform'] as const) {
    if (values[flag] === '') throw new UsageError(`Expected \`--${flag}\` to have a value, got an empty string`)
  }
  return {
    command: 'scan',
    image: rest[0] as string,
    content: values.content,
    profile: values.profile,
    tailoring: values.tailoring,
    dockerfile: values.dockerfile,
    out: values.out ?? 'scapgate-out',
    failOn: failOn as FailOn,
    platform: values.platform,
    timeoutSeconds,
    verbose: values.verbose === true,
    quiet: values.quiet === true
  }
}
