// Bundles the CLI and the GitHub Action with esbuild into dist/. dist/ is committed and checked
// fresh in CI (scripts/check-dist.sh), so the output must be deterministic. Each bundle gets a
// licence inventory of the npm packages inside it, checked against an allowlist.
import {build} from 'esbuild'
import {execFile} from 'node:child_process'
import process from 'node:process'
import {copyFile, mkdtemp, readFile, writeFile, mkdir, rm, rename} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

/** Entry points: name → source. A new adapter is one more line here. */
const entries = {
  cli: 'packages/cli/src/index.ts',
  action: 'packages/github-action/src/index.ts'
}

/** esbuild target per entry: the action runs on `runs.using: node24`; the CLI on Node 22 and 24. */
const targets = {cli: 'node22', action: 'node24'}

/**
 * Shell scripts under src/ are imported as text (`import script from './x.sh'`) so that the
 * bundle is a single file the adapters can copy.
 */
const textLoaders = {'.sh': 'text', '.xml': 'text'}

/** Licences (SPDX) we ship inside dist/. Anything else fails the build until someone reviews it. */
const allowedLicenses = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense'
])

/**
 * Packages reviewed by hand, with the reason. Both come with @actions/artifact (through
 * unzip-stream → binary); `buffers` declares no licence at all, which the inventory states as is.
 */
const reviewedExceptions = new Map([
  ['chainsaw@0.1.0', 'MIT/X11 is the MIT licence'],
  [
    'buffers@0.1.1',
    'no licence declared by its author (substack); shipped by GitHub in @actions/artifact'
  ]
])

/**
 * `name@version license` for every npm package whose files esbuild put in the bundle, read from
 * each package's own package.json (nested node_modules included).
 */
async function licenceInventory(metafile) {
  const dirs = new Set()
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
    if (match) dirs.add(match[1])
  }
  const lines = []
  const problems = []
  for (const dir of [...dirs].sort()) {
    const meta = JSON.parse(await readFile(join(root, dir, 'package.json'), 'utf8'))
    const license =
      typeof meta.license === 'string' ? meta.license : (meta.license?.type ?? 'UNKNOWN')
    const exception = reviewedExceptions.get(`${meta.name}@${meta.version}`)
    lines.push(
      `${meta.name}@${meta.version} ${license}${exception === undefined ? '' : ` (reviewed: ${exception})`}`
    )
    if (exception !== undefined) continue
    const ids = license.replace(/[()]/g, '').split(/ OR | AND /)
    const ok = license.includes(' OR ')
      ? ids.some(id => allowedLicenses.has(id))
      : ids.every(id => allowedLicenses.has(id))
    if (!ok) problems.push(`${meta.name}@${meta.version}: ${license}`)
  }
  return {text: [...new Set(lines)].join('\n') + '\n', problems}
}

/**
 * scapgate's container baseline (content/container/, issue 12): XCCDF + OVAL composed into one
 * source data stream by OpenSCAP itself, validated, and shipped in each bundle as
 * `content/scapgate-container-ds.xml` (core finds it beside the bundle). SOURCE_DATE_EPOCH makes
 * the composed file deterministic.
 */
async function composeContainerBaseline() {
  const work = await mkdtemp(join(tmpdir(), 'scapgate-container-ds-'))
  try {
    for (const file of ['scapgate-container-xccdf.xml', 'scapgate-container-oval.xml']) {
      await copyFile(join(root, 'content', 'container', file), join(work, file))
    }
    const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', SOURCE_DATE_EPOCH: '1704067200'}
    const run = promisify(execFile)
    await run('oscap', ['ds', 'sds-compose', 'scapgate-container-xccdf.xml', 'ds.xml'], {
      cwd: work,
      env
    })
    await run('oscap', ['ds', 'sds-validate', 'ds.xml'], {cwd: work, env})
    return await readFile(join(work, 'ds.xml'))
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}
const containerBaseline = await composeContainerBaseline()

for (const [name, entry] of Object.entries(entries)) {
  // Built beside the old bundle and swapped in at the end, so a concurrent reader of dist/ never
  // sees an empty folder.
  const finalDir = join(root, 'dist', name)
  const outdir = join(root, 'dist', `.${name}.building`)
  await rm(outdir, {recursive: true, force: true})
  await mkdir(outdir, {recursive: true})
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: targets[name] ?? 'node20',
    format: 'esm',
    banner: {
      js: "import {createRequire as __scapgateCreateRequire} from 'node:module';const require = __scapgateCreateRequire(import.meta.url);"
    },
    loader: textLoaders,
    define: {SCAPGATE_VERSION: JSON.stringify(pkg.version)},
    legalComments: 'none',
    metafile: true,
    sourcemap: false,
    logLevel: 'warning'
  })
  await writeFile(join(outdir, 'package.json'), '{"type": "module"}\n')
  const inputs = Object.keys(result.metafile.inputs).filter(p => p.includes('node_modules'))
  const packages = [
    ...new Set(inputs.map(p => p.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')))
  ].sort()
  await writeFile(join(outdir, 'bundled-packages.txt'), packages.join('\n') + '\n')
  const licences = await licenceInventory(result.metafile)
  if (licences.problems.length > 0) {
    throw new Error(
      `dist/${name} would ship licences outside the allowlist:\n${licences.problems.join('\n')}`
    )
  }
  await writeFile(join(outdir, 'licenses.txt'), licences.text)
  await mkdir(join(outdir, 'content'))
  await writeFile(join(outdir, 'content', 'scapgate-container-ds.xml'), containerBaseline)
  await rm(finalDir, {recursive: true, force: true})
  await rename(outdir, finalDir)
}
