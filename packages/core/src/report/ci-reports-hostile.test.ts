import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {XMLParser} from 'fast-xml-parser'
import {ruleKey} from '../blame/attribute.js'
import {type Attribution} from '../blame/types.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {
  forbiddenInOutput,
  hostileStrings,
  xmlInvalidStrings
} from '../../../../test/support/hostile-strings.js'
import {toCodeQuality} from './code-quality.js'
import {toJunit} from './junit.js'

const strings = [...hostileStrings, ...xmlInvalidStrings]
const pick = (i: number): string => strings[i % strings.length] ?? ''
const rules = strings.map((title, i) =>
  sampleRule({
    shortId: `r${i}`,
    title,
    result: (['fail', 'error', 'unknown', 'notchecked', 'pass'] as const)[i % 5],
    messages: [pick(i + 1)]
  })
)
const blame = new Map<string, Attribution>(
  rules.map((rule, i) => [
    ruleKey(rule),
    {
      kind: 'layer',
      evidence: pick(i + 2),
      cause: pick(i + 3),
      location: {uri: 'Dockerfile', startLine: 1}
    }
  ])
)
const results = sampleResults(rules, {
  image: {...sampleResults([]).image, reference: pick(4), names: [pick(5)]}
})

describe('toJunit with hostile titles, messages and image names', () => {
  it('writes XML 1.0 that libxml2 accepts, with no control or bidi character in any text', () => {
    const text = toJunit(results, {blame})
    // xmllint rejects characters XML 1.0 forbids, also as character references.
    execFileSync('xmllint', ['--noout', '-'], {input: text})
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      processEntities: true,
      parseTagValue: false
    }).parse(text) as {
      testsuites: {testsuite: {testcase: Record<string, unknown>[]}}
    }
    const cases = doc.testsuites.testsuite.testcase
    expect(cases).toHaveLength(rules.length)
    for (const value of collect(doc)) expect(value).not.toMatch(forbiddenInOutput)
    const script = strings.indexOf('<script>alert(1)</script>')
    expect(cases[script]?.name).toBe(`r${script}: <script>alert(1)</script>`)
  })
})

describe('toCodeQuality with hostile titles', () => {
  it('writes one-line descriptions and check names without control or bidi characters', () => {
    const issues = toCodeQuality(results, {location: {uri: 'Dockerfile', startLine: 1}, blame})
    expect(issues.length).toBeGreaterThan(0)
    for (const issue of issues) {
      expect(issue.description).not.toMatch(forbiddenInOutput)
      expect(issue.description).not.toContain('\n')
      expect(issue.check_name).not.toMatch(forbiddenInOutput)
    }
  })
})

function collect(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(collect)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(collect)
  return []
}
