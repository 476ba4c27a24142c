/**
 * The action's inputs, read once and validated before anything runs (typed input helpers, one file per adapter). Every
 * message names the input, what was expected and what was found. Inputs come from the `INPUT_*`
 * variables the runner sets; `env` is injected so that tests need no global state.
 */
import {
  ConfigurationError,
  optionDefault,
  optionKeys,
  optionsFromNames,
  optionTable,
  type Given,
  type OptionKey,
  type OptionValue
} from '@scapgate/core'

export type Env = Record<string, string | undefined>

/**
 * Table inputs the action reads itself: `image` and `baseline` (the list, `auto`/`none`), and the
 * signing inputs: `attest-key` holds the key itself (a secret), not a reference to it.
 */
const ownInputKeys: readonly OptionKey[] = ['image', 'baseline', 'attest', 'attestKey']

/**
 * The fleet's run-level inputs (docs/fleets.md): what the job does (`mode`), and the options of
 * `mode: plan` and `mode: merge`. Read through the option table too, but not scan options.
 */
export const fleetInputKeys: readonly OptionKey[] = [
  'actionMode',
  'fleet',
  'shards',
  'results',
  'allowMixed'
]

/**
 * The scan options the action takes as inputs, under the option table's `action` names
 * (docs/options.md), but for {@link ownInputKeys} and the fleet's; they go to the core's resolver
 * as they are.
 */
export const scanInputKeys: readonly OptionKey[] = optionKeys.filter(
  key =>
    optionTable[key].action !== undefined &&
    !ownInputKeys.includes(key) &&
    !fleetInputKeys.includes(key)
)

/** Inputs of the action alone: its GitHub reports, its caches, its list of images. */
const actionOnlyInputs = [
  'images',
  'upload-sarif',
  'annotations',
  'pr-comment',
  'artifact-name',
  'token',
  'cache'
] as const

/** Every input the action reads; action.yml must declare exactly these (test/action/action-template.test.ts). */
export const inputNames: readonly string[] = [
  ...optionKeys.flatMap(key => {
    const name = optionTable[key].action
    return name === undefined ? [] : [name]
  }),
  ...actionOnlyInputs
]

export type BaselineInput = {kind: 'auto'} | {kind: 'none'} | {kind: 'path'; path: string}

export interface ActionInputs {
  /** `image` and every line of `images`, in that order, without duplicates. */
  images: string[]
  baseline: BaselineInput
  /**
   * The scan options given as inputs (`dockerfile`, `content`, `profile`, `tailoring`, `policy`,
   * `fail-on`, `cves`, `feed`, `cve-fail-on`, `ignore-unfixed`), read through the option table:
   * only those given (an empty input is not given, so the policy decides), paths as written.
   */
  options: Given
  uploadSarif: boolean
  annotations: boolean
  prComment: boolean
  artifactName: string
  token: string
  cache: boolean
  /** A matrix job of a fleet (docs/fleets.md): no PR comment and no check run; `mode: merge` posts them. */
  fleet: boolean
  /**
   * `attest: true`: sign each verdict (docs/attestations.md). `key` is the `attest-key` input, the
   * key's PEM text (a secret; its passphrase comes from `COSIGN_PASSWORD`). Without it: keyless,
   * with the workflow's OIDC token (`permissions: id-token: write`).
   */
  attest?: {key?: string}
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

/** `image` and the lines of `images`, checked; empty when neither is given. */
export function listImages(env: Env): string[] {
  const single = getOptionalInput(env, 'image')
  const lines = rawInput(env, 'images')
    .split(/\r?\n/)
    .map(line => line.replace(/(^|\s)#.*$/, '').trim())
    .filter(line => line !== '')
  return [...new Set([...(single === undefined ? [] : [single]), ...lines])].map(checkImage)
}

function parseImages(env: Env): string[] {
  const images = listImages(env)
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

/**
 * The scan inputs through the option table. `cves: false` (action.yml's default) is dropped: it
 * cannot turn off what the policy's `cves: {enabled: true}` turns on, so it means what an absent
 * input means.
 */
function scanOptions(env: Env): Given {
  const options = optionsFromNames('action', name => getOptionalInput(env, name), scanInputKeys)
  if (options.values.cves === false) {
    delete options.values.cves
    delete options.from.cves
  }
  return options
}

/**
 * The fleet's inputs through the option table, with the table's defaults for those not given
 * (`mode: scan`, `fleet: false`, `shards: 4`, `results: scapgate-results`, `allow-mixed: false`).
 */
export function readFleetInputs(env: Env): {
  mode: OptionValue<'actionMode'>
  fleet: boolean
  shards: number
  results: string[]
  allowMixed: boolean
} {
  const {values} = optionsFromNames('action', name => getOptionalInput(env, name), fleetInputKeys)
  return {
    mode: values.actionMode ?? optionDefault('actionMode'),
    fleet: values.fleet ?? optionDefault('fleet'),
    shards: values.shards ?? optionDefault('shards'),
    results: values.results ?? optionDefault('results'),
    allowMixed: values.allowMixed ?? optionDefault('allowMixed')
  }
}

/** `attest` and `attest-key` (the names of the option table); the key only with `attest: true`. */
function readAttest(env: Env): ActionInputs['attest'] {
  const attestName = optionTable.attest.action ?? 'attest'
  const keyName = optionTable.attestKey.action ?? 'attest-key'
  const attest = optionsFromNames('action', name => getOptionalInput(env, name), ['attest']).values
    .attest
  const key = getOptionalInput(env, keyName)
  if (attest !== true) {
    if (key !== undefined)
      throw new ConfigurationError(
        `Expected \`${keyName}\` only with \`${attestName}: true\`, got it alone`
      )
    return undefined
  }
  return key === undefined ? {} : {key}
}

/** Reads and validates every input; throws a ConfigurationError for the first bad one. */
export function readInputs(env: Env): ActionInputs {
  const inputs: ActionInputs = {
    images: parseImages(env),
    baseline: parseBaseline(env),
    options: scanOptions(env),
    uploadSarif: getBooleanInput(env, 'upload-sarif', true),
    annotations: getBooleanInput(env, 'annotations', true),
    prComment: getBooleanInput(env, 'pr-comment', true),
    artifactName: getOptionalInput(env, 'artifact-name') ?? 'scapgate',
    token: getOptionalInput(env, 'token') ?? '',
    cache: getBooleanInput(env, 'cache', true),
    fleet: readFleetInputs(env).fleet
  }
  const attest = readAttest(env)
  if (attest !== undefined) inputs.attest = attest
  if (/[\\/":<>|*?\r\n]/.test(inputs.artifactName))
    throw new ConfigurationError(
      `Expected \`artifact-name\` without \\ / " : < > | * ? or newlines, got \`${display(inputs.artifactName)}\``
    )
  return inputs
}
