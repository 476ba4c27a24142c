/**
 * Remediation from the content: `oscap xccdf generate fix --result-id … --fix-type bash|ansible`
 * on the ARF (docs/reference/openscap.md §10: without `--result-id` the script fixes nothing), run in the same
 * sandbox as the scan, into `fixes/remediation.sh` and `fixes/playbook.yml`, plus one ready
 * Dockerfile `RUN` snippet per failing rule that has a bash fix (`fixes/run/<rule>.Dockerfile`).
 *
 * Rules whose fix is missing (`FIX FOR THIS RULE … IS MISSING!`) get no snippet. The scripts are
 * content-derived text: they are written as files and shown in fenced blocks, never executed.
 */
import {mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {preflightScanner, type ScannerEnvironment} from '../scan/preflight.js'
import {runArfTool} from '../scan/arf-tool.js'
import {writeOutputFile} from '../output/output-file.js'

export interface Fixes {
  /** Full XCCDF rule id → the rule's bash fix (body only, no banner). */
  bash: Map<string, string>
  /** Full XCCDF rule id → a Dockerfile `RUN` instruction applying it. */
  run: Map<string, string>
  /** Output-relative paths written (`fixes/remediation.sh`, …). */
  files: string[]
}

export interface GenerateFixesOptions {
  testResultId: string
  /**
   * The data stream's component-ref of a tailoring embedded in the ARF (`--tailoring-id`): a
   * tailored profile exists only there. See {@link embeddedTailoringId}.
   */
  tailoringId?: string
  timeoutMs?: number
  signal?: AbortSignal
  scanner?: ScannerEnvironment
}

const missing = /FIX FOR THIS RULE '[^']*' IS MISSING!/

/** Splits an oscap bash remediation script into per-rule fixes, skipping missing ones. */
export function splitBashFixes(script: string): Map<string, string> {
  const fixes = new Map<string, string>()
  const pattern = /^# BEGIN fix \(\d+ \/ \d+\) for '([^']+)'\n#+\n([\s\S]*?)^# END fix for '\1'$/gm
  for (const match of script.matchAll(pattern)) {
    const id = match[1] as string
    const body = (match[2] as string)
      .split('\n')
      .filter(line => !/^\(>&2 echo "Remediating rule \d+\/\d+: /.test(line))
      .join('\n')
      .trim()
    if (body === '' || missing.test(body)) continue
    fixes.set(id, body)
  }
  return fixes
}

/**
 * A Dockerfile `RUN` with the fix as a quoted heredoc (no variable expansion by the builder).
 * Heredocs need BuildKit (Dockerfile syntax 1.4+) or Buildah 1.33+.
 */
export function runSnippet(shortId: string, bash: string): string {
  let delimiter = 'SCAPGATE_FIX'
  while (bash.split('\n').includes(delimiter)) delimiter += '_'
  return `# ${shortId} (fix from the SCAP content; heredocs need BuildKit or Buildah >= 1.33)\nRUN <<'${delimiter}'\nset -e\n${bash}\n${delimiter}\n`
}

/** The component-ref id oscap gave the tailoring it embedded in the ARF, if there is one. */
export function embeddedTailoringId(arfText: string): string | undefined {
  return /<(?:[\w-]+:)?component-ref\s[^>]*id="(scap_org\.open-scap_cref_[^"]*_tailoring)"/.exec(
    arfText
  )?.[1]
}

/** Runs oscap for both fix types and writes `fixes/` under `outDir`. */
export async function generateFixes(
  arfPath: string,
  outDir: string,
  options: GenerateFixesOptions
): Promise<Fixes> {
  const scanner = options.scanner ?? (await preflightScanner())
  const fixesDir = join(outDir, 'fixes')
  await mkdir(join(fixesDir, 'run'), {recursive: true})
  // Two independent oscap runs over the same ARF, run together (issue 13), each in its own
  // scratch directory. Both are awaited before a failure is reported, so that nothing is still
  // writing under `outDir` when the caller cleans up.
  const [bashRun, ansibleRun] = await Promise.allSettled([
    generateFix(arfPath, outDir, 'bash', scanner, options),
    generateFix(arfPath, outDir, 'ansible', scanner, options)
  ])
  if (bashRun.status === 'rejected') throw bashRun.reason
  if (ansibleRun.status === 'rejected') throw ansibleRun.reason
  const bashScript = bashRun.value
  const playbook = ansibleRun.value
  await writeOutputFile(join(fixesDir, 'remediation.sh'), bashScript, {mode: 0o644})
  await writeOutputFile(join(fixesDir, 'playbook.yml'), playbook)
  const bash = splitBashFixes(bashScript)
  const run = new Map<string, string>()
  const files = ['fixes/remediation.sh', 'fixes/playbook.yml']
  for (const [id, body] of bash) {
    const shortId = /_rule_(.+)$/.exec(id)?.[1] ?? id
    const snippet = runSnippet(shortId, body)
    run.set(id, snippet)
    const name = `${shortId.replace(/[^A-Za-z0-9._-]/g, '_')}.Dockerfile`
    await writeOutputFile(join(fixesDir, 'run', name), snippet)
    files.push(`fixes/run/${name}`)
  }
  return {bash, run, files}
}

async function generateFix(
  arfPath: string,
  outDir: string,
  fixType: 'bash' | 'ansible',
  scanner: ScannerEnvironment,
  options: GenerateFixesOptions
): Promise<string> {
  return runArfTool(
    {
      scanner,
      arfPath,
      args: [
        'xccdf',
        'generate',
        'fix',
        '--fix-type',
        fixType,
        '--result-id',
        options.testResultId,
        ...(options.tailoringId === undefined ? [] : ['--tailoring-id', options.tailoringId])
      ],
      workParent: outDir,
      ...(options.timeoutMs === undefined ? {} : {timeoutMs: options.timeoutMs}),
      ...(options.signal === undefined ? {} : {signal: options.signal})
    },
    produced => readFile(produced, 'utf8')
  )
}
