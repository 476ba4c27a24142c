import {describe, expect, it} from 'vitest'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {historySchemaUri, type TrendHistory} from '../trend/history.js'
import {sourceUrl} from './source-links.js'
import {trendLine, trendMermaid, trendText} from './trend-chart.js'
import {trendSvg} from './trend-svg.js'

const history = (scores: number[], image = 'app:1'): TrendHistory => ({
  schema: historySchemaUri,
  image,
  profile: 'xccdf_org.ssgproject.content_profile_standard',
  entries: scores.map((score, i) => ({
    at: new Date(Date.UTC(2026, 10, 28 + i)).toISOString(),
    score,
    maximum: 100,
    status: score >= 70 ? 'pass' : 'fail',
    counts: {failing: 3, new: 0, stillFailing: 3, fixed: 0, waived: 0, expired: 0}
  }))
})

describe('the trend chart', () => {
  it('draws a Mermaid xychart with dates, this run last, and a text line', () => {
    const h = history([61, 65.5, 70, 72.5])
    expect(trendMermaid(h)).toBe(
      [
        '```mermaid',
        'xychart-beta',
        '    title "Compliance score, last 4 runs"',
        '    x-axis ["11-28", "11-29", "11-30", "this run"]',
        '    y-axis "Score" 0 --> 100',
        '    line [61.00, 65.50, 70.00, 72.50]',
        '```'
      ].join('\n')
    )
    expect(trendLine(h)).toBe('Score trend (last 4 runs): ▁▄▆█ 61.00 → 72.50 (▲ 11.50 since 11-28)')
    expect(trendMermaid(history([50]))).toBe('')
    expect(trendLine(history([50]))).toBe('')
  })

  it('prints a text chart for the terminal', () => {
    const text = trendText(history([61, 65.5, 70, 72.5]), 5)
    expect(text.split('\n').filter(l => l.includes('┤'))).toHaveLength(5)
    expect(text).toContain('●')
    expect(text).toContain('11-28 … 12-01')
    expect(text).toContain('Score trend (last 4 runs)')
  })

  it('writes well-formed SVG with hostile names as text only', () => {
    const svg = trendSvg(history([61, 70], '<script>alert(1)</script> & "quotes" \u202e'))
    expect(XMLValidator.validate(svg)).toBe(true)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('\u202e')
    const parsed = new XMLParser({ignoreAttributes: false}).parse(svg) as {
      svg: {polyline: {'@_points': string}; circle: unknown[]}
    }
    expect(parsed.svg.circle).toHaveLength(2)
    expect(parsed.svg.polyline['@_points']).toMatch(/^[\d.]+,[\d.]+ [\d.]+,[\d.]+$/)
  })
})

describe('source links', () => {
  const links = {blobBase: 'https://github.com/o/r/blob/abc/'}
  it('links a repository path to its line', () => {
    expect(sourceUrl(links, {uri: 'docker/app Dockerfile', startLine: 3})).toBe(
      'https://github.com/o/r/blob/abc/docker/app%20Dockerfile#L3'
    )
  })
  it('gives no link out of the repository, for absolute paths or without a base', () => {
    for (const uri of ['../etc/passwd', '/etc/passwd', 'a//b', 'javascript:alert(1)', ''])
      expect(sourceUrl(links, {uri, startLine: 1})).toBeUndefined()
    expect(sourceUrl(undefined, {uri: 'Dockerfile', startLine: 1})).toBeUndefined()
    expect(sourceUrl({blobBase: 'javascript:alert(1)//'}, {uri: 'D', startLine: 1})).toBeUndefined()
  })
})
