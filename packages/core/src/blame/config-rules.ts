/**
 * Blame for the container baseline's configuration rules (issue 12): their evidence is the image
 * configuration (`/.scapgate/image-config.txt`, written by scapgate), not a layer, so they point
 * at the Dockerfile instruction that set the configuration: the final stage's last USER or
 * HEALTHCHECK, or the ADD of a URL. A missing USER or HEALTHCHECK points at the final stage's FROM
 * line, saying that the instruction is missing.
 */
import type {Dockerfile, Instruction} from '../dockerfile/parse-dockerfile.js'
import type {Attribution, SourceLocation} from './types.js'

interface ConfigRule {
  keyword: 'USER' | 'HEALTHCHECK' | 'ADD'
  /** Picks the instruction that decided the result among the final stage's instructions. */
  pick: (instructions: readonly Instruction[]) => Instruction | undefined
  found: (instruction: Instruction) => string
  missing: string
}

const last = (keyword: string) => (instructions: readonly Instruction[]) =>
  instructions.filter(i => i.keyword === keyword).at(-1)

const rules: Record<string, ConfigRule> = {
  xccdf_io_scapgate_rule_image_user_not_root: {
    keyword: 'USER',
    pick: last('USER'),
    found: i => `USER ${clip(i.rest)} runs the container as root`,
    missing: 'the final stage has no USER instruction: the container runs as root'
  },
  xccdf_io_scapgate_rule_image_healthcheck_defined: {
    keyword: 'HEALTHCHECK',
    pick: last('HEALTHCHECK'),
    found: i => `HEALTHCHECK ${clip(i.rest)} disables the health check`,
    missing: 'the final stage has no HEALTHCHECK instruction'
  },
  xccdf_io_scapgate_rule_no_add_remote_url: {
    keyword: 'ADD',
    pick: instructions =>
      instructions.find(i => i.keyword === 'ADD' && /(^|\s)(https?|ftp):\/\//i.test(i.rest)),
    found: i => `ADD ${clip(i.rest)} downloads a remote URL`,
    missing: 'no ADD of a URL in the Dockerfile: the base image added it'
  }
}

/** The attribution of a failing configuration rule, or undefined for any other rule. */
export function blameConfigRule(
  ruleId: string,
  dockerfile: {uri: string; parsed: Dockerfile} | undefined,
  fromLocation: SourceLocation
): Attribution | undefined {
  const rule = rules[ruleId.replace(/\./g, '_')]
  if (rule === undefined) return undefined
  if (dockerfile === undefined) {
    return {
      kind: 'unattributed',
      evidence: '',
      cause:
        'image configuration; not attributable to a Dockerfile instruction: no Dockerfile was given',
      location: fromLocation
    }
  }
  const stage = dockerfile.parsed.stages.at(-1)
  const instruction = rule.pick(stage?.instructions ?? [])
  if (instruction === undefined) {
    return {
      kind: rule.keyword === 'ADD' ? 'base' : 'unattributed',
      evidence: '',
      cause: rule.missing,
      location: fromLocation
    }
  }
  return {
    kind: 'instruction',
    evidence: rule.found(instruction),
    cause: `set by the ${instruction.keyword} on line ${instruction.startLine}`,
    location: {uri: dockerfile.uri, startLine: instruction.startLine, endLine: instruction.endLine},
    instruction: {
      keyword: instruction.keyword,
      startLine: instruction.startLine,
      endLine: instruction.endLine
    }
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat
}
