import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {finalFromLine, sarifLocation} from './sarif-location.js'

const dir = mkdtempSync(join(tmpdir(), 'sarif-location-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('sarifLocation', () => {
  it('points at the final stage FROM line of the Dockerfile', async () => {
    const dockerfile = join(dir, 'Dockerfile')
    writeFileSync(
      dockerfile,
      'FROM golang AS build\nRUN make\n\nFROM debian:11\nCOPY --from=build /app /app\n'
    )
    expect(await sarifLocation({dockerfile, cwd: dir}, join(dir, 'app.tar'))).toEqual({
      uri: 'Dockerfile',
      startLine: 4
    })
  })

  it('falls back to the image archive when there is no Dockerfile', async () => {
    writeFileSync(join(dir, 'app.tar'), '')
    expect(await sarifLocation({cwd: dir}, join(dir, 'app.tar'))).toEqual({
      uri: 'app.tar',
      startLine: 1
    })
  })

  it('names a registry image under image/ instead of inventing a file', async () => {
    expect(await sarifLocation({cwd: dir}, 'docker.io/library/alpine:3.20')).toEqual({
      uri: 'image/docker.io/library/alpine_3.20',
      startLine: 1
    })
  })
})

describe('finalFromLine', () => {
  it('ignores FROM words inside continued RUN lines', () => {
    expect(finalFromLine('FROM a\nRUN echo \\\nFROM not-an-instruction\n')).toBe(1)
  })
})
