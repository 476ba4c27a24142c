import {describe, expect, it} from 'vitest'
import {describeHistory, matchHistory, normalizeCreatedBy} from './match-history.js'
import {parseDockerfile} from './parse-dockerfile.js'

describe('normalizeCreatedBy', () => {
  it.each([
    ['/bin/sh -c chmod 0644 /etc/shadow', 'RUN', 'chmod 0644 /etc/shadow'],
    ['|2 A=1 B=two /bin/sh -c make  install', 'RUN', 'make install'],
    ['RUN /bin/sh -c apt-get update # buildkit', 'RUN', 'apt-get update'],
    ['RUN |1 V=3 /bin/sh -c echo $V # buildkit', 'RUN', 'echo $V'],
    ['/bin/bash -o pipefail -c curl x | sh', 'RUN', 'curl x | sh'],
    ['/bin/sh -c #(nop)  ENV X=1', 'ENV', 'X=1'],
    ['/bin/sh -c #(nop) COPY file:abc in /app ', 'COPY', 'file:abc in /app'],
    ['COPY app/ /opt/app/ # buildkit', 'COPY', 'app/ /opt/app/'],
    ['ADD rootfs.tar.xz / # debian:11-slim', 'ADD', 'rootfs.tar.xz / # debian:11-slim'],
    ['WORKDIR /app', 'WORKDIR', '/app'],
    ['RUN ["apt-get","install","-y","x"] # buildkit', 'RUN', 'apt-get install -y x']
  ])('reads %j as %s %j', (createdBy, kind, text) => {
    expect(normalizeCreatedBy(createdBy)).toEqual({kind, text})
  })
})

describe('describeHistory', () => {
  it('maps non-empty history entries to layers in order', () => {
    const steps = describeHistory(
      [
        {createdBy: '/bin/sh -c #(nop) ADD file:x in /', emptyLayer: false},
        {createdBy: '/bin/sh -c #(nop) ENV A=1', emptyLayer: true},
        {createdBy: '/bin/sh -c true', emptyLayer: false}
      ],
      2
    )
    expect(steps.map(s => s.layerIndex)).toEqual([0, undefined, 1])
  })

  it('maps no layer at all when the counts disagree', () => {
    const steps = describeHistory([{createdBy: 'x', emptyLayer: false}], 2)
    expect(steps[0]?.layerIndex).toBeUndefined()
  })
})

// The real history of test/fixtures/images/debian11-app (podman 4.3).
const podmanHistory = [
  {createdBy: '/bin/sh -c #(nop) ADD file:7b65 in /', emptyLayer: false},
  {createdBy: '/bin/sh -c chmod 0644 /etc/shadow', emptyLayer: false},
  {createdBy: '/bin/sh -c chown 1000 /etc/passwd', emptyLayer: false},
  {
    createdBy:
      '/bin/sh -c apt-get update  && DEBIAN_FRONTEND=noninteractive apt-get install -y telnetd  && apt-get clean',
    emptyLayer: false
  },
  {createdBy: '/bin/sh -c #(nop) ENV SCAPGATE_FIXTURE=debian11-app', emptyLayer: true},
  {createdBy: '/bin/sh -c #(nop) CMD ["/bin/bash"]', emptyLayer: true}
]
const containerfile = [
  'FROM localhost/base:1',
  '',
  '# shadow',
  'RUN chmod 0644 /etc/shadow',
  'RUN chown 1000 /etc/passwd',
  'RUN apt-get update \\',
  ' && DEBIAN_FRONTEND=noninteractive apt-get install -y telnetd \\',
  ' && apt-get clean',
  'ENV SCAPGATE_FIXTURE=debian11-app',
  'CMD ["/bin/bash"]'
].join('\n')

describe('matchHistory', () => {
  it('puts each podman history entry on its own instruction and the imported root in the base', () => {
    const steps = describeHistory(podmanHistory, 4)
    const match = matchHistory(steps, parseDockerfile(containerfile))
    expect([...match.instructions].map(([h, i]) => [h, i.startLine])).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
      [4, 9],
      [5, 10]
    ])
    expect([...match.base]).toEqual([0])
  })

  it('matches BuildKit history and COPY by full text, with base entries before the first layer instruction', () => {
    const steps = describeHistory(
      [
        {createdBy: 'ADD rootfs.tar.xz / # debian:11-slim', emptyLayer: false},
        {createdBy: 'CMD ["bash"]', emptyLayer: true},
        {createdBy: 'RUN /bin/sh -c apt-get install -y telnetd # buildkit', emptyLayer: false},
        {createdBy: 'COPY app/ /opt/app/ # buildkit', emptyLayer: false},
        {createdBy: 'USER 1000', emptyLayer: true}
      ],
      3
    )
    const dockerfile = parseDockerfile(
      'FROM debian:11-slim\nRUN apt-get install -y telnetd\nCOPY app/ /opt/app/\nUSER 1000\n'
    )
    const match = matchHistory(steps, dockerfile)
    expect(match.instructions.get(2)?.startLine).toBe(2)
    expect(match.instructions.get(3)?.startLine).toBe(3)
    expect([...match.base]).toEqual([0, 1])
  })

  it('matches podman COPY entries by destination', () => {
    const steps = describeHistory(
      [
        {createdBy: '/bin/sh -c #(nop) ADD file:1 in /', emptyLayer: false},
        {createdBy: '/bin/sh -c #(nop) COPY dir:abc in /opt/app/ ', emptyLayer: false}
      ],
      2
    )
    const match = matchHistory(steps, parseDockerfile('FROM x\nCOPY app /opt/app\n'))
    expect(match.instructions.get(1)?.startLine).toBe(2)
  })

  it('matches nothing, and judges nothing base, for a Dockerfile that did not build the image', () => {
    const steps = describeHistory(podmanHistory, 4)
    const match = matchHistory(
      steps,
      parseDockerfile('FROM debian\nRUN echo unrelated\nRUN chmod 0600 /etc/shadow\n')
    )
    expect([...match.instructions.values()].filter(i => i.keyword === 'RUN')).toEqual([])
    expect(match.base.size).toBe(0)
  })

  it('judges nothing base when an earlier RUN of the Dockerfile is missing from the history', () => {
    const steps = describeHistory(podmanHistory, 4)
    const match = matchHistory(
      steps,
      parseDockerfile(
        `FROM x\nRUN echo not built\n${containerfile.split('\n').slice(3).join('\n')}`
      )
    )
    expect(match.instructions.get(1)?.startLine).toBe(3)
    expect(match.base.size).toBe(0)
  })

  it('follows a final stage built on an earlier stage', () => {
    const steps = describeHistory(
      [
        {createdBy: '/bin/sh -c #(nop) ADD file:1 in /', emptyLayer: false},
        {createdBy: '/bin/sh -c useradd app', emptyLayer: false},
        {createdBy: '/bin/sh -c #(nop) COPY file:2 in /app ', emptyLayer: false}
      ],
      3
    )
    const dockerfile = parseDockerfile(
      'FROM golang AS build\nRUN go build\nFROM debian AS runtime\nRUN useradd app\nFROM runtime\nCOPY --from=build /out /app\n'
    )
    const match = matchHistory(steps, dockerfile)
    expect(match.instructions.get(1)?.startLine).toBe(4)
    expect(match.instructions.get(2)?.startLine).toBe(6)
    expect([...match.base]).toEqual([0])
  })
})
