// Bundles the CLI (and later the GitHub Action) with esbuild into dist/. dist/ is committed and
// checked fresh in CI (scripts/check-dist.sh), so the output must be deterministic.
import {build} from 'esbuild'
import {readFile, writeFile, mkdir, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

/** Entry points: name → source. A new adapter is one more line here. */
const entries = {
  cli: 'packages/cli/src/index.ts',
  action: 'packages/github-action/src/index.ts'
}

/** esbuild target per entry: the action runs on `runs.using: node24`; the CLI also on Node 20. */
const targets = {cli: 'node20', action: 'node24'}

/**
 * Shell scripts under src/ are imported as text (`import script from './x.sh'`) so that the
 * bundle is a single file the adapters can copy.
 */
const textLoaders = {'.sh': 'text', '.xml': 'text'}

for (const [name, entry] of Object.entries(entries)) {
  const outdir = join(root, 'dist', name)
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
}
