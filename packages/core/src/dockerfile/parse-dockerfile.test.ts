import {describe, expect, it} from 'vitest'
import {finalStageChain, parseDockerfile} from './parse-dockerfile.js'

const lines = (...text: string[]): string => text.join('\n')

describe('parseDockerfile', () => {
  it('gives every instruction its 1-based line range, skipping comments and blank lines', () => {
    const parsed = parseDockerfile(
      lines(
        '# a comment',
        '',
        'FROM debian:11',
        '',
        '# why',
        'RUN chmod 0644 /etc/shadow',
        'CMD ["bash"]'
      )
    )
    expect(parsed.instructions.map(i => [i.keyword, i.startLine, i.endLine])).toEqual([
      ['FROM', 3, 3],
      ['RUN', 6, 6],
      ['CMD', 7, 7]
    ])
  })

  it('joins backslash continuations, dropping comment and blank lines inside them', () => {
    const parsed = parseDockerfile(
      lines(
        'FROM debian:11',
        'RUN apt-get update \\',
        '# a comment inside',
        '',
        ' && apt-get install -y telnetd \\',
        ' && apt-get clean',
        'USER 1000'
      )
    )
    const run = parsed.instructions[1]
    expect(run).toMatchObject({keyword: 'RUN', startLine: 2, endLine: 6})
    expect(run?.args).toBe('apt-get update  && apt-get install -y telnetd  && apt-get clean')
    expect(parsed.instructions[2]).toMatchObject({keyword: 'USER', startLine: 7})
  })

  it('honours the escape parser directive and ignores directives after the first line of content', () => {
    const parsed = parseDockerfile(
      lines(
        '# escape=`',
        '# syntax=docker/dockerfile:1',
        'FROM windows',
        'RUN dir `',
        '  c:\\',
        '# escape=\\'
      )
    )
    expect(parsed.escape).toBe('`')
    expect(parsed.directives).toEqual({escape: '`', syntax: 'docker/dockerfile:1'})
    expect(parsed.instructions[1]).toMatchObject({keyword: 'RUN', startLine: 4, endLine: 5})
    expect(parsed.instructions).toHaveLength(2)
  })

  it('does not treat a directive after a comment as a directive', () => {
    expect(parseDockerfile(lines('# hello', '# escape=`', 'FROM x')).escape).toBe('\\')
  })

  it('covers heredoc bodies, including <<- tab stripping and several heredocs in one instruction', () => {
    const parsed = parseDockerfile(
      lines(
        'FROM debian:11',
        'RUN <<EOF',
        'apt-get update',
        'apt-get install -y telnetd',
        'EOF',
        'COPY <<-"A" /a <<B /b',
        '\tfirst',
        '\tA',
        'second',
        'B',
        'USER 1000'
      )
    )
    const [, run, copy, user] = parsed.instructions
    expect(run).toMatchObject({startLine: 2, endLine: 5})
    expect(run?.heredocs).toEqual([
      {name: 'EOF', body: 'apt-get update\napt-get install -y telnetd'}
    ])
    expect(copy).toMatchObject({startLine: 6, endLine: 10})
    expect(copy?.heredocs.map(h => h.body)).toEqual(['first', 'second'])
    expect(user).toMatchObject({keyword: 'USER', startLine: 11})
  })

  it('splits flags from arguments', () => {
    const parsed = parseDockerfile(lines('FROM x', 'COPY --from=build --chown=1000 /out /app'))
    expect(parsed.instructions[1]).toMatchObject({
      flags: ['--from=build', '--chown=1000'],
      rest: '/out /app'
    })
  })

  it('finds stages with names case-insensitively and the chain behind the final stage', () => {
    const parsed = parseDockerfile(
      lines(
        'ARG BASE=debian:11',
        'FROM golang:1.22 AS Build',
        'RUN go build',
        'FROM ${BASE} as runtime',
        'RUN useradd app',
        'FROM runtime',
        'COPY --from=build /out /app'
      )
    )
    expect(parsed.instructions[0]).toMatchObject({keyword: 'ARG', stage: -1})
    expect(parsed.stages.map(s => [s.name, s.base, s.from.startLine])).toEqual([
      ['build', 'golang:1.22', 2],
      ['runtime', '${BASE}', 4],
      [undefined, 'runtime', 6]
    ])
    expect(finalStageChain(parsed).map(s => s.index)).toEqual([1, 2])
  })

  it('runs an unterminated continuation or heredoc to the end of the file without throwing', () => {
    const parsed = parseDockerfile(lines('FROM x', 'RUN <<EOF', 'echo hi'))
    expect(parsed.instructions[1]).toMatchObject({startLine: 2, endLine: 3})
    expect(parseDockerfile(lines('FROM x', 'RUN a \\')).instructions[1]).toMatchObject({
      startLine: 2,
      endLine: 2
    })
  })

  it('handles CRLF line endings and a byte order mark', () => {
    const parsed = parseDockerfile('\uFEFFFROM x\r\nRUN a \\\r\n b\r\n')
    expect(parsed.instructions[1]).toMatchObject({startLine: 2, endLine: 3, args: 'a  b'})
  })
})
