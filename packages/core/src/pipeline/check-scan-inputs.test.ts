import {execFileSync} from 'node:child_process'
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {
  checkContentFile,
  checkOutDir,
  checkScanInputs,
  checkTailoringFile,
  type InputSource
} from './check-scan-inputs.js'

let workspace: string
let from: InputSource
const canary = 'CANARY_0123456789'

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'scapgate-check-inputs-'))
  from = {origin: 'command-line', workspace}
})
afterEach(async () => {
  await rm(workspace, {recursive: true, force: true})
})

async function message(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ConfigurationError)
  const text = (error as Error).message
  expect(text).not.toContain(canary)
  return text
}

const ssgDataStream = '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml'

describe('checkContentFile', () => {
  it('accepts a real SSG data stream and an XCCDF benchmark', async () => {
    await checkContentFile(ssgDataStream, from)
    await writeFile(
      join(workspace, 'xccdf.xml'),
      `<?xml version="1.0"?>\n<!-- licence -->\n<Benchmark xmlns="http://checklists.nist.gov/xccdf/1.2" id="b"/>`
    )
    await checkContentFile(join(workspace, 'xccdf.xml'), from)
  })

  it('refuses a file that is not XML, saying what it is and what was expected', async () => {
    await writeFile(join(workspace, 'ds.xml'), `TOKEN=${canary}\n`)
    expect(await message(checkContentFile(join(workspace, 'ds.xml'), from))).toBe(
      `Expected the SCAP content \`${join(workspace, 'ds.xml')}\` (--content) to be an SCAP source data stream (root element <data-stream-collection>) or an XCCDF benchmark, found a file that is not XML`
    )
  })

  it('refuses XML of another kind, a compressed file and a tailoring given as content', async () => {
    await writeFile(join(workspace, 'a.xml'), `<?xml version="1.0"?><html><p>${canary}</p></html>`)
    expect(await message(checkContentFile(join(workspace, 'a.xml'), from))).toContain(
      'found XML whose root element is <html>'
    )
    await writeFile(join(workspace, 'b.xml.gz'), gzipSync('<x/>'))
    expect(await message(checkContentFile(join(workspace, 'b.xml.gz'), from))).toContain(
      'found a compressed file'
    )
    await writeFile(
      join(workspace, 't.xml'),
      '<Tailoring xmlns="http://checklists.nist.gov/xccdf/1.2" id="t"/>'
    )
    expect(await message(checkContentFile(join(workspace, 't.xml'), from))).toContain(
      'found XML whose root element is <Tailoring>'
    )
  })

  it('refuses a data stream element in another namespace', async () => {
    await writeFile(join(workspace, 'ds.xml'), '<data-stream-collection xmlns="urn:other"/>')
    expect(await message(checkContentFile(join(workspace, 'ds.xml'), from))).toContain(
      'found <data-stream-collection> in another namespace'
    )
  })

  it('refuses a FIFO without blocking', {timeout: 5000}, async () => {
    execFileSync('mkfifo', [join(workspace, 'ds.xml')])
    expect(await message(checkContentFile(join(workspace, 'ds.xml'), from))).toContain(
      'found a named pipe (FIFO)'
    )
  })
})

describe('checkTailoringFile', () => {
  it('accepts a prefixed XCCDF 1.2 tailoring', async () => {
    await writeFile(
      join(workspace, 't.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<xccdf:Tailoring xmlns:xccdf="http://checklists.nist.gov/xccdf/1.2" id="x"></xccdf:Tailoring>'
    )
    await checkTailoringFile(join(workspace, 't.xml'), from)
  })

  it('accepts the tailoring fixture of the findings image (prefix with a dot and a dash)', async () => {
    const fixture = join(
      import.meta.dirname,
      '..',
      '..',
      '..',
      '..',
      'test',
      'fixtures',
      'images',
      'findings-app',
      'tailoring.xml'
    )
    await checkTailoringFile(fixture, {origin: 'command-line', workspace})
  })

  it('refuses a tailoring in another namespace and one with a DOCTYPE', async () => {
    await writeFile(join(workspace, 'a.xml'), '<x:Tailoring xmlns:x="urn:not-xccdf"/>')
    expect(await message(checkTailoringFile(join(workspace, 'a.xml'), from))).toContain(
      'found <Tailoring> in another namespace'
    )
    await writeFile(
      join(workspace, 'b.xml'),
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/shadow">]><Tailoring/>`
    )
    expect(await message(checkTailoringFile(join(workspace, 'b.xml'), from))).toContain(
      'found a <!DOCTYPE> declaration'
    )
  })

  it('refuses a file that is not a tailoring (it used to exit 3 from oscap)', async () => {
    await writeFile(join(workspace, 't.xml'), `just text ${canary}`)
    expect(await message(checkTailoringFile(join(workspace, 't.xml'), from))).toBe(
      `Expected the tailoring file \`${join(workspace, 't.xml')}\` (--tailoring) to be an XCCDF tailoring file (root element <Tailoring>), found a file that is not XML`
    )
    await checkContentFile(ssgDataStream, from)
    expect(await message(checkTailoringFile(ssgDataStream, from))).toContain(
      'found XML whose root element is <data-stream-collection>'
    )
  })

  it('does not repeat a root element name that is not a plain name', async () => {
    await writeFile(join(workspace, 't.xml'), `<${canary}${'x'.repeat(80)}/>`)
    expect(await message(checkTailoringFile(join(workspace, 't.xml'), from))).toContain(
      'found XML whose root element is an element with an unusual name'
    )
  })
})

describe('checkScanInputs', () => {
  it('names where policy paths came from and keeps them in the workspace', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'scapgate-outside-'))
    try {
      await writeFile(join(outside, 'Dockerfile'), 'FROM x\n')
      await symlink(join(outside, 'Dockerfile'), join(workspace, 'Dockerfile'))
      const text = await message(
        checkScanInputs(
          {dockerfile: join(workspace, 'Dockerfile')},
          {origin: 'workspace', workspace, via: 'named in scapgate.yml'}
        )
      )
      expect(text).toContain('(named in scapgate.yml)')
      expect(text).toContain('a symbolic link that leads outside the workspace')
      expect(text).not.toContain(outside)
    } finally {
      await rm(outside, {recursive: true, force: true})
    }
  })

  it('refuses a missing Dockerfile and a local feed that is a directory; skips feed URLs', async () => {
    expect(await message(checkScanInputs({dockerfile: join(workspace, 'nope')}, from))).toContain(
      '(--dockerfile) to be a regular file, found nothing there'
    )
    await mkdir(join(workspace, 'feed.xml'))
    expect(await message(checkScanInputs({feed: join(workspace, 'feed.xml')}, from))).toContain(
      '(--feed) to be a regular file, found a directory'
    )
    await checkScanInputs({feed: 'https://example.invalid/feed.xml'}, from)
  })
})

describe('checkOutDir', () => {
  it('accepts a directory or a path still to be made, refuses a regular file', async () => {
    await checkOutDir(workspace, 'out')
    await checkOutDir(join(workspace, 'new', 'deeper'), 'new/deeper')
    await writeFile(join(workspace, 'file'), 'x')
    expect(await message(checkOutDir(join(workspace, 'file'), 'file'))).toBe(
      'Expected `--out` `file` to be a directory (or a path that does not exist yet), found a regular file'
    )
    expect(await message(checkOutDir(join(workspace, 'file', 'sub'), 'file/sub'))).toContain(
      'to be creatable as a directory, found a regular file at'
    )
  })
})
