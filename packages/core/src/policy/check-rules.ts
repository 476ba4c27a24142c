import {PolicyError} from './policy-error.js'
import type {Waiver} from './types.js'

/** `xccdf_org.ssgproject.content_rule_package_telnetd_removed` → `package_telnetd_removed`. */
export function shortRuleId(id: string): string {
  const at = id.indexOf('_rule_')
  return at < 0 ? id : id.slice(at + '_rule_'.length)
}

/** True when a waiver's `rule` names this rule (full id or short id). */
export function waiverNames(waiver: Pick<Waiver, 'rule'>, ruleId: string): boolean {
  return waiver.rule === ruleId || waiver.rule === shortRuleId(ruleId)
}

/**
 * Rejects waivers that name a rule the scanned content does not have (a typo would otherwise
 * make a waiver that silently never applies). Runs after the scan, against every rule of the
 * benchmark, selected or not. Throws a {@link PolicyError} with the waiver's line.
 */
export function checkWaiverRules(
  waivers: readonly Waiver[],
  contentRuleIds: Iterable<string>
): void {
  const known = new Set<string>()
  let count = 0
  for (const id of contentRuleIds) {
    count += 1
    known.add(id)
    known.add(shortRuleId(id))
  }
  for (const waiver of waivers) {
    if (known.has(waiver.rule)) continue
    throw new PolicyError(
      waiver.source?.file ?? 'policy',
      waiver.source?.line ?? 0,
      `${waiver.source?.path ?? 'waivers'}.rule`,
      `unknown rule id \`${waiver.rule}\`: the scanned content has no such rule (it has ${count})`
    )
  }
}
