import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {type OvalEvent, scanOval} from './oval-stream.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scapgate-oval-stream-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

async function elements(body: string): Promise<{id: string; text: string}[]> {
  const path = join(dir, 'feed.xml')
  const text = `<?xml version="1.0"?>\n<oval_definitions xmlns="x"><generator><timestamp>t</timestamp></generator><definitions>${body}</definitions></oval_definitions>\n`
  await writeFile(path, text)
  const found: {id: string; text: string}[] = []
  await scanOval(path, 'the test feed', (event: OvalEvent) => {
    if (event.type !== 'element') return
    expect(Buffer.from(text, 'latin1').subarray(event.start, event.end).toString('latin1')).toBe(
      event.text
    )
    found.push({id: event.id, text: event.text})
  })
  return found
}

describe('scanOval', () => {
  it('captures whole elements, with the end tag found past comments, CDATA and PIs that mimic it', async () => {
    const tricky = [
      '<definition id="a"><metadata><title>A</title></metadata><criteria><criterion test_ref="t1"/></criteria></definition>',
      '<definition id="b"><!-- </definition> --><criteria/></definition>',
      '<definition id="c"><description><![CDATA[</definition> <definition id="fake">]]></description></definition>',
      '<definition id="d"><?pi </definition>?></definition >',
      '<definition id="e"/>'
    ]
    const found = await elements(tricky.join('\n'))
    expect(found).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({id, text: tricky[i] as string}))
    )
  })

  it('does not stop at an end tag whose name only starts like the element', async () => {
    const text = '<definition id="a"><definitionx>1</definitionx></definition>'
    expect(await elements(text)).toEqual([{id: 'a', text}])
  })
})
