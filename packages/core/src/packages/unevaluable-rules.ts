/**
 * Rules that a scan cannot evaluate because the image lacks what their checks read (issue 12: a
 * Debian-family image without a dpkg database). oscap evaluated them against the empty database
 * scapgate presented, so its answers (`pass` for every `package_*_removed`) prove nothing: they
 * become `error` with a reason. The ARF keeps oscap's own answers as evidence.
 */
import {readFile} from 'node:fs/promises'
import type {ParsedArf} from '../arf/types.js'
import {countResults, type RuleResultValue, type ScanResults} from '../results/model.js'

/** Results that claim an evaluation happened; notapplicable/notselected/… are left alone. */
const evaluated: ReadonlySet<RuleResultValue> = new Set([
  'pass',
  'fail',
  'unknown',
  'error',
  'fixed'
])

/**
 * Ids of the OVAL `dpkginfo_test`s in a data stream or OVAL file. A lexical scan (the content
 * already passed oscap and the safety check): a match in a comment or under a foreign prefix
 * can only add ids, which marks more rules `error`, never fewer.
 */
export function dpkginfoTestIds(contentXml: string): Set<string> {
  const ids = new Set<string>()
  const element = /<(?:[A-Za-z_][\w.-]*:)?dpkginfo_test\b([^>]*)>/g
  for (const match of contentXml.matchAll(element)) {
    const id = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(match[1] ?? '')
    const value = id?.[1] ?? id?.[2]
    if (value !== undefined) ids.add(value)
  }
  return ids
}

/**
 * Sets `result: 'error'` and `reason` on every evaluated rule whose OVAL definition (in any OVAL
 * report of the ARF, following `extend_definition`) reaches one of `testIds`, and recomputes the
 * counts. Returns the ids of the rules it changed. Mutates `results`.
 */
export function markRulesUsingTests(
  results: ScanResults,
  parsed: ParsedArf,
  testIds: ReadonlySet<string>,
  reason: string
): string[] {
  const changed: string[] = []
  for (const rule of results.rules) {
    if (!evaluated.has(rule.result)) continue
    const uses = rule.checks.some(check => {
      if (check.name === undefined) return false
      for (const report of parsed.oval.values()) {
        const definition = report.definitions.get(check.name)
        if (definition?.testIds.some(id => testIds.has(id)) === true) return true
      }
      return false
    })
    if (!uses) continue
    rule.result = 'error'
    rule.reason = reason
    changed.push(rule.id)
  }
  if (changed.length > 0) results.counts = countResults(results.rules)
  return changed
}

/** {@link markRulesUsingTests} for the dpkginfo tests of the content at `contentPath`. */
export async function markPackageRulesUnevaluable(
  results: ScanResults,
  parsed: ParsedArf,
  contentPath: string,
  reason: string
): Promise<string[]> {
  const ids = dpkginfoTestIds(await readFile(contentPath, 'utf8'))
  return markRulesUsingTests(results, parsed, ids, reason)
}
