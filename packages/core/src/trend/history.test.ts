import {describe, expect, it} from 'vitest'
import {evaluateGate} from '../gate/evaluate-gate.js'
import {sampleResults, sampleRule} from '../../../../test/support/sample-results.js'
import {
  appendTrend,
  maxHistoryEntries,
  parseHistory,
  serializeHistory,
  trendEntry,
  type TrendHistory
} from './history.js'

const results = sampleResults([
  sampleRule({shortId: 'a', result: 'fail', severity: 'high'}),
  sampleRule({shortId: 'b', result: 'pass'})
])
const verdict = evaluateGate(results, {failOn: 'medium'})
const key = {image: 'app:1', profile: 'xccdf_p'}
const entry = (day: number) =>
  trendEntry(results, verdict, {at: new Date(Date.UTC(2026, 0, day)), commit: 'abc1234'})

describe('the score history', () => {
  it('appends one point per run and keeps the last 60', () => {
    let history: TrendHistory | undefined
    for (let day = 1; day <= 70; day += 1) history = appendTrend(history, key, entry(day))
    expect(history?.entries).toHaveLength(maxHistoryEntries)
    expect(history?.entries[0]?.at).toBe(new Date(Date.UTC(2026, 0, 11)).toISOString())
    expect(history?.entries.at(-1)).toMatchObject({
      score: results.score.value,
      maximum: 100,
      status: 'fail',
      commit: 'abc1234',
      counts: {failing: 1, new: 0, stillFailing: 0, fixed: 0, waived: 0, expired: 0}
    })
  })

  it('starts a new history for another profile rather than mixing two series', () => {
    const old = appendTrend(undefined, {image: 'app:1', profile: 'other'}, entry(1))
    expect(appendTrend(old, key, entry(2)).entries).toHaveLength(1)
  })

  it('reads back what it wrote, and refuses files it did not write without echoing them', () => {
    const history = appendTrend(appendTrend(undefined, key, entry(1)), key, entry(2))
    expect(parseHistory(serializeHistory(history), 'h.json')).toEqual(history)
    const secret = 'SECRET-TOKEN-123'
    for (const bad of [
      secret,
      JSON.stringify({schema: secret}),
      JSON.stringify({...history, entries: [{...history.entries[0], score: secret}]}),
      JSON.stringify({...history, entries: [{...history.entries[0], score: 120}]}),
      JSON.stringify({...history, entries: [{...history.entries[0], commit: `<${secret}>`}]}),
      JSON.stringify({...history, entries: [{...history.entries[0], counts: {failing: -1}}]})
    ]) {
      expect(() => parseHistory(bad, 'h.json')).toThrow(/Expected .*h\.json/)
      try {
        parseHistory(bad, 'h.json')
      } catch (error) {
        expect((error as Error).message).not.toContain(secret)
      }
    }
  })
})
