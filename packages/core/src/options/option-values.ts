/**
 * The closed value sets that options, the policy and the gate share. A leaf: it imports nothing,
 * so the option table, the policy's types and the gate's types can all depend on it without a
 * cycle (packages/core/src/layering.test.ts).
 */

/** The compliance gate's thresholds (`--fail-on`, docs/policy.md). */
export const failOnValues = ['low', 'medium', 'high', 'never'] as const
export type FailOn = (typeof failOnValues)[number]

/** The CVE gate's thresholds (`--cve-fail-on`, docs/cves.md). */
export const cveFailOnValues = ['critical', 'high', 'medium', 'low', 'never'] as const
export type CveFailOn = (typeof cveFailOnValues)[number]

/** How a baseline judges (`mode:`, docs/policy.md). */
export const policyModes = ['absolute', 'ratchet'] as const
export type PolicyMode = (typeof policyModes)[number]
