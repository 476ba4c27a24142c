/**
 * {@link ScanResults} → JUnit XML for GitLab's `artifacts:reports:junit` and Jenkins' `junit`
 * step: one `<testsuite>` per (image, profile), one `<testcase>` per selected rule-result.
 *
 * - `fail` → `<failure>`; `error`/`unknown` → `<error>` (unverified is not compliant);
 * - `notapplicable`, `notchecked` → `<skipped>`; `notselected` rules are not selected, so they are
 *   not test cases (the suite's `skipped` count does not include them either);
 * - `pass`, `fixed`, `informational` → a passing test case.
 * The failure text carries the location and the blame cause, so a reviewer sees where to look
 * in either UI. All text goes through `xmlText` (./escape.ts): the five XML specials escaped,
 * characters XML 1.0 forbids, C1 and bidi controls removed.
 */
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import type {RuleOutcome, ScanResults} from '../results/model.js'
import {xmlText as xml} from '../escape/escape.js'
import {imageRepository, shortProfileId} from './sarif.js'

export interface JunitOptions {
  blame?: ReadonlyMap<string, Attribution>
}

const skipped = new Set(['notapplicable', 'notchecked'])
const errored = new Set(['error', 'unknown'])

export function toJunit(results: ScanResults, options: JunitOptions = {}): string {
  const image = imageRepository(results)
  const profile = shortProfileId(results.scanner.profile.id)
  const suite = `${image} (${profile})`
  const cases = results.rules.map(rule => testcase(rule, suite, options))
  const count = (test: (r: RuleOutcome) => boolean): number => results.rules.filter(test).length
  const failures = count(r => r.result === 'fail')
  const errors = count(r => errored.has(r.result))
  const skips = count(r => skipped.has(r.result))
  const attrs = `name="${xml(suite)}" tests="${results.rules.length}" failures="${failures}" errors="${errors}" skipped="${skips}"`
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attrs}>`,
    `  <testsuite ${attrs} timestamp="${xml(results.startTime)}">`,
    '    <properties>',
    `      <property name="image" value="${xml(results.image.reference)}"/>`,
    `      <property name="profile" value="${xml(results.scanner.profile.id)}"/>`,
    `      <property name="score" value="${results.score.value}"/>`,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    ''
  ].join('\n')
}

function testcase(rule: RuleOutcome, suite: string, options: JunitOptions): string {
  const name = `${rule.shortId}${rule.index > 0 ? ` #${rule.index + 1}` : ''}: ${rule.title}`
  const open = `    <testcase name="${xml(name)}" classname="${xml(suite)}"`
  const blame = options.blame?.get(ruleKey(rule))
  const where =
    blame === undefined
      ? ''
      : `\nLocation: ${blame.location.uri}:${blame.location.startLine} (${blame.cause})${blame.evidence === '' ? '' : `\nFound: ${blame.evidence}`}`
  const body = `Rule ${rule.id} (severity ${rule.severity}) ended ${rule.result}.${where}${
    rule.messages.length > 0 ? `\noscap: ${rule.messages.join(' / ')}` : ''
  }`
  const message = `${rule.shortId} ${rule.result} (${rule.severity})`
  if (rule.result === 'fail')
    return `${open}>\n      <failure message="${xml(message)}" type="${xml(rule.severity)}">${xml(body)}</failure>\n    </testcase>`
  if (errored.has(rule.result))
    return `${open}>\n      <error message="${xml(message)}" type="${xml(rule.result)}">${xml(body)}</error>\n    </testcase>`
  if (skipped.has(rule.result))
    return `${open}>\n      <skipped message="${xml(rule.result)}"/>\n    </testcase>`
  return `${open}/>`
}
