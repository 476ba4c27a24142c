import type {FailOn} from '../gate/types.js'
import {matchesAny} from './glob.js'
import {
  defaultCountAs,
  type ImageSection,
  type Policy,
  type PolicyMode,
  type StaleWaiverAction,
  type Thresholds,
  type Waiver
} from './types.js'

/** What the command line says; a value given here wins over the policy file. */
export interface PolicyOverrides {
  failOn?: FailOn
  mode?: PolicyMode
}

/** Everything the gate and the scan need for one image, after policy, section and flags merge. */
export interface ImageSettings {
  content?: string
  profile?: string
  tailoring?: string
  dockerfile?: string
  thresholds: Thresholds
  mode: PolicyMode
  /** The waivers whose image scope includes this image. */
  waivers: Waiver[]
  staleWaivers: StaleWaiverAction
  /** The policy section that matched, if any. */
  section?: ImageSection
}

export const defaultThresholds: Thresholds = {failOn: 'medium', max: {}, countAs: defaultCountAs}

function merge(base: Thresholds, over: Partial<Thresholds> | undefined): Thresholds {
  if (over === undefined) return base
  return {
    failOn: over.failOn ?? base.failOn,
    max: {...base.max, ...over.max},
    ...((over.minScore ?? base.minScore) === undefined
      ? {}
      : {minScore: over.minScore ?? base.minScore}),
    countAs: {...base.countAs, ...over.countAs}
  }
}

/**
 * Settings for one image, known by its names (the IMAGE argument and the tags the archive
 * records). The first `images:` section with a matching glob applies; precedence is command line
 * over section over top level over defaults.
 */
export function settingsForImage(
  policy: Policy | undefined,
  names: readonly string[],
  overrides: PolicyOverrides = {}
): ImageSettings {
  const section = policy?.images.find(s => matchesAny(s.match, names))
  let thresholds = merge(merge(defaultThresholds, policy?.thresholds), section?.thresholds)
  if (overrides.failOn !== undefined) thresholds = {...thresholds, failOn: overrides.failOn}
  return {
    ...(section?.content === undefined ? {} : {content: section.content}),
    ...(section?.profile === undefined ? {} : {profile: section.profile}),
    ...(section?.tailoring === undefined ? {} : {tailoring: section.tailoring}),
    ...(section?.dockerfile === undefined ? {} : {dockerfile: section.dockerfile}),
    thresholds,
    mode: overrides.mode ?? policy?.mode ?? 'absolute',
    waivers: (policy?.waivers ?? []).filter(
      w => w.images === undefined || matchesAny(w.images, names)
    ),
    staleWaivers: policy?.staleWaivers ?? 'report',
    ...(section === undefined ? {} : {section})
  }
}
