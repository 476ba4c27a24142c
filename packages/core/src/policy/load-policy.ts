import {readFile, stat} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve} from 'node:path'
import {PolicyError} from './policy-error.js'
import {parsePolicy} from './parse-policy.js'
import type {Policy} from './types.js'

export const defaultPolicyFile = 'scapgate.yml'
const maxPolicyBytes = 1024 * 1024

export interface LoadPolicyOptions {
  /** `--policy PATH`; when absent, `scapgate.yml` in `cwd` is used if it exists. */
  path?: string
  /** The repository root (the CLI's working directory). */
  cwd: string
}

/**
 * Reads and validates the policy file. Returns undefined when no path was given and there is no
 * `scapgate.yml` in `cwd`; a path that was given must exist. Paths inside the policy (content,
 * tailoring, dockerfile, baseline) are resolved against the policy file's directory.
 */
export async function loadPolicy(options: LoadPolicyOptions): Promise<Policy | undefined> {
  const explicit = options.path !== undefined
  const path = resolve(options.cwd, options.path ?? defaultPolicyFile)
  const display = isAbsolute(options.path ?? '') ? path : relative(options.cwd, path) || path
  let size: number
  try {
    size = (await stat(path)).size
  } catch {
    if (!explicit) return undefined
    throw new PolicyError(display, 0, '', 'expected a readable policy file, found none (--policy)')
  }
  if (size > maxPolicyBytes) {
    throw new PolicyError(display, 0, '', `expected at most ${maxPolicyBytes} bytes, found ${size}`)
  }
  const policy = parsePolicy(await readFile(path, 'utf8'), display)
  return resolvePaths(policy, join(path, '..'))
}

function resolvePaths(policy: Policy, dir: string): Policy {
  const at = (p: string | undefined): string | undefined =>
    p === undefined ? undefined : resolve(dir, p)
  return {
    ...policy,
    ...(policy.baseline === undefined ? {} : {baseline: at(policy.baseline)}),
    images: policy.images.map(section => ({
      ...section,
      ...(section.content === undefined ? {} : {content: at(section.content)}),
      ...(section.tailoring === undefined ? {} : {tailoring: at(section.tailoring)}),
      ...(section.dockerfile === undefined ? {} : {dockerfile: at(section.dockerfile)})
    }))
  }
}
