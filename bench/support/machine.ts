import {execFileSync} from 'node:child_process'
import {cpus, loadavg, totalmem} from 'node:os'
import {versionOf} from './run.js'

export interface MachineFacts {
  date: string
  commit: string
  cpu: string
  cores: number
  ramGiB: number
  loadAverage: string
  kernel: string
  filesystem: string
  node: string
  oscap: string
  podman: string
  tar: string
}

function gitCommit(root: string): string {
  try {
    const head = execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8'
    }).trim()
    const dirty = execFileSync(
      'git',
      ['-C', root, 'status', '--porcelain', '--untracked-files=no'],
      {
        encoding: 'utf8'
      }
    ).trim()
    return dirty === '' ? head : `${head} (with uncommitted changes)`
  } catch {
    return 'unknown'
  }
}

/** What a reader needs to judge the figures: the hardware, its load, and every tool's version. */
export async function machineFacts(root: string, scratch: string): Promise<MachineFacts> {
  const uname = await versionOf('uname', ['-sr'])
  const df = await versionOf('sh', [
    '-c',
    `df -T ${JSON.stringify(scratch)} | tail -1 | awk '{print $2}'`
  ])
  return {
    date: new Date().toISOString(),
    commit: gitCommit(root),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: loadavg()
      .map(value => value.toFixed(2))
      .join(' '),
    kernel: uname,
    filesystem: df,
    node: process.version,
    oscap: await versionOf('oscap', ['--version']),
    podman: await versionOf('podman', ['--version']),
    tar: await versionOf('tar', ['--version'])
  }
}
