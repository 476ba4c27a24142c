import {InvalidImageError} from '../errors.js'
import {describeValue, isRecord, parseJson, stringMap} from './descriptor.js'
import {checkDigest} from './digest.js'
import type {ImageConfig} from './types.js'

type History = ImageConfig['history'][number]

function optionalString(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string')
    throw new InvalidImageError(`${what}: expected a string, found ${describeValue(value)}`, what)
  return value
}

function parseEnv(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || !value.every(v => typeof v === 'string')) {
    throw new InvalidImageError(
      `${what}: expected an array of VAR=value strings, found ${describeValue(value)}`,
      what
    )
  }
  return value
}

function parseHistory(value: unknown, what: string): History[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what)
  return value.map((entry, i) => {
    const where = `${what}[${i}]`
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        where
      )
    const item: History = {emptyLayer: entry.empty_layer === true}
    const createdBy = optionalString(entry.created_by, `${where}.created_by`)
    const created = optionalString(entry.created, `${where}.created`)
    const comment = optionalString(entry.comment, `${where}.comment`)
    if (createdBy !== undefined) item.createdBy = createdBy
    if (created !== undefined) item.created = created
    if (comment !== undefined) item.comment = comment
    return item
  })
}

/**
 * Builds the validated {@link ImageConfig} from a config blob: `os`, `architecture`,
 * `rootfs.type == "layers"` and digest-shaped `rootfs.diff_ids` are required. It does not compare
 * diff_ids with the layers; the caller does.
 * @throws InvalidImageError naming `what` and the bad field.
 */
export function parseImageConfig(data: Buffer, what: string): ImageConfig {
  const json = parseJson(data, what)
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    )
  if (typeof json.os !== 'string' || typeof json.architecture !== 'string') {
    throw new InvalidImageError(
      `${what}: \`os\` and \`architecture\` must be strings, found ${describeValue(json.os)} and ${describeValue(json.architecture)}`,
      what
    )
  }
  const rootfs = json.rootfs
  if (!isRecord(rootfs) || rootfs.type !== 'layers' || !Array.isArray(rootfs.diff_ids)) {
    throw new InvalidImageError(
      `${what}: expected \`rootfs\` to be {type: "layers", diff_ids: [...]}`,
      what
    )
  }
  const diffIds = rootfs.diff_ids.map((id, i) => checkDigest(id, `${what} rootfs.diff_ids[${i}]`))
  const inner = json.config ?? null
  if (inner !== null && !isRecord(inner))
    throw new InvalidImageError(
      `${what}: \`config\` should be an object, found ${describeValue(inner)}`,
      what
    )
  const config: ImageConfig = {
    os: json.os,
    architecture: json.architecture,
    env: parseEnv(inner?.Env, `${what} config.Env`),
    history: parseHistory(json.history, `${what} history`),
    diffIds,
    labels: stringMap(inner?.Labels, `${what} config.Labels`)
  }
  const variant = optionalString(json.variant, `${what} variant`)
  if (variant) config.variant = variant
  // Issue 12 (container baseline): User, Healthcheck and ExposedPorts, validated like the rest.
  const user = optionalString(inner?.User, `${what} config.User`)
  if (user !== undefined) config.user = user
  const healthcheck = isRecord(inner?.Healthcheck) ? inner.Healthcheck.Test : undefined
  if (healthcheck !== undefined && healthcheck !== null) {
    config.healthcheck = parseEnv(healthcheck, `${what} config.Healthcheck.Test`)
  }
  const ports = inner?.ExposedPorts
  if (ports !== undefined && ports !== null) {
    if (!isRecord(ports)) {
      throw new InvalidImageError(
        `${what} config.ExposedPorts: expected an object, found ${describeValue(ports)}`,
        what
      )
    }
    config.exposedPorts = Object.keys(ports).sort()
  }
  return config
}
