/**
 * Everything the action prints goes through here, so that untrusted text (image names, rule
 * titles, file names from the image) can never forge a workflow command
 * (docs/reference/security.md §5.1, CI-5). `@actions/core` escapes the message of the commands it
 * issues (`core.warning`, `core.debug`), but `core.info` writes raw lines: those are neutralised
 * line by line, and large raw blocks are wrapped in `::stop-commands::<random token>`.
 */
import {randomUUID} from 'node:crypto'
import * as core from '@actions/core'
import type {Logger} from '@scapgate/core'

/**
 * A line the runner would read as a command starts with `::` after optional whitespace; a zero
 * width space after the first colon keeps it readable and makes it plain text.
 */
export function neutralizeCommands(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, '$1:\u200b')
}

export function info(message: string): void {
  core.info(neutralizeCommands(message))
}

/**
 * Prints a raw block (a summary, tool output) with workflow commands switched off around it. The
 * token is random per block, so the block cannot end the pause itself.
 */
export function rawBlock(text: string): void {
  const token = randomUUID()
  core.info(`::stop-commands::${token}`)
  core.info(neutralizeCommands(text))
  core.info(`::${token}::`)
}

/** The core's Logger on `@actions/core`: warnings and errors become annotations (escaped). */
export const actionsLogger: Logger = {
  debug: message => core.debug(message),
  info,
  warning: message => core.warning(message instanceof Error ? message.message : message),
  error: message => core.error(message instanceof Error ? message.message : message),
  startGroup: name => core.startGroup(name),
  endGroup: () => core.endGroup()
}
