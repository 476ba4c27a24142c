import {terminalText, type ProgressReporter, type ScanPhase} from '@scapgate/core'

const labels: Record<ScanPhase, string> = {
  reading: 'Reading image',
  extracting: 'Extracting layers',
  scanning: 'Scanning with OpenSCAP',
  reporting: 'Writing reports'
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/**
 * On a terminal: one line per phase, redrawn in place with a throttled counter.
 * Elsewhere (CI logs): one plain line per phase and nothing else, so logs stay quiet.
 * A phase's detail (an image name, a layer) is untrusted and passes `terminalText`; the only
 * control sequences written are this reporter's own.
 */
export function createProgress(
  stream: NodeJS.WritableStream & {isTTY?: boolean},
  quiet: boolean
): ProgressReporter & {
  finish: () => void
} {
  const tty = stream.isTTY === true
  let current: ScanPhase | undefined
  let detail = ''
  let lastDraw = 0
  const endLine = (): void => {
    if (tty && current !== undefined) stream.write('\n')
  }
  return {
    phase(phase, phaseDetail) {
      if (quiet) return
      endLine()
      current = phase
      detail = phaseDetail === undefined ? '' : ` ${terminalText(phaseDetail).replace(/\n/g, ' ')}`
      const line = `${labels[phase]}${detail}`
      stream.write(tty ? `\r\u001b[2K${line}…` : `${line}\n`)
    },
    progress(phase, done, total) {
      if (quiet || !tty || phase !== current) return
      const now = Date.now()
      if (now - lastDraw < 100) return
      lastDraw = now
      const amount =
        phase === 'extracting'
          ? formatBytes(done)
          : total === undefined
            ? `${done}`
            : `${done}/${total}`
      stream.write(`\r\u001b[2K${labels[phase]}${detail}… ${amount}`)
    },
    finish() {
      if (!quiet) endLine()
      current = undefined
    }
  }
}
