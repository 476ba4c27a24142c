/**
 * Markdown as a reviewer sees it: rendered with GFM (./gfm-reader.ts), styled with GitHub's own
 * stylesheet (npm `github-markdown-css`), screenshotted by headless Chromium (Debian's
 * `chromium`, installed by scripts/setup.sh). The pages and PNGs go to `test-artifacts/` (ignored
 * by git) so that a person can look at them after `make test`.
 *
 * {@link foldView} answers "what is visible without a click": text and links outside closed
 * `<details>` (a `<summary>` is visible, the rest of its `<details>` is not).
 */
import {execFile} from 'node:child_process'
import {mkdir, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {createRequire} from 'node:module'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {parseFragment, type DefaultTreeAdapterMap} from 'parse5'
import {renderGfm} from './gfm-reader.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const artifactsDir = join(root, 'test-artifacts', 'reviewer-view')

const escapeHtml = (t: string): string =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A standalone page: GitHub's Markdown CSS around the GFM rendering of `markdown`. */
export async function markdownPage(markdown: string, title: string): Promise<string> {
  const css = await readFile(
    createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'),
    'utf8'
  )
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; max-width: 980px; padding: 24px; }
</style></head>
<body><article class="markdown-body">${renderGfm(markdown)}</article></body></html>
`
}

/** Writes `name.html` and `name.png` under test-artifacts/; returns the PNG's path. */
export async function screenshot(
  name: string,
  markdown: string,
  height = 1400
): Promise<{html: string; png: string}> {
  await mkdir(artifactsDir, {recursive: true})
  const html = join(artifactsDir, `${name}.html`)
  const png = join(artifactsDir, `${name}.png`)
  await writeFile(html, await markdownPage(markdown, name))
  // A throw-away browser profile, outside the repository.
  const profile = await mkdtemp(join(tmpdir(), 'scapgate-chromium-'))
  try {
    await shoot(html, png, profile, height)
  } finally {
    await rm(profile, {recursive: true, force: true})
  }
  if ((await stat(png)).size < 5_000) throw new Error(`chromium wrote an almost empty ${png}`)
  return {html, png}
}

async function shoot(html: string, png: string, profile: string, height: number): Promise<void> {
  await run(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      `--window-size=1000,${height}`,
      `--screenshot=${png}`,
      `file://${html}`
    ],
    {timeout: 90_000}
  )
}

export interface FoldView {
  /** Visible text without any click, whitespace collapsed, word joiners removed. */
  text: string
  /** Links visible without any click: their text and href. */
  links: {text: string; href: string}[]
  /** Table rows visible without any click, as cell texts. */
  rows: string[][]
}

const squash = (t: string): string =>
  t
    .replace(/\u2060/g, '')
    .replace(/\s+/g, ' ')
    .trim()

function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value
  if (!('childNodes' in node)) return ''
  return node.childNodes.map(textOf).join('')
}

export function foldView(html: string): FoldView {
  let text = ''
  const links: FoldView['links'] = []
  const rows: string[][] = []
  const walk = (node: Node): void => {
    if (node.nodeName === '#text' && 'value' in node) {
      text += node.value
      return
    }
    if (!('childNodes' in node)) return
    const el = node as Element
    if (el.tagName === 'details' && !el.attrs.some(a => a.name === 'open')) {
      // Only the summary shows.
      for (const child of el.childNodes) if (child.nodeName === 'summary') walk(child)
      return
    }
    if (el.tagName === 'a')
      links.push({
        text: squash(textOf(el)),
        href: el.attrs.find(a => a.name === 'href')?.value ?? ''
      })
    if (el.tagName === 'tr') {
      const cells = el.childNodes.filter(c => c.nodeName === 'td').map(c => squash(textOf(c)))
      if (cells.length > 0) rows.push(cells)
    }
    for (const child of node.childNodes) walk(child)
  }
  walk(parseFragment(html))
  return {text: squash(text), links, rows}
}
