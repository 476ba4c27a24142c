import {terminalText, type Logger} from '@scapgate/core'

export interface ConsoleLoggerOptions {
  stream: NodeJS.WritableStream
  verbose: boolean
  quiet: boolean
}

/**
 * Logs to stderr so that stdout carries only the summary and the verdict. Every message passes
 * `terminalText` here, at the one boundary, because messages quote untrusted text (image names,
 * archive members, oscap output, registry answers): ESC, BEL, CR and bidi controls are shown
 * escaped instead of acting on the terminal or hiding text in a CI log.
 */
export function createConsoleLogger({stream, verbose, quiet}: ConsoleLoggerOptions): Logger {
  const write = (prefix: string, message: string | Error): void => {
    const text = message instanceof Error ? message.message : message
    stream.write(`${prefix}${terminalText(text)}\n`)
  }
  return {
    debug: message => {
      if (verbose) write('debug: ', message)
    },
    info: message => {
      if (!quiet) write('', message)
    },
    warning: message => write('warning: ', message),
    error: message => write('error: ', message),
    startGroup: name => {
      if (!quiet) write('', `== ${name}`)
    },
    endGroup: () => {}
  }
}
