import {realpath} from 'node:fs/promises'
import {isAbsolute, join, relative, resolve, sep} from 'node:path'
import {readUserText} from '../io/read-user-file.js'
import {parsePolicy} from './parse-policy.js'
import type {Policy} from './types.js'

export const defaultPolicyFile = 'scapgate.yml'

export interface LoadPolicyOptions {
  /** `--policy PATH`; when absent, `scapgate.yml` in `cwd` is used if it exists. */
  path?: string
  /** The repository root (the CLI's working directory, the action's workspace). */
  cwd: string
}

/**
 * Reads and validates the policy file. Returns undefined when no path was given and there is no
 * `scapgate.yml` in `cwd`; a path that was given must exist. Paths inside the policy (content,
 * tailoring, dockerfile, baseline) are resolved against the policy file's directory.
 *
 * The file is read with `readUserText` (docs/input-files.md): the `scapgate.yml` found in the
 * workspace must not be a symbolic link at all; a `--policy` inside the workspace must resolve
 * inside it; either must be a regular file of at most 1 MiB. A policy inside the workspace may
 * only name files inside the workspace ({@link Policy.pathOrigin}).
 */
export async function loadPolicy(options: LoadPolicyOptions): Promise<Policy | undefined> {
  const explicit = options.path !== undefined
  const path = resolve(options.cwd, options.path ?? defaultPolicyFile)
  const display = isAbsolute(options.path ?? '') ? path : relative(options.cwd, path) || path
  const text = await readUserText({
    path,
    display,
    kind: 'policy',
    origin: explicit ? 'command-line' : 'found',
    workspace: options.cwd,
    optional: !explicit
  })
  if (text === undefined) return undefined
  const policy = parsePolicy(text, display)
  const pathOrigin = (await insideWorkspace(path, options.cwd)) ? 'workspace' : 'command-line'
  return {...resolvePaths(policy, join(path, '..')), pathOrigin}
}

async function insideWorkspace(path: string, workspace: string): Promise<boolean> {
  const real = await realpath(path)
  const root = await realpath(workspace).catch(() => resolve(workspace))
  const rel = relative(root, real)
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
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
