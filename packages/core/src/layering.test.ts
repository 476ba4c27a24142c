/**
 * The core's structure, checked on every test run (docs/architecture.md): a module imports only
 * from its own layer or a lower one, no import cycle exists (type-only imports count: a cycle of
 * types is still two modules that cannot be understood apart), and the adapters reach the core
 * through `@scapgate/core` only. Dependency-free: imports are read with a regular expression,
 * which is enough for this codebase's `import … from './x.js'` style; a specifier it cannot
 * resolve to a file fails the test rather than being skipped.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, normalize, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

/**
 * The layers of packages/core/src, lowest first. A folder (or a top-level file) may import from
 * its own layer and the layers before it, never from a later one. Folders in one layer are peers;
 * the cycle check keeps peers from depending on each other both ways.
 */
const coreLayers: readonly (readonly string[])[] = [
  // Foundations: errors, logging, the one reader of user files, the one reader of process.env,
  // atomic file writes, the one escaping layer.
  ['errors.ts', 'logging.ts', 'io', 'environment', 'output', 'escape'],
  // Images: sources, manifests, verification; the Dockerfile parser.
  ['image', 'dockerfile'],
  // The safe layer applier.
  ['layers'],
  // SCAP content (choice, store, SCE stripping) and the sandboxed oscap.
  ['content', 'scan'],
  // The result model and what judges it: ARF parsing, results, policy, baseline, the gate.
  // The option table and its resolver belong here: they read the policy's keys and the gate's values.
  ['arf', 'results', 'policy', 'baseline', 'gate', 'options', 'trend'],
  // Evaluations and renderers built on the model.
  ['packages', 'blame', 'cve', 'report', 'cache', 'attest'],
  // Orchestration: the pipeline owns its steps.
  ['pipeline'],
  // Runs of many images over the pipeline, shared by the CLI, the action and `baseline`.
  ['run'],
  // The public API.
  ['index.ts']
]

const coreSrc = dirname(fileURLToPath(import.meta.url))
const packagesDir = dirname(dirname(coreSrc))

/** Relative module specifiers of one source file (static, re-export, side-effect and dynamic). */
function importSpecifiers(source: string): string[] {
  const found: string[] = []
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(match[1]!)
  }
  return found
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) {
      out.push(path)
    }
  }
  return out
}

/** The file a relative specifier names (`./x.js` is `./x.ts` on disk; JSON stays JSON). */
function resolveSpecifier(from: string, specifier: string): string {
  const target = normalize(join(dirname(from), specifier))
  return target.endsWith('.js') ? target.slice(0, -3) + '.ts' : target
}

/** Layer of a path relative to packages/core/src: its top folder, or the file itself. */
function layerOf(relPath: string, layers: readonly (readonly string[])[]): number {
  const unit = relPath.split(sep)[0]!
  const index = layers.findIndex(layer => layer.includes(unit))
  if (index < 0) throw new Error(`${relPath}: its folder \`${unit}\` has no layer in coreLayers`)
  return index
}

/** Import edges `from → to` that point to a later layer. */
function upwardImports(
  edges: readonly [string, string][],
  layers: readonly (readonly string[])[]
): string[] {
  return edges
    .filter(([from, to]) => layerOf(to, layers) > layerOf(from, layers))
    .map(([from, to]) => `${from} → ${to}`)
}

/** Every cycle's members (strongly connected components of more than one file, or a self-import). */
function importCycles(edges: readonly [string, string][]): string[][] {
  const graph = new Map<string, string[]>()
  for (const [from, to] of edges) {
    graph.set(from, [...(graph.get(from) ?? []), to])
    if (!graph.has(to)) graph.set(to, [])
  }
  // Tarjan's algorithm, iterative enough for a few hundred modules.
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const cycles: string[][] = []
  let counter = 0
  const visit = (node: string): void => {
    index.set(node, counter)
    low.set(node, counter)
    counter++
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node)!) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node)!, low.get(next)!))
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!))
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || graph.get(node)!.includes(node)) cycles.push(component.sort())
    }
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return cycles
}

function coreEdges(): [string, string][] {
  const edges: [string, string][] = []
  for (const file of sourceFiles(coreSrc)) {
    const from = relative(coreSrc, file)
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue
      const to = relative(coreSrc, resolveSpecifier(file, specifier))
      if (to.startsWith('..'))
        throw new Error(`${from} imports ${specifier}, outside packages/core/src`)
      statSync(join(coreSrc, to)) // a specifier that names no file fails here
      edges.push([from, to])
    }
  }
  return edges
}

describe('packages/core layering', () => {
  it('finds upward imports and cycles in a synthetic graph', () => {
    const layers = [['io'], ['gate'], ['pipeline']]
    const edges: [string, string][] = [
      ['gate/a.ts', 'io/b.ts'],
      ['gate/a.ts', 'pipeline/c.ts'],
      ['pipeline/c.ts', 'gate/a.ts']
    ]
    expect(upwardImports(edges, layers)).toEqual(['gate/a.ts → pipeline/c.ts'])
    expect(importCycles(edges)).toEqual([['gate/a.ts', 'pipeline/c.ts']])
    expect(() => layerOf('nowhere/x.ts', layers)).toThrow(/no layer/)
    expect(
      importSpecifiers(
        "import type {A} from './a.js'\nexport {b} from '../b.js'\nimport './c.js'\nawait import('./d.js')"
      )
    ).toEqual(['./a.js', '../b.js', './c.js', './d.js'])
  })

  it('has no upward import', () => {
    expect(upwardImports(coreEdges(), coreLayers)).toEqual([])
  })

  it('has no import cycle', () => {
    expect(importCycles(coreEdges())).toEqual([])
  })

  it('places every folder of src in a layer', () => {
    const units = readdirSync(coreSrc).filter(
      name =>
        statSync(join(coreSrc, name)).isDirectory() ||
        (name.endsWith('.ts') && !name.endsWith('.test.ts'))
    )
    const unplaced = units.filter(unit => !coreLayers.some(layer => layer.includes(unit)))
    expect(unplaced).toEqual([])
  })
})

describe('adapters', () => {
  it.each(['cli', 'github-action'])(
    'packages/%s reaches the core through @scapgate/core only',
    pkg => {
      const root = join(packagesDir, pkg, 'src')
      const offending: string[] = []
      for (const file of sourceFiles(root)) {
        for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
          const deep = specifier.startsWith('@scapgate/core/')
          const outside =
            specifier.startsWith('.') &&
            relative(root, resolveSpecifier(file, specifier)).startsWith('..')
          if (deep || outside) offending.push(`${relative(packagesDir, file)} imports ${specifier}`)
        }
      }
      expect(offending).toEqual([])
    }
  )
})

/** Files anywhere under `dir` (skipping node_modules and fixtures) with one of the extensions. */
function filesUnder(dir: string, extensions: readonly string[]): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures') continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, extensions))
    else if (extensions.some(ext => name.endsWith(ext))) out.push(path)
  }
  return out
}

describe('the public core API (index.ts)', () => {
  it('exports by name only what the adapters, cross-package tests and tools import', () => {
    const repo = dirname(packagesDir)
    const imported = new Set<string>()
    const users = ['packages/cli', 'packages/github-action', 'test', 'bench', 'scripts'].flatMap(
      dir => filesUnder(join(repo, dir), ['.ts', '.mts', '.mjs'])
    )
    for (const file of users) {
      const text = readFileSync(file, 'utf8')
      for (const match of text.matchAll(
        /import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g
      )) {
        if (match[2] !== '@scapgate/core' && !match[2]!.endsWith('core/src/index.js')) continue
        for (const item of match[1]!.split(',')) {
          const name = item
            .trim()
            .replace(/^type\s+/, '')
            .split(' as ')[0]!
            .trim()
          if (name !== '') imported.add(name)
        }
      }
    }
    const index = readFileSync(join(coreSrc, 'index.ts'), 'utf8')
    const exported = [...index.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap(match =>
      match[1]!
        .split(',')
        .map(item =>
          item
            .trim()
            .replace(/^type\s+/, '')
            .split(' as ')
            .pop()!
            .trim()
        )
        .filter(name => name !== '')
    )
    // Internals are tested by importing their source file; an export nobody imports widens the API.
    expect(exported.filter(name => !imported.has(name))).toEqual([])
  })
})
