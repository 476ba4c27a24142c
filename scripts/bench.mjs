// `npm run bench`: builds dist/ (the end-to-end benchmark runs the bundled CLI), bundles bench/
// with esbuild so benchmarks can import @scapgate/core sources directly, and runs it. Arguments
// are passed on: node scripts/bench.mjs [--repeat N] [--only id,id] [--out FILE].
import {execFileSync} from 'node:child_process'
import process from 'node:process'
import {readFile, mkdir} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {build} from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {stdio: 'inherit'})

/**
 * Modules that find their files through `import.meta.url` (test/support/debian-image.ts) keep
 * their own location: esbuild would otherwise give them the bundle's.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(builder) {
    builder.onLoad({filter: /\.ts$/}, async args => {
      if (args.path.includes('/node_modules/')) return undefined
      const source = await readFile(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      return {
        contents: source.replaceAll(
          'import.meta.url',
          JSON.stringify(pathToFileURL(args.path).href)
        ),
        loader: 'ts'
      }
    })
  }
}

const outdir = join(root, 'node_modules/.cache/scapgate-bench')
await mkdir(outdir, {recursive: true})
const outfile = join(outdir, 'bench.mjs')
await build({
  entryPoints: [join(root, 'bench/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner: {
    js: "import {createRequire as __benchCreateRequire} from 'node:module';const require = __benchCreateRequire(import.meta.url);"
  },
  loader: {'.sh': 'text', '.xml': 'text'},
  define: {SCAPGATE_VERSION: JSON.stringify('bench')},
  plugins: [keepImportMetaUrl],
  sourcemap: 'inline',
  logLevel: 'warning'
})
const {runBenchmarks} = await import(pathToFileURL(outfile).href)
await runBenchmarks(root)
