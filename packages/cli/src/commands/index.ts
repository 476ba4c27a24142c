import type {CommandSpec} from '../command.js'
import {gitLabNoteCommandSpec} from './gitlab-note.js'
import {scanCommandSpec} from './scan.js'
import {baselineCommandSpec} from './baseline.js'
import {compareCommandSpec} from './compare.js'
import {reportCommandSpec} from './report.js'
import {contentCommandSpec} from './content.js'
import {attestCommandSpec} from './attest.js'
import {verifyCommandSpec} from './verify.js'
import {trendCommandSpec} from './trend.js'

/** Every subcommand, in help order. Add new ones here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandSpec<any>[] = [
  scanCommandSpec,
  baselineCommandSpec,
  compareCommandSpec,
  reportCommandSpec,
  contentCommandSpec,
  attestCommandSpec,
  verifyCommandSpec,
  trendCommandSpec,
  gitLabNoteCommandSpec
]
