import {spawn} from 'node:child_process'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs a command to completion and collects its output. `okCodes` are the exit codes that count
 * as success (scapgate exits 1 when the gate fails, which is expected on the benchmark image).
 */
export function run(
  command: string,
  args: readonly string[],
  options: {cwd?: string; okCodes?: readonly number[]; env?: NodeJS.ProcessEnv} = {}
): Promise<RunResult> {
  const okCodes = options.okCodes ?? [0]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', code => {
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      }
      if (okCodes.includes(result.code)) return resolve(result)
      reject(
        new Error(
          `${command} ${args.join(' ')} exited with ${result.code}, expected ${okCodes.join(' or ')}:\n${result.stderr.slice(-2000)}`
        )
      )
    })
  })
}

/** First line of `command args` stdout, or `unavailable (<reason>)`. */
export async function versionOf(command: string, args: readonly string[]): Promise<string> {
  try {
    const {stdout, stderr} = await run(command, args)
    return (stdout || stderr).split('\n')[0]?.trim() ?? ''
  } catch (error) {
    return `unavailable (${(error as Error).message.split('\n')[0] ?? ''})`
  }
}
