import {mkdtemp, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Logger} from '../logging.js'
import {checkOscapRun} from '../scan/oscap-diagnostics.js'
import type {ScannerEnvironment} from '../scan/preflight.js'
import {rpmDbPath} from '../scan/oscap-scan.js'
import {SANDBOX_PATHS, runInSandbox} from '../scan/sandbox.js'

export type OvalResultValue =
  'true' | 'false' | 'error' | 'unknown' | 'not evaluated' | 'not applicable'

export interface RunOvalOptions {
  /** The extracted image root. */
  root: string
  /** The (filtered) feed, bound read-only into the sandbox. */
  feedPath: string
  /**
   * `probe-root`: packages are read by probes from the image (dpkginfo, rpminfo) with
   * `OSCAP_PROBE_ROOT`. `manifest`: Canonical's OCI feeds read `./manifest`; oscap then runs on
   * a private root that holds only `manifest` (the image is not mounted).
   */
  mode: 'probe-root' | 'manifest'
  /** Contents of `./manifest` for `manifest` mode. */
  manifest?: string
  /** Private directory; receives `cve-oval-results.xml` when `resultsFileName` is set. */
  outDir: string
  /** Write oscap's OVAL results (true definitions in full, others thin) here, inside `outDir`. */
  resultsFileName?: string
  scanner: ScannerEnvironment
  imageEnv: string[]
  target: string
  timeoutMs: number
  signal?: AbortSignal
  logger: Logger
  /** Files scapgate adds to the image's view (assembled dpkg status, issue 12), `probe-root` mode. */
  upperFiles?: string
}

export interface OvalRun {
  /** Every definition oscap printed, with its result. */
  results: Map<string, OvalResultValue>
  resultsPath?: string
  durationSeconds: number
  warnings: string[]
}

/** `docs/reference/openscap.md` §12: report true (vulnerable) definitions in full and everything else thinly. */
const DIRECTIVES = `<?xml version="1.0" encoding="UTF-8"?>
<oval_directives xmlns="http://oval.mitre.org/XMLSchema/oval-directives-5" xmlns:oval="http://oval.mitre.org/XMLSchema/oval-common-5" xmlns:oval-res="http://oval.mitre.org/XMLSchema/oval-results-5">
  <generator><oval:schema_version>5.11.1</oval:schema_version><oval:timestamp>2026-01-01T00:00:00</oval:timestamp></generator>
  <directives>
    <oval-res:definition_true reported="true" content="full"/>
    <oval-res:definition_false reported="false" content="thin"/>
    <oval-res:definition_unknown reported="true" content="thin"/>
    <oval-res:definition_error reported="true" content="thin"/>
    <oval-res:definition_not_evaluated reported="false" content="thin"/>
    <oval-res:definition_not_applicable reported="false" content="thin"/>
  </directives>
</oval_directives>
`

const RESULT_LINE =
  /^Definition (oval:[A-Za-z0-9_.-]+:def:\d+): (true|false|error|unknown|not evaluated|not applicable)$/

/**
 * Runs `oscap oval eval` on a feed inside the scan sandbox (with the `docs/reference/openscap.md` §5/§6
 * workarounds the sandbox applies) and reads the per-definition results from stdout, which oscap
 * prints for every definition whatever the directives. oscap's exit code is 0 whatever the
 * results; a non-zero code, a signal or a silent-failure line on stderr throws
 * {@link ScanFailedError}. Does not interpret the results.
 */
export async function runOvalEval(options: RunOvalOptions): Promise<OvalRun> {
  const work = await mkdtemp(join(options.outDir, '.scapgate-oval-'))
  try {
    return await evaluateIn(work, options)
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}

async function evaluateIn(work: string, options: RunOvalOptions): Promise<OvalRun> {
  const sandboxOut = await mkdtemp(join(work, 'out-'))
  await writeFile(join(sandboxOut, 'directives.xml'), DIRECTIVES)
  let root = options.root
  let feedPath = options.feedPath
  if (options.mode === 'manifest') {
    // oscap's system_info probe fails without a probe root (the sandbox has no /proc), and with one
    // the feed's relative `./manifest` no longer resolves. So the manifest becomes the only file of
    // a private root, and the copy of the feed reads it at `/manifest` instead of `./manifest`.
    root = await mkdtemp(join(work, 'manifest-root-'))
    await writeFile(join(root, 'manifest'), options.manifest ?? '')
    feedPath = join(work, 'feed.manifest.xml')
    const text = await readFile(options.feedPath, 'utf8')
    await writeFile(
      feedPath,
      text.replace(/(<(?:[\w.-]+:)?path\b[^>]*>)\.(<\/(?:[\w.-]+:)?path>)/g, '$1/$2')
    )
  }
  const oscap = [
    options.scanner.oscapPath,
    'oval',
    'eval',
    ...(options.resultsFileName === undefined
      ? []
      : [
          '--directives',
          `${SANDBOX_PATHS.out}/directives.xml`,
          '--results',
          `${SANDBOX_PATHS.out}/results.xml`
        ]),
    SANDBOX_PATHS.content
  ]
  const command = oscap
  options.logger.debug(`oscap (sandboxed): ${command.join(' ')}`)
  const result = await runInSandbox({
    command,
    workDir: work,
    outDir: sandboxOut,
    root,
    rpmDbPath: await rpmDbPath(root),
    containerVars: options.imageEnv,
    target: options.target,
    aptConfig: options.scanner.aptConfigWorkaround,
    inputFile: feedPath,
    ...(options.upperFiles === undefined ? {} : {upperFiles: options.upperFiles}),
    timeoutMs: options.timeoutMs,
    // One line per definition: a full feed prints ~2 MB.
    maxOutputBytes: 64 * 1024 * 1024,
    ...(options.signal === undefined ? {} : {signal: options.signal})
  })
  // oval eval exits 0 whatever the definitions say: the results are read from stdout below.
  const diagnostics = checkOscapRun(result, {label: 'oscap oval eval', okExitCodes: [0]})
  const results = new Map<string, OvalResultValue>()
  for (const line of result.stdout.split('\n')) {
    const match = RESULT_LINE.exec(line.trim())
    if (match) results.set(match[1] as string, match[2] as OvalResultValue)
  }
  let resultsPath: string | undefined
  if (options.resultsFileName !== undefined) {
    resultsPath = join(options.outDir, options.resultsFileName)
    await rename(join(sandboxOut, 'results.xml'), resultsPath).catch(() => {
      resultsPath = undefined
    })
  }
  return {
    results,
    ...(resultsPath === undefined ? {} : {resultsPath}),
    durationSeconds: result.durationSeconds,
    warnings: diagnostics.warnings
  }
}

/**
 * Lists the image's rpm packages (`name` → `epoch:version-release`) with the host's `rpm` inside
 * the sandbox (`--root /scan`), so the image's rpmdb is read without trusting the host's paths.
 * Returns `undefined` when rpm is missing or the image has no rpmdb: the prefilter then keeps every
 * rpm definition and findings carry no installed version. Untested against real RHEL images here.
 */
export async function listRpmPackages(
  options: Pick<RunOvalOptions, 'root' | 'outDir' | 'timeoutMs' | 'signal'>
): Promise<Map<string, string> | undefined> {
  const work = await mkdtemp(join(options.outDir, '.scapgate-rpm-'))
  try {
    const sandboxOut = await mkdtemp(join(work, 'out-'))
    const dbpath = await rpmDbPath(options.root)
    const result = await runInSandbox({
      command: [
        '/usr/bin/rpm',
        '--root',
        SANDBOX_PATHS.scanRoot,
        '--dbpath',
        dbpath,
        '-qa',
        '--qf',
        '%{NAME}\\t%{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n'
      ],
      workDir: work,
      outDir: sandboxOut,
      root: options.root,
      rpmDbPath: dbpath,
      timeoutMs: options.timeoutMs,
      ...(options.signal === undefined ? {} : {signal: options.signal})
    }).catch(() => undefined)
    if (result === undefined || result.exitCode !== 0) return undefined
    const packages = new Map<string, string>()
    for (const line of result.stdout.split('\n')) {
      const [name, evr] = line.split('\t')
      if (name && evr) packages.set(name, evr)
    }
    return packages.size === 0 ? undefined : packages
  } finally {
    await rm(work, {recursive: true, force: true})
  }
}
