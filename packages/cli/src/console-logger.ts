import type {Logger} from '@scapgate/core'

export interface ConsoleLoggerOptions {
  stream: NodeJS.WritableStream
  verbose: boolean
  quiet: boolean
}

/** Logs to stderr so that stdout carries only the summary and the verdict. */
export function createConsoleLogger({stream, verbose, quiet}: ConsoleLoggerOptions): Logger {
  const write = (prefix: string, message: string | Error): void => {
    const text = message instanceof Error ? message.message : message
    stream.write(`${prefix}${text}\n`)
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
