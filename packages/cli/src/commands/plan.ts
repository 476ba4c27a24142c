import {resolve} from 'node:path'
import {
  archivesIn,
  getErrorMessage,
  githubMatrix,
  gitlabChildPipeline,
  jenkinsList,
  loadPolicy,
  localSize,
  optionDefault,
  optionsFromFlags,
  optionsFromNames,
  planFormats,
  planJson,
  planShards,
  policyImages,
  type PlanFormat
} from '@scapgate/core'
import {oneOf, parseFlags, rejectEmpty, type CliIo, type CommandSpec} from '../command.js'
import {ExitCode, UsageError, exitCodeForError} from '../exit-codes.js'
import {readImagesFile} from '../gate-run.js'
import {scapgateVersion} from '../version.js'

export interface PlanCommand {
  images: string[]
  imagesFile?: string
  dirs: string[]
  policy?: string
  /** `--shards`; else `SCAPGATE_SHARDS` when the command runs, else the table's default. */
  shards?: number
  format: PlanFormat
  scannerImage?: string
}

const usage = `Usage: scapgate plan [IMAGE...] [options]

Split images into shards for the CI's own matrix (docs/fleets.md) and print the matrix. Shards
are balanced by image size when it is known (local archives and layouts).

Images: the IMAGE arguments, --images FILE, every archive in each --dir DIR, and without any of
these the images named (without globs) in the policy's \`images:\` sections.

Options
  --shards N            number of shards (default 4; never more than images); also
                        SCAPGATE_SHARDS (docs/options.md)
  --format FORMAT       github (strategy.matrix JSON, one line), gitlab (child pipeline YAML with
                        parallel: matrix and a merge job), jenkins (one line per shard), json
                        (default github)
  --images FILE         more images, one per line
  --dir DIR             every *.tar, *.tar.gz archive in DIR (repeatable)
  --policy FILE         the policy whose \`images:\` to plan (default ./scapgate.yml)
  --scanner-image REF   image of the GitLab jobs (default ghcr.io/scapgate/scanner:VERSION)

Exit codes: 0 printed, 2 usage or configuration error.
`

export function parsePlan(argv: readonly string[]): PlanCommand {
  const {values, positionals} = parseFlags(argv, {
    shards: {type: 'string'},
    format: {type: 'string'},
    images: {type: 'string'},
    dir: {type: 'string', multiple: true},
    policy: {type: 'string'},
    'scanner-image': {type: 'string'}
  })
  rejectEmpty(values, ['shards', 'format', 'images', 'policy', 'scanner-image'])
  let shards: number | undefined
  try {
    // Read through the option table (docs/options.md), as the action's `shards` input is.
    shards = optionsFromFlags({shards: values.shards}).values.shards
  } catch (error) {
    throw new UsageError(getErrorMessage(error))
  }
  return {
    images: positionals,
    ...(values.images === undefined ? {} : {imagesFile: values.images}),
    dirs: values.dir ?? [],
    ...(values.policy === undefined ? {} : {policy: values.policy}),
    ...(shards === undefined ? {} : {shards}),
    format: oneOf('--format', values.format ?? 'github', planFormats),
    ...(values['scanner-image'] === undefined ? {} : {scannerImage: values['scanner-image']})
  }
}

export async function runPlan(command: PlanCommand, io: CliIo): Promise<number> {
  try {
    const images = [...command.images]
    if (command.imagesFile !== undefined)
      images.push(
        ...(await readImagesFile(resolve(io.cwd, command.imagesFile), io.cwd, command.imagesFile))
      )
    for (const dir of command.dirs) images.push(...(await archivesIn(resolve(io.cwd, dir), io.cwd)))
    if (images.length === 0 && command.dirs.length === 0) {
      const policy = await loadPolicy({path: command.policy, cwd: io.cwd})
      if (policy !== undefined) images.push(...policyImages(policy))
    }
    const sized = await Promise.all(
      images.map(async image => {
        const size = await localSize(image, io.cwd)
        return size === undefined ? {image} : {image, size}
      })
    )
    const shards =
      command.shards ??
      optionsFromNames('env', name => io.env[name], ['shards']).values.shards ??
      optionDefault('shards')
    const plan = planShards(sized, shards)
    const text =
      command.format === 'github'
        ? `${githubMatrix(plan)}\n`
        : command.format === 'gitlab'
          ? gitlabChildPipeline(plan, {
              scannerImage: command.scannerImage ?? `ghcr.io/scapgate/scanner:${scapgateVersion}`,
              outDir: 'scapgate-out'
            })
          : command.format === 'jenkins'
            ? jenkinsList(plan)
            : planJson(plan)
    io.stdout.write(text)
    io.stderr.write(
      `scapgate plan: ${plan.images.length} image${plan.images.length === 1 ? '' : 's'} in ${plan.shards.length} shard${plan.shards.length === 1 ? '' : 's'}\n`
    )
    return ExitCode.GatePassed
  } catch (error) {
    io.stderr.write(`scapgate plan: ${getErrorMessage(error)}\n`)
    return exitCodeForError(error)
  }
}

export const planCommandSpec: CommandSpec<PlanCommand> = {
  name: 'plan',
  summary: 'split images into shards for a CI matrix',
  usage,
  parse: parsePlan,
  run: runPlan
}
