/**
 * The reviewer's view as a person sees it (issue 16): summary.md, the sticky PR comment, the job
 * summary and the GitLab note rendered with GFM and GitHub's stylesheet, screenshotted in headless
 * Chromium (test-artifacts/reviewer-view/*.png, not committed), and asserted on what is visible
 * without a click: the six failing rules of a held-out-like image, their locations linked to the
 * right line at the commit under review, the trend after three default-branch runs and a PR run,
 * no backslash or backtick artefacts, and hostile inputs shown as text.
 */
import {describe, expect, it} from 'vitest'
import {
  appendTrend,
  githubBlobBase,
  gitlabBlobBase,
  renderSummary,
  trendEntry,
  type GateVerdict,
  type ScanResults,
  type SourceLinks,
  type TrendHistory
} from '@scapgate/core'
import type {Attribution} from '../../packages/core/src/blame/types.js'
import {evaluatePolicyGate} from '../../packages/core/src/gate/evaluate-policy-gate.js'
import {sampleResults, sampleRule} from '../support/sample-results.js'
import {commentMarker, renderComment} from '../../packages/github-action/src/pr-comment.js'
import {noteBody} from '../../packages/cli/src/gitlab/merge-request-note.js'
import {liveReferences, read, renderGfm} from '../support/gfm-reader.js'
import {hostileStrings} from '../support/hostile-strings.js'
import {foldView, screenshot} from '../support/screenshot.js'

const sha = '3f2c1e9a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e'
const github = {blobBase: githubBlobBase('https://github.com', 'acme', 'shop', sha)}
const gitlab = {blobBase: gitlabBlobBase('https://gitlab.example.com/acme/shop', sha)}
const image = 'docker-archive:/var/tmp/scapgate-heldout/violations.tar'

/** Six failing rules as SSG names them for Debian 12, each blamed on a Dockerfile line. */
const failing = [
  [
    'package_telnetd_removed',
    'Uninstall telnet-server Package',
    'high',
    3,
    'telnetd 0.17+2.4-2 is installed'
  ],
  [
    'file_permissions_etc_shadow',
    'Verify Permissions on /etc/shadow File',
    'medium',
    5,
    '/etc/shadow is 0644'
  ],
  [
    'file_permissions_etc_group',
    'Verify Permissions on /etc/group File',
    'medium',
    5,
    '/etc/group is 0666'
  ],
  [
    'package_rsh-server_removed',
    'Uninstall rsh-server Package',
    'high',
    4,
    'rsh-server 0.17-24 is installed'
  ],
  [
    'no_empty_passwords_etc_shadow',
    'Ensure There Are No Accounts With Blank or Null Passwords',
    'high',
    6,
    'user guest has an empty password'
  ],
  ['package_nis_removed', 'Uninstall nis Package', 'low', 4, 'nis 4.2.4-1 is installed']
] as const

function fixture(
  score: number,
  names = [image]
): {results: ScanResults; blame: Map<string, Attribution>} {
  const rules = [
    ...failing.map(([id, title, severity]) =>
      sampleRule({shortId: id, title, severity, result: 'fail'})
    ),
    ...Array.from({length: 12}, (_, i) => sampleRule({shortId: `passing_${i}`, result: 'pass'}))
  ]
  const base = sampleResults(rules)
  const results = sampleResults(rules, {
    image: {...base.image, reference: names[0] ?? image, names},
    score: {...base.score, value: score}
  })
  const blame = new Map<string, Attribution>(
    failing.map(([id, , , line, evidence]) => [
      `xccdf_org.ssgproject.content_rule_${id}#0`,
      {
        kind: 'instruction',
        evidence,
        cause: `added by the RUN on line ${line}`,
        location: {uri: 'Dockerfile', startLine: line, endLine: line}
      }
    ])
  )
  return {results, blame}
}

/** A ratchet verdict against a baseline where two of the six already failed. */
function verdictFor(results: ScanResults, baselineScore: number): GateVerdict {
  return evaluatePolicyGate(results, {
    thresholds: {
      failOn: 'low',
      max: {},
      countAs: {error: 'failure', unknown: 'failure', notchecked: 'ignore'}
    },
    mode: 'ratchet',
    waivers: [],
    staleWaivers: 'report',
    baseline: {
      source: 'baseline (default branch)',
      score: baselineScore,
      rules: new Map(
        results.rules.map(r => [
          r.id,
          r.id.endsWith('package_nis_removed') || r.id.endsWith('package_rsh-server_removed')
            ? 'fail'
            : 'pass'
        ])
      )
    },
    now: new Date('2026-12-04T00:00:00Z')
  } as Parameters<typeof evaluatePolicyGate>[1])
}

/** Three default-branch runs, then the PR's: the history the PR comment draws. */
function history(prScore: number): TrendHistory {
  let kept: TrendHistory | undefined
  for (const [day, score] of [
    ['2026-12-01', 74.5],
    ['2026-12-02', 72.25],
    ['2026-12-03', 70]
  ] as const) {
    const {results} = fixture(score)
    kept = appendTrend(
      kept,
      {image, profile: results.scanner.profile.id},
      trendEntry(results, verdictFor(results, score), {
        at: new Date(`${day}T06:00:00Z`),
        commit: sha
      })
    )
  }
  const {results} = fixture(prScore)
  return appendTrend(
    kept,
    {image, profile: results.scanner.profile.id},
    trendEntry(results, verdictFor(results, 70), {
      at: new Date('2026-12-04T09:00:00Z'),
      commit: sha
    })
  )
}

function summary(
  links: SourceLinks,
  withTrend = true
): {markdown: string; results: ScanResults; verdict: GateVerdict} {
  const {results, blame} = fixture(66.67)
  const verdict = verdictFor(results, 70)
  const markdown = renderSummary(results, verdict, {
    blame,
    links,
    runFixes: new Map(
      failing.map(([id]) => [
        `xccdf_org.ssgproject.content_rule_${id}`,
        `RUN apt-get purge -y ${id}`
      ])
    ),
    fullReportHint: 'report.html and results.json',
    ...(withTrend ? {trend: history(66.67)} : {})
  })
  return {markdown, results, verdict}
}

function expectSixRulesVisible(markdown: string, blobBase: string): void {
  const view = foldView(renderGfm(markdown))
  // Six rows with a title each, visible without unfolding, new ones first.
  const rows = view.rows.filter(r => failing.some(([, title]) => r[1]?.startsWith(title)))
  expect(
    rows.map(r => r[1]),
    view.text
  ).toHaveLength(6)
  expect(rows.slice(0, 4).every(r => r[0]?.startsWith('🆕'))).toBe(true)
  expect(rows.slice(4).some(r => r[0]?.startsWith('🆕'))).toBe(false)
  for (const [id, title, , line] of failing) {
    expect(view.text).toContain(`${title} (${id})`)
    const link = view.links.find(l => l.text === `Dockerfile:${line}`)
    expect(link?.href).toBe(`${blobBase}Dockerfile#L${line}`)
  }
  // The image name and the rule ids read as they are: no escaping shows through.
  expect(view.text).toContain(image)
  expect(view.text).not.toMatch(/[\\`]/)
  expect(view.text).toMatch(
    /Score 66\.67\/100 \(▼ −3\.33 against the baseline\) · 4 new · 2 still failing · 0 fixed · 0 waived · 0 expired/
  )
}

describe('the reviewer view, rendered and screenshotted', () => {
  it('PR comment: six failing rules with linked locations and the trend, without a click', async () => {
    const {markdown, results, verdict} = summary(github)
    const body = renderComment(
      commentMarker([image]),
      [{image, results, verdict, summaryMarkdown: markdown}],
      'https://github.com/acme/shop/actions/runs/42'
    )
    expectSixRulesVisible(body, github.blobBase)
    const view = foldView(renderGfm(body))
    // The trend: a Mermaid xychart with the three default-branch runs and this PR last, and the
    // one-line fallback for readers without Mermaid.
    const mermaid = read(body).elements.find(
      e => e.tagName === 'code' && e.attrs.some(a => a.value === 'language-mermaid')
    )
    expect(mermaid).toBeDefined()
    expect(body).toContain('xychart-beta')
    expect(body).toContain('x-axis ["12-01", "12-02", "12-03", "this run"]')
    expect(body).toContain('line [74.50, 72.25, 70.00, 66.67]')
    expect(view.text).toContain('Score trend (last 4 runs):')
    expect(view.text).toContain('74.50 → 66.67 (▼ 7.83 since 12-01)')
    // The details are folded, and their summary line is plain text.
    expect(view.text).toContain('Details: why, fixes, all counts')
    expect(view.text).not.toContain('Full remediation from the SCAP content')
    const shot = await screenshot('pr-comment', body)
    expect(shot.png).toMatch(/pr-comment\.png$/)
  }, 120_000)

  it('job summary: the same content, the trend included', async () => {
    const {markdown} = summary(github)
    expectSixRulesVisible(markdown, github.blobBase)
    expect(markdown).toContain('xychart-beta')
    expect(foldView(renderGfm(markdown)).text).toContain('Score trend (last 4 runs):')
    await screenshot('job-summary', markdown)
  }, 120_000)

  it('GitLab note: the same rules, linked to GitLab blobs at CI_COMMIT_SHA', async () => {
    const {markdown} = summary(gitlab)
    const body = noteBody(markdown, 'scapgate-scan')
    expectSixRulesVisible(body, gitlab.blobBase)
    expect(gitlab.blobBase).toBe(`https://gitlab.example.com/acme/shop/-/blob/${sha}/`)
    expect(body).toContain('xychart-beta')
    await screenshot('gitlab-note', body)
  }, 120_000)

  it('many images: one line per image, a table per failing image, within 65,536 characters', async () => {
    const comment = (count: number) => {
      const items = Array.from({length: count}, (_, i) => {
        const name = `registry.example/team/service-${i}:1.0`
        const {results, blame} = fixture(60 + (i % 5), [name])
        const verdict = verdictFor(results, 70)
        const markdown = renderSummary(results, verdict, {
          blame,
          links: github,
          runFixes: new Map(
            failing.map(([id]) => [
              `xccdf_org.ssgproject.content_rule_${id}`,
              `RUN ${'x'.repeat(800)}`
            ])
          )
        })
        return {image: name, results, verdict, summaryMarkdown: markdown}
      })
      const body = renderComment(
        commentMarker(items.map(i => i.image)),
        items,
        'https://github.com/acme/shop/actions/runs/42'
      )
      return {items, body, view: foldView(renderGfm(body))}
    }
    // 25 images: the details go, every table row stays.
    const some = comment(25)
    expect(Array.from(some.body).length).toBeLessThan(65_536)
    for (const item of some.items) expect(some.view.text).toContain(`${item.image} · score`)
    expect(
      some.view.rows.filter(r => r[1]?.startsWith('Uninstall telnet-server Package'))
    ).toHaveLength(25)
    expect(some.body).toContain('_Details are in the job summary and the artifact._')
    expect(some.body).not.toContain('cut: GitHub comments')
    await screenshot('pr-comment-many-images', some.body, 2400)
    // 80 images: still under the limit, every image keeps its line, the tables are cut last.
    const many = comment(80)
    expect(Array.from(many.body).length).toBeLessThan(65_536)
    for (const item of many.items) expect(many.view.text).toContain(`${item.image} · score`)
    expect(many.body).toContain('cut: GitHub comments hold at most 65,536 characters')
  }, 120_000)

  it('hostile image names and rule titles stay text: no live link, mention or HTML', async () => {
    const rules = hostileStrings
      .slice(0, 20)
      .map((title, i) =>
        sampleRule({shortId: `rule_${i}`, title, severity: 'high', result: 'fail'})
      )
    const blame = new Map<string, Attribution>(
      rules.map((r, i) => [
        `${r.id}#0`,
        {
          kind: 'instruction',
          evidence: hostileStrings[(i + 3) % hostileStrings.length] ?? '',
          cause: 'added by the RUN on line 2',
          location: {uri: i % 2 === 0 ? 'Dockerfile' : '../../etc/passwd', startLine: 2}
        }
      ])
    )
    const name = 'evil`name|with](javascript:alert(1)) @octocat <b>'
    const results = sampleResults(rules, {
      image: {...sampleResults([]).image, reference: name, names: [name]}
    })
    const verdict = verdictFor(results, 80)
    const markdown = renderSummary(results, verdict, {blame, links: github, trend: history(75)})
    const body = renderComment(
      commentMarker([name]),
      [{image: name, results, verdict, summaryMarkdown: markdown}],
      'https://github.com/acme/shop/actions/runs/42'
    )
    const rendered = read(body)
    expect(rendered.tags).not.toContain('script')
    expect(rendered.tags).not.toContain('img')
    expect(rendered.tags).not.toContain('b')
    expect(liveReferences(rendered.proseText), rendered.html).toBeUndefined()
    const view = foldView(rendered.html)
    expect(view.text).toContain(name)
    // Links go only to the blob at the head SHA, never out of the repository or to javascript:.
    for (const link of view.links)
      expect(link.href).toMatch(
        new RegExp(
          `^(${github.blobBase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}Dockerfile#L2|https://github\\.com/acme/shop/actions/runs/42)$`
        )
      )
    expect(view.links.filter(l => l.text === 'Dockerfile:2')).toHaveLength(10)
    await screenshot('pr-comment-hostile', body)
  }, 120_000)
})
