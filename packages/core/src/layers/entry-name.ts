import {LimitExceededError} from '../errors.js'
import type {ApplyLimits} from './types.js'

export type Fail = (message: string) => never

const slash = 0x2f
const maxComponentBytes = 255
const whiteoutPrefix = Buffer.from('.wh.')
const opaqueMarker = Buffer.from('.wh..wh..opq')
const metaPrefix = Buffer.from('.wh..wh.')

function isDot(component: Buffer): boolean {
  return component.length === 1 && component[0] === 0x2e
}

function isDotDot(component: Buffer): boolean {
  return component.length === 2 && component[0] === 0x2e && component[1] === 0x2e
}

/**
 * Splits a raw tar name (or hardlink target) into in-root components. Leading `/` and `./`,
 * repeated slashes and `.` segments are dropped; a `..` component, a NUL byte, a component over
 * 255 bytes fail; the byte length and depth are capped by the limits. `\` and `C:` are ordinary
 * bytes on Linux. An empty result means the root itself.
 */
export function splitEntryName(
  name: Buffer,
  limits: ApplyLimits,
  layer: string,
  fail: Fail
): Buffer[] {
  if (name.length > limits.maxPathBytes) {
    throw new LimitExceededError(
      `Layer ${layer}: a path of ${name.length} bytes exceeds the limit \`maxPathBytes\` (${limits.maxPathBytes})`,
      'maxPathBytes'
    )
  }
  if (name.includes(0)) fail('NUL byte in the name')
  const components: Buffer[] = []
  let start = 0
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && name[i] !== slash) continue
    if (i > start) {
      const component = name.subarray(start, i)
      if (isDotDot(component)) fail('a ".." component is not allowed')
      if (component.length > maxComponentBytes)
        fail(`a path component is longer than ${maxComponentBytes} bytes`)
      if (!isDot(component)) components.push(component)
    }
    start = i + 1
  }
  if (components.length > limits.maxDepth) {
    throw new LimitExceededError(
      `Layer ${layer}: a path ${components.length} components deep exceeds the limit \`maxDepth\` (${limits.maxDepth})`,
      'maxDepth'
    )
  }
  return components
}

export type EntryRole = {role: 'plain'} | {role: 'whiteout'; target: Buffer} | {role: 'opaque'}

/**
 * OCI whiteouts: `.wh.<name>` deletes `<name>` from lower layers and `.wh..wh..opq` makes its
 * directory opaque. Other `.wh..wh.` names (AUFS `.wh..wh.plnk`, `.wh..wh.aufs`), `.wh.` with an
 * empty, `.` or `..` suffix, and `.wh.` prefixes on directory components fail: whiteout names are
 * never materialised.
 */
export function entryRole(components: readonly Buffer[], fail: Fail): EntryRole {
  for (let i = 0; i < components.length - 1; i++) {
    if ((components[i] as Buffer).subarray(0, 4).equals(whiteoutPrefix))
      fail('a whiteout name used as a directory')
  }
  const last = components[components.length - 1]
  if (last === undefined || !last.subarray(0, 4).equals(whiteoutPrefix)) return {role: 'plain'}
  if (last.equals(opaqueMarker)) return {role: 'opaque'}
  if (last.subarray(0, metaPrefix.length).equals(metaPrefix))
    fail('unsupported AUFS whiteout metadata')
  const target = last.subarray(whiteoutPrefix.length)
  if (target.length === 0 || isDot(target) || isDotDot(target))
    fail('invalid whiteout (empty, "." or ".." target)')
  return {role: 'whiteout', target}
}

/** Bookkeeping form of an in-root path: `/` + components, one char per byte (latin1). */
export function rootPath(relative: string): string {
  return `/${relative}`
}

/** Joins a root-relative path and a raw name; paths are strings with one char per byte (latin1). */
export function joinRelative(parent: string, name: Buffer): string {
  const child = name.toString('latin1')
  return parent === '' ? child : `${parent}/${child}`
}
