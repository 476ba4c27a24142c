/**
 * The action's inputs, read once and validated before anything runs (typed input helpers, one file per adapter). Every
 * message names the input, what was expected and what was found. Inputs come from the `INPUT_*`
 * variables the runner sets; `env` is injected so that tests need no global state.
 */
import {
  ConfigurationError,
  cveFailOnValues,
  failOnValues,
  type CvePolicy,
  type FailOn
} from '@scapgate/core'

type CveFailOn = CvePolicy['failOn']

export type Env = Record<string, string | undefined>

/** Every input the action reads; action.yml must declare exactly these (test/action/action-template.test.ts). */
export const inputNames = [
  'image',
  'images',
  'dockerfile',
  'content',
  'profile',
  'tailoring',
  'policy',
  'fail-on',
  'baseline',
  'upload-sarif',
  'annotations',
  'pr-comment',
  'artifact-name',
  'token',
  'cache',
  'cves',
  'feed',
  'cve-fail-on',
  'ignore-unfixed',
  'attest',
  'attest-key'
] as const

export type BaselineInput = {kind: 'auto'} | {kind: 'none'} | {kind: 'path'; path: string}

export interface ActionInputs {
  /** `image` and every line of `images`, in that order, without duplicates. */
  images: string[]
  dockerfile?: string
  content?: string
  profile?: string
  tailoring?: string
  policy?: string
  /** Only when given: it then wins over the policy file (as `--fail-on` does). */
  failOn?: FailOn
  baseline: BaselineInput
  uploadSarif: boolean
  annotations: boolean
  prComment: boolean
  artifactName: string
  token: string
  cache: boolean
  /** Scan for known vulnerabilities too (docs/cves.md); the policy's `cves: {enabled: true}` also does. */
  cves: boolean
  /** An OVAL feed FILE (relative to the workspace) or http(s) URL; chosen from the image's OS when absent. */
  feed?: string
  /** Only when given: it then wins over the policy's `cves: {fail-on}`. */
  cveFailOn?: CveFailOn
  /** Only when given: it then wins over the policy's `cves: {ignore-unfixed}`. */
  ignoreUnfixed?: boolean
  /** Sign each verdict as an attestation (docs/attestations.md). */
  attest: boolean
  /**
   * The signing key's PEM text (a secret); its passphrase comes from `COSIGN_PASSWORD`. Absent
   * with `attest`: keyless, with the workflow's OIDC token (`permissions: id-token: write`).
   */
  attestKey?: string
}

/** The runner's convention: `INPUT_` + the name upper-cased with spaces as `_` (hyphens kept). */
function rawInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `''` → `undefined`. */
export function getOptionalInput(env: Env, name: string): string | undefined {
  const value = rawInput(env, name)
  return value === '' ? undefined : value
}

export function getRequiredInput(env: Env, name: string): string {
  const value = getOptionalInput(env, name)
  if (value === undefined)
    throw new ConfigurationError(`Input required and not supplied: \`${name}\``)
  return value
}

const trueValues = ['true', 'True', 'TRUE']
const falseValues = ['false', 'False', 'FALSE']

/**
 * YAML 1.2 core schema booleans only (https://yaml.org/spec/1.2/spec.html#id2804923): `yes`,
 * `on` and `1` are mistakes, not booleans. An empty input takes the default.
 */
export function getBooleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = rawInput(env, name)
  if (value === '') return fallback
  if (trueValues.includes(value)) return true
  if (falseValues.includes(value)) return false
  throw new ConfigurationError(
    `Expected \`${name}\` to be true or false (YAML 1.2 core schema), got \`${display(value)}\``
  )
}

/** {@link getBooleanInput} without a default: `undefined` when empty (the policy decides). */
export function getOptionalBooleanInput(env: Env, name: string): boolean | undefined {
  return rawInput(env, name) === '' ? undefined : getBooleanInput(env, name, false)
}

export function getEnumInput<T extends string>(
  env: Env,
  name: string,
  values: readonly T[]
): T | undefined {
  const value = getOptionalInput(env, name)
  if (value === undefined) return undefined
  if ((values as readonly string[]).includes(value)) return value as T
  throw new ConfigurationError(
    `Expected \`${name}\` to be one of ${values.join('|')}, got \`${display(value)}\``
  )
}

/** Untrusted text in a message: control characters visible, length bounded. */
function display(value: string): string {
  const shown = value.replace(
    /[\u0000-\u001f\u007f-\u009f]/g,
    c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  )
  return shown.length > 100 ? `${shown.slice(0, 100)}…` : shown
}

/** An image argument is never an option, never blank and never multi-line (it reaches argv-like code). */
function checkImage(image: string): string {
  if (image.startsWith('-'))
    throw new ConfigurationError(
      `Expected an image reference in \`image\`/\`images\`, got \`${display(image)}\` (starts with -)`
    )
  if (/[\u0000-\u001f\u007f]/.test(image) || /\s/.test(image))
    throw new ConfigurationError(
      `Expected an image reference without spaces or control characters in \`image\`/\`images\`, got \`${display(image)}\``
    )
  return image
}

function parseImages(env: Env): string[] {
  const single = getOptionalInput(env, 'image')
  const lines = rawInput(env, 'images')
    .split(/\r?\n/)
    .map(line => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(line => line !== '')
  const images = [...new Set([...(single === undefined ? [] : [single]), ...lines])].map(checkImage)
  if (images.length === 0)
    throw new ConfigurationError(
      'Expected `image` or `images` to name at least one image, got neither'
    )
  return images
}

function parseBaseline(env: Env): BaselineInput {
  const value = getOptionalInput(env, 'baseline') ?? 'auto'
  if (value === 'auto' || value === 'none') return {kind: value}
  return {kind: 'path', path: value}
}

/** Reads and validates every input; throws a ConfigurationError for the first bad one. */
export function readInputs(env: Env): ActionInputs {
  const inputs: ActionInputs = {
    images: parseImages(env),
    baseline: parseBaseline(env),
    uploadSarif: getBooleanInput(env, 'upload-sarif', true),
    annotations: getBooleanInput(env, 'annotations', true),
    prComment: getBooleanInput(env, 'pr-comment', true),
    artifactName: getOptionalInput(env, 'artifact-name') ?? 'scapgate',
    token: getOptionalInput(env, 'token') ?? '',
    cache: getBooleanInput(env, 'cache', true),
    cves: getBooleanInput(env, 'cves', false),
    attest: getBooleanInput(env, 'attest', false)
  }
  for (const name of ['dockerfile', 'content', 'profile', 'tailoring', 'policy', 'feed'] as const) {
    const value = getOptionalInput(env, name)
    if (value !== undefined) inputs[name] = value
  }
  const failOn = getEnumInput(env, 'fail-on', failOnValues)
  if (failOn !== undefined) inputs.failOn = failOn
  const cveFailOn = getEnumInput(env, 'cve-fail-on', cveFailOnValues)
  if (cveFailOn !== undefined) inputs.cveFailOn = cveFailOn
  const ignoreUnfixed = getOptionalBooleanInput(env, 'ignore-unfixed')
  if (ignoreUnfixed !== undefined) inputs.ignoreUnfixed = ignoreUnfixed
  const attestKey = getOptionalInput(env, 'attest-key')
  if (attestKey !== undefined) inputs.attestKey = attestKey
  if (!inputs.attest && attestKey !== undefined)
    throw new ConfigurationError('Expected `attest-key` only with `attest: true`, got it alone')
  if (/[\\/":<>|*?\r\n]/.test(inputs.artifactName))
    throw new ConfigurationError(
      `Expected \`artifact-name\` without \\ / " : < > | * ? or newlines, got \`${display(inputs.artifactName)}\``
    )
  return inputs
}
