import {describe, expect, it} from 'vitest'
import {ovalExcerpt} from '../../../../test/support/oval-fixtures.js'
import {readOvalResults} from '../arf/oval-results.js'
import type {OvalItem, OvalResults, ParsedArf} from '../arf/types.js'
import {parseXml} from '../arf/xml-parser.js'
import {describeHistory} from '../dockerfile/match-history.js'
import {parseDockerfile} from '../dockerfile/parse-dockerfile.js'
import {layer, stack} from '../../../../test/support/layer-fixtures.js'
import {sampleRule} from '../../../../test/support/sample-results.js'
import type {RuleOutcome} from '../results/model.js'
import {blameRules, evidencePaths, ruleKey} from './attribute.js'
import {collectBookkeeping, introducingLayer} from './bookkeeping.js'

const status = (...packages: [string, string][]): string =>
  packages
    .map(
      ([name, version]) => `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\n`
    )
    .join('\n')

// base, chmod shadow, chown passwd, apt install (rewrites passwd and shadow, keeps their mode/owner)
const layers = stack(
  layer([
    {name: 'etc/', type: 'dir', mode: 0o755},
    {name: 'etc/shadow', content: 'root:*:1\n', mode: 0o640, gid: 42},
    {name: 'etc/passwd', content: 'root:x:0:0\n', mode: 0o644},
    {name: 'var/lib/dpkg/status', content: status(['base-files', '11.1'])}
  ]),
  layer([{name: 'etc/shadow', content: 'root:*:1\n', mode: 0o644, gid: 42}]),
  layer([{name: 'etc/passwd', content: 'root:x:0:0\n', mode: 0o644, uid: 1000}]),
  layer([
    {name: 'etc/shadow', content: 'root:*:1\ntelnetd:*:1\n', mode: 0o644, gid: 42},
    {name: 'etc/passwd', content: 'root:x:0:0\ntelnetd:x:1:1\n', mode: 0o644, uid: 1000},
    {name: 'var/lib/dpkg/status', content: status(['base-files', '11.1'], ['telnetd', '0.17-42'])}
  ]),
  layer([{name: 'etc/.wh.motd', type: 'file'}])
)

const history = describeHistory(
  [
    {createdBy: '/bin/sh -c #(nop) ADD file:1 in /', emptyLayer: false},
    {createdBy: '/bin/sh -c chmod 0644 /etc/shadow', emptyLayer: false},
    {createdBy: '/bin/sh -c chown 1000 /etc/passwd', emptyLayer: false},
    {createdBy: '/bin/sh -c apt-get install -y telnetd', emptyLayer: false},
    {createdBy: '/bin/sh -c rm /etc/motd', emptyLayer: false}
  ],
  5
)
const dockerfile = parseDockerfile(
  [
    'FROM debian:11',
    'RUN chmod 0644 /etc/shadow',
    'RUN chown 1000 /etc/passwd',
    '',
    'RUN apt-get install -y telnetd',
    'RUN rm /etc/motd'
  ].join('\n')
)

function item(overrides: Partial<OvalItem> & {id: string}): OvalItem {
  return {itemType: 'file_item', status: 'exists', ...overrides}
}

function ovalFor(rules: Record<string, OvalItem[]>): ParsedArf['oval'] {
  const definitions: OvalResults['definitions'] = new Map()
  for (const [name, items] of Object.entries(rules))
    definitions.set(name, {id: name, result: 'false', testIds: [], items})
  return new Map([['oval0', {definitions, tests: new Map()}]])
}

function rule(shortId: string): RuleOutcome {
  return sampleRule({
    shortId,
    result: 'fail',
    checks: [{system: 'oval', name: `def:${shortId}`, href: '#oval0'}]
  })
}

const rules = [
  rule('file_permissions_etc_shadow'),
  rule('file_owner_etc_passwd'),
  rule('package_telnetd_removed'),
  rule('file_groupowner_etc_shadow'),
  rule('package_audit_installed'),
  rule('file_permissions_systemmap')
]
const oval = ovalFor({
  'def:file_permissions_etc_shadow': [item({id: '1', filepath: '/etc/shadow'})],
  'def:file_owner_etc_passwd': [item({id: '2', filepath: '/etc/passwd'})],
  'def:package_telnetd_removed': [
    item({id: '3', itemType: 'dpkginfo_item', name: 'telnetd', evr: '0.17-42'})
  ],
  'def:file_groupowner_etc_shadow': [item({id: '1', filepath: '/etc/shadow'})],
  'def:package_audit_installed': [
    item({id: '4', itemType: 'dpkginfo_item', name: 'auditd', status: 'does not exist'})
  ],
  'def:file_permissions_systemmap': []
})

describe('introducingLayer', () => {
  it('walks back over later layers that kept the same value', () => {
    const changes = [
      {layer: 0, value: 'a'},
      {layer: 1, value: 'b'},
      {layer: 3, value: 'b'}
    ]
    expect(introducingLayer(changes, v => v)).toBe(1)
    expect(introducingLayer([...changes, {layer: 4, value: undefined}], v => v)).toBeUndefined()
  })
})

describe('blame from layers to Dockerfile lines', () => {
  it('puts each finding on the instruction that introduced the checked property, not the last writer', async () => {
    const bookkeeping = await collectBookkeeping({layers, paths: evidencePaths(rules, oval)})
    const blame = blameRules(rules, {
      oval,
      bookkeeping,
      history,
      dockerfile: {uri: 'Dockerfile', parsed: dockerfile},
      fallback: {uri: 'app.tar', startLine: 1}
    })
    const at = (shortId: string) =>
      blame.get(ruleKey(rules.find(r => r.shortId === shortId) as RuleOutcome))
    expect(at('file_permissions_etc_shadow')).toMatchObject({
      kind: 'instruction',
      evidence: '/etc/shadow has mode 0644',
      cause: 'changed by the RUN on line 2',
      location: {uri: 'Dockerfile', startLine: 2}
    })
    expect(at('file_owner_etc_passwd')).toMatchObject({
      evidence: '/etc/passwd is owned by uid 1000',
      location: {startLine: 3}
    })
    expect(at('package_telnetd_removed')).toMatchObject({
      evidence: 'telnetd 0.17-42 is installed',
      cause: 'added by the RUN on line 5',
      location: {startLine: 5}
    })
    expect(at('file_groupowner_etc_shadow')).toMatchObject({
      kind: 'base',
      cause: 'inherited from the base image',
      location: {startLine: 1}
    })
    expect(at('package_audit_installed')).toMatchObject({
      kind: 'unattributed',
      location: {startLine: 1}
    })
    expect(at('file_permissions_systemmap')?.cause).toMatch(/^not attributable.*no evidence/)
  })

  it('skips layers the applier says touched none of the evidence', async () => {
    const touchedNothing = {written: ['/usr/bin/x'], removed: []}
    const changes = layers.map(l => ({
      index: l.index,
      digest: l.digest,
      diffId: l.diffId,
      ...touchedNothing
    }))
    const bookkeeping = await collectBookkeeping({layers, changes, paths: ['/etc/shadow']})
    expect(bookkeeping.files.size).toBe(0)
    expect(bookkeeping.packages.size).toBe(0)
  })

  it('names the layer and its history entry, on the fallback location, when there is no Dockerfile', async () => {
    const bookkeeping = await collectBookkeeping({layers, paths: evidencePaths(rules, oval)})
    const blame = blameRules(rules, {
      oval,
      bookkeeping,
      history,
      fallback: {uri: 'app.tar', startLine: 1}
    })
    expect(blame.get(ruleKey(rules[2] as RuleOutcome))).toMatchObject({
      kind: 'layer',
      location: {uri: 'app.tar', startLine: 1},
      cause:
        'added by layer 4 (`/bin/sh -c apt-get install -y telnetd` in the image history); no Dockerfile was given'
    })
  })

  it('never gives a precise line when the Dockerfile does not match the history', async () => {
    const bookkeeping = await collectBookkeeping({layers, paths: evidencePaths(rules, oval)})
    const other = parseDockerfile(
      'FROM alpine\nRUN apk add telnet\nRUN chmod 0644 /etc/shadow.bak\n'
    )
    const blame = blameRules(rules, {
      oval,
      bookkeeping,
      history,
      dockerfile: {uri: 'Dockerfile', parsed: other},
      fallback: {uri: 'app.tar', startLine: 1}
    })
    for (const attribution of blame.values()) expect(attribution.location.startLine).toBe(1)
    expect(blame.get(ruleKey(rules[2] as RuleOutcome))?.cause).toMatch(
      /no instruction of the Dockerfile matches it$/
    )
  })

  it('blames only the items that made the rule fail, not a newer one that passed', async () => {
    // chmod 0666 /etc/shadow (fails the state), then chmod 0600 /etc/passwd (passes it)
    const chmods = stack(
      layer([
        {name: 'etc/', type: 'dir', mode: 0o755},
        {name: 'etc/passwd', content: 'root:x:0:0\n', mode: 0o644},
        {name: 'etc/shadow', content: 'root:*:1\n', mode: 0o640}
      ]),
      layer([{name: 'etc/shadow', content: 'root:*:1\n', mode: 0o666}]),
      layer([{name: 'etc/passwd', content: 'root:x:0:0\n', mode: 0o600}])
    )
    const xml = ovalExcerpt(
      `<definition definition_id="def:file_permissions_etc_files" result="false">
        <criteria result="false"><criterion test_ref="tst:1" result="false"/></criteria>
      </definition>`,
      `<test test_id="tst:1" check_existence="all_exist" check="all" result="false">
        <tested_item item_id="1" result="true"/><tested_item item_id="2" result="false"/>
      </test>`,
      {'1': '/etc/passwd', '2': '/etc/shadow'}
    )
    const excerpt = new Map([['oval0', readOvalResults(parseXml(xml, 'arf.xml'), 'arf.xml')]])
    const files = rule('file_permissions_etc_files')
    const input = {
      history: describeHistory(
        [
          {createdBy: 'ADD file:1 in /', emptyLayer: false},
          {createdBy: '/bin/sh -c chmod 0666 /etc/shadow', emptyLayer: false},
          {createdBy: '/bin/sh -c chmod 0600 /etc/passwd', emptyLayer: false}
        ],
        3
      ),
      dockerfile: {
        uri: 'Dockerfile',
        parsed: parseDockerfile(
          'FROM debian:11\nRUN chmod 0666 /etc/shadow\nRUN chmod 0600 /etc/passwd\n'
        )
      },
      fallback: {uri: 'app.tar', startLine: 1}
    }
    expect([...evidencePaths([files], excerpt)]).toEqual(['/etc/shadow'])
    const bookkeeping = await collectBookkeeping({
      layers: chmods,
      paths: ['/etc/passwd', '/etc/shadow']
    })
    expect(
      blameRules([files], {...input, oval: excerpt, bookkeeping}).get(ruleKey(files))
    ).toMatchObject({
      kind: 'instruction',
      evidence: '/etc/shadow has mode 0666',
      location: {startLine: 2}
    })

    // without per-item results, every item counts and the newest layer among them wins
    const unmarked: ParsedArf['oval'] = new Map([
      [
        'oval0',
        {
          tests: new Map(),
          definitions: new Map(
            [...(excerpt.get('oval0')?.definitions ?? [])].map(([id, d]) => [
              id,
              {...d, items: d.items.map(({failing: _, ...item}) => item)}
            ])
          )
        }
      ]
    ])
    expect(
      blameRules([files], {...input, oval: unmarked, bookkeeping}).get(ruleKey(files))
    ).toMatchObject({
      evidence: '/etc/passwd has mode 0600',
      location: {startLine: 3}
    })
  })
})
