import {describe, expect, it} from 'vitest'
import {describeHistory} from '../dockerfile/match-history.js'
import {parseDockerfile} from '../dockerfile/parse-dockerfile.js'
import {layer, stack} from '../../../../test/support/layer-fixtures.js'
import {blamePackages} from './attribute.js'
import {collectBookkeeping} from './bookkeeping.js'

const status = (...packages: [string, string][]): string =>
  packages
    .map(
      ([name, version]) => `Package: ${name}\nStatus: install ok installed\nVersion: ${version}\n`
    )
    .join('\n')

// base (libc6, openssl), install telnetd, upgrade openssl
const layers = stack(
  layer([
    {name: 'var/lib/dpkg/status', content: status(['libc6', '2.31-13'], ['openssl', '1.1.1n-0'])}
  ]),
  layer([
    {
      name: 'var/lib/dpkg/status',
      content: status(['libc6', '2.31-13'], ['openssl', '1.1.1n-0'], ['telnetd', '0.17-42'])
    }
  ]),
  layer([
    {
      name: 'var/lib/dpkg/status',
      content: status(['libc6', '2.31-13'], ['openssl', '1.1.1w-0'], ['telnetd', '0.17-42'])
    }
  ])
)
const history = describeHistory(
  [
    {createdBy: '/bin/sh -c #(nop) ADD file:1 in /', emptyLayer: false},
    {createdBy: '/bin/sh -c apt-get install -y telnetd', emptyLayer: false},
    {createdBy: '/bin/sh -c apt-get install -y --only-upgrade openssl', emptyLayer: false}
  ],
  3
)
const dockerfile = parseDockerfile(
  'FROM debian:11\nRUN apt-get install -y telnetd\n\nRUN apt-get install -y --only-upgrade openssl\n'
)

describe('blamePackages', () => {
  it('puts a vulnerable package on the RUN that installed or upgraded it, and base packages on FROM', async () => {
    const bookkeeping = await collectBookkeeping({layers, paths: []})
    const blame = blamePackages(
      [
        {name: 'telnetd', version: '0.17-42', kind: 'dpkg'},
        {name: 'openssl', version: '1.1.1w-0', kind: 'dpkg'},
        {name: 'libc6', version: '2.31-13', kind: 'dpkg'},
        {name: 'absent', kind: 'dpkg'},
        {name: 'bash', version: '5.1-2.el9', kind: 'rpm'}
      ],
      {
        oval: new Map(),
        bookkeeping,
        history,
        dockerfile: {uri: 'Dockerfile', parsed: dockerfile},
        fallback: {uri: 'app.tar', startLine: 1}
      }
    )
    expect(blame.get('telnetd')).toMatchObject({
      kind: 'instruction',
      evidence: 'telnetd 0.17-42 is installed',
      cause: 'added by the RUN on line 2',
      location: {uri: 'Dockerfile', startLine: 2}
    })
    expect(blame.get('openssl')).toMatchObject({
      kind: 'instruction',
      location: {startLine: 4}
    })
    expect(blame.get('libc6')).toMatchObject({
      kind: 'base',
      cause: 'inherited from the base image',
      location: {uri: 'Dockerfile', startLine: 1}
    })
    expect(blame.get('absent')?.cause).toMatch(
      /^not attributable.*no layer of the image introduced/
    )
    expect(blame.get('bash')?.cause).toMatch(/rpm databases are not attributed/)
  })
})
