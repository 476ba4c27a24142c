/**
 * Issue 13, "one layer pass": the applier records what blame and CVE blame need while it
 * extracts, so a scan opens each layer blob exactly once, and the record gives the same
 * attributions as reading the layers again (what `scapgate report --image` still does).
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import type {OvalItem, OvalResults, ParsedArf} from '../arf/types.js'
import {parseDockerfile} from '../dockerfile/parse-dockerfile.js'
import type {ResolvedImage, VerifiedLayer} from '../image/types.js'
import {applyLayers} from '../layers/apply-layers.js'
import {Sandbox, layer, stack} from '../../../../test/support/layer-fixtures.js'
import type {Logger} from '../logging.js'
import {sampleRule} from '../../../../test/support/sample-results.js'
import type {RuleOutcome} from '../results/model.js'
import {blameImage, blameImagePackages} from './blame-image.js'

const status = (...packages: [string, string][]): string =>
  packages
    .map(
      ([name, version]) => `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\n`
    )
    .join('\n')

/**
 * 0 base; 1 chmod shadow (same content); 2 rewrites motd with the same bytes, changes issue;
 * 3 apt install (rewrites passwd/shadow content, dpkg status); 4 removes /etc/old, makes /opt
 * opaque; 5 a status.d record (distroless style) and an upgrade.
 */
function layers(): VerifiedLayer[] {
  return stack(
    layer([
      {name: 'etc/', type: 'dir', mode: 0o755},
      {name: 'etc/shadow', content: 'root:*:1\n', mode: 0o640, gid: 42},
      {name: 'etc/passwd', content: 'root:x:0:0\n', mode: 0o644},
      {name: 'etc/motd', content: 'hello\n', mode: 0o644},
      {name: 'etc/issue', content: 'Debian 11\n', mode: 0o644},
      {name: 'etc/old', content: 'old\n', mode: 0o644},
      {name: 'opt/app/conf', content: 'a=1\n', mode: 0o644},
      {name: 'var/lib/dpkg/status', content: status(['base-files', '11.1'], ['openssl', '1.1'])}
    ]),
    layer([{name: 'etc/shadow', content: 'root:*:1\n', mode: 0o644, gid: 42}]),
    layer([
      {name: 'etc/motd', content: 'hello\n', mode: 0o644},
      {name: 'etc/issue', content: 'Debian 11 (custom)\n', mode: 0o644}
    ]),
    layer([
      {name: 'etc/shadow', content: 'root:*:1\ntelnetd:*:1\n', mode: 0o644, gid: 42},
      {name: 'etc/passwd', content: 'root:x:0:0\ntelnetd:x:1:1\n', mode: 0o644},
      {
        name: 'var/lib/dpkg/status',
        content: status(['base-files', '11.1'], ['openssl', '1.1'], ['telnetd', '0.17-42'])
      }
    ]),
    layer([
      {name: 'etc/.wh.old', type: 'file'},
      {name: 'opt/.wh..wh..opq', type: 'file'},
      {name: 'opt/other', content: 'b\n', mode: 0o644}
    ]),
    layer([
      {name: 'var/lib/dpkg/status.d/tzdata', content: 'Package: tzdata\nVersion: 2024a\n'},
      {
        name: 'var/lib/dpkg/status',
        content: status(['base-files', '11.1'], ['openssl', '1.2'], ['telnetd', '0.17-42'])
      }
    ])
  )
}

const createdBy = [
  '/bin/sh -c #(nop) ADD file:1 in /',
  '/bin/sh -c chmod 0644 /etc/shadow',
  '/bin/sh -c echo custom >> /etc/issue',
  '/bin/sh -c apt-get install -y telnetd',
  '/bin/sh -c rm /etc/old /opt/app',
  '/bin/sh -c apt-get install -y --only-upgrade openssl'
]
const dockerfile = {
  uri: 'Dockerfile',
  parsed: parseDockerfile(
    ['FROM debian:11', ...createdBy.slice(1).map(c => `RUN ${c.replace('/bin/sh -c ', '')}`)].join(
      '\n'
    )
  )
}

function rule(shortId: string): RuleOutcome {
  return sampleRule({
    shortId,
    result: 'fail',
    checks: [{system: 'oval', name: `def:${shortId}`, href: '#oval0'}]
  })
}

const files: Record<string, string> = {
  file_permissions_etc_shadow: '/etc/shadow',
  file_groupowner_etc_shadow: '/etc/shadow',
  shadow_content: '/etc/shadow',
  passwd_content: '/etc/passwd',
  motd_content: '/etc/motd',
  issue_content: '/etc/issue',
  old_content: '/etc/old',
  opt_conf: '/opt/app/conf',
  opt_other: '/opt/other'
}
const rules = [...Object.keys(files), 'package_telnetd_removed'].map(rule)

function parsed(): ParsedArf {
  const definitions: OvalResults['definitions'] = new Map()
  for (const [shortId, filepath] of Object.entries(files)) {
    const items: OvalItem[] = [{id: shortId, itemType: 'file_item', status: 'exists', filepath}]
    definitions.set(`def:${shortId}`, {id: shortId, result: 'false', testIds: [], items})
  }
  const telnetd: OvalItem = {
    id: 'telnetd',
    itemType: 'dpkginfo_item',
    status: 'exists',
    name: 'telnetd',
    evr: '0:0.17-42'
  }
  definitions.set('def:package_telnetd_removed', {
    id: 'telnetd',
    result: 'false',
    testIds: [],
    items: [telnetd]
  })
  return {oval: new Map([['oval0', {definitions, tests: new Map()}]])} as unknown as ParsedArf
}

const warnings: string[] = []
const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: message => {
    warnings.push(String(message))
  },
  error: () => undefined,
  startGroup: () => undefined,
  endGroup: () => undefined
}

/** The layers with their blob opens counted. */
function counted(list: VerifiedLayer[]): {layers: VerifiedLayer[]; opens: number[]} {
  const opens = list.map(() => 0)
  return {
    opens,
    layers: list.map((item, at) => ({
      ...item,
      open: () => {
        opens[at] = (opens[at] ?? 0) + 1
        return item.open()
      }
    }))
  }
}

function image(list: VerifiedLayer[]): ResolvedImage {
  return {
    layers: list,
    config: {history: createdBy.map(c => ({createdBy: c, emptyLayer: false}))}
  } as unknown as ResolvedImage
}

const packages = [
  {name: 'telnetd', version: '0.17-42', kind: 'dpkg' as const},
  {name: 'openssl', version: '1.2', kind: 'dpkg' as const},
  {name: 'base-files', version: '11.1', kind: 'dpkg' as const},
  {name: 'tzdata', version: '2024a', kind: 'dpkg' as const}
]
const fallback = {uri: 'app.tar', startLine: 1}

let box: Sandbox
beforeEach(() => {
  box = new Sandbox()
  warnings.length = 0
})
afterEach(() => {
  box.cleanup()
})

describe('one layer pass', () => {
  it('opens each layer blob once for extraction, compliance blame and CVE blame together', async () => {
    const {layers: list, opens} = counted(layers())
    const applied = await applyLayers({root: box.dest, layers: list})
    expect(opens).toEqual(list.map(() => 1))
    const arf = parsed()
    await blameImage({
      rules,
      parsed: arf,
      image: image(list),
      applied,
      dockerfile,
      fallback,
      logger
    })
    await blameImagePackages({packages, image: image(list), applied, dockerfile, fallback, logger})
    expect(warnings).toEqual([])
    expect(opens).toEqual(list.map(() => 1))
  })

  it('attributes exactly as reading the layers again does', async () => {
    const {layers: list, opens} = counted(layers())
    const applied = await applyLayers({root: box.dest, layers: list})
    const arf = parsed()
    const common = {rules, parsed: arf, image: image(list), dockerfile, fallback, logger}
    const recorded = await blameImage({...common, applied})
    const reread = await blameImage(common)
    expect(opens.every(count => count > 1)).toBe(true)
    expect(recorded).toEqual(reread)
    const byRule = (shortId: string) =>
      recorded.get([...recorded.keys()].find(key => key.includes(shortId)) as string)
    // Not vacuous: the cases the record must get right.
    expect(byRule('file_permissions_etc_shadow')?.location.startLine).toBe(2)
    expect(byRule('file_groupowner_etc_shadow')?.kind).toBe('base')
    expect(byRule('shadow_content')?.location.startLine).toBe(4)
    expect(byRule('motd_content')?.kind).toBe('base')
    expect(byRule('issue_content')?.location.startLine).toBe(3)
    expect(byRule('opt_other')?.location.startLine).toBe(5)
    expect(byRule('package_telnetd_removed')?.location.startLine).toBe(4)

    const recordedPackages = await blameImagePackages({
      packages,
      image: image(list),
      applied,
      dockerfile,
      fallback,
      logger
    })
    const rereadPackages = await blameImagePackages({
      packages,
      image: image(list),
      dockerfile,
      fallback,
      logger
    })
    expect(recordedPackages).toEqual(rereadPackages)
    expect(recordedPackages.get('openssl')?.location.startLine).toBe(6)
    expect(recordedPackages.get('tzdata')?.location.startLine).toBe(6)
    expect(recordedPackages.get('base-files')?.kind).toBe('base')
    expect(warnings).toEqual([])
  })

  it('hashes only files that a layer replaced', async () => {
    const applied = await applyLayers({root: box.dest, layers: layers()})
    const [base, chmod] = applied.facts.layers
    const wanted = new Set(['/etc/shadow', '/etc/passwd'])
    expect([...(base?.versions(wanted).values() ?? [])].map(v => v.digest)).toEqual([
      'unhashed:0:1',
      'unhashed:0:2'
    ])
    expect(chmod?.versions(wanted).get('/etc/shadow')?.digest).toMatch(/^[a-f0-9]{64}$/)
    expect(chmod?.replaced.get('/etc/shadow')).toBe(
      chmod?.versions(wanted).get('/etc/shadow')?.digest
    )
  })
})
