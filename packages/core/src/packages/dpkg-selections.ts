/**
 * The dpkg `status` file as OpenSCAP >= 1.3.10's dpkginfo probe must see it to agree with dpkg
 * (and with OpenSCAP <= 1.3.9, which asks libapt-pkg). `docs/openscap.md` §5.
 *
 * A `Status:` field holds three words: the selection (what the administrator wants: `install`,
 * `hold`, `deinstall`, `purge`, `unknown`), an error flag, and the package's state (`installed`,
 * `config-files`, `not-installed`, `unpacked` …). Whether a package is installed is in the state:
 * libapt-pkg gives a package a current version unless its state is `not-installed` or
 * `config-files`. The rewritten probe (`dpkginfo-helper.c`, 1.3.10 to 1.4.4) looks at the
 * selection instead: a package counts as installed when the field starts with `install`. So
 *
 * - a held package (`apt-mark hold`: `hold ok installed`), or one selected for removal that is
 *   still there (`deinstall ok installed`), looks absent: `package_telnetd_removed` passes although
 *   telnetd is installed;
 * - a removed package whose configuration files remain, with the selection still `install`
 *   (`install ok config-files`), looks present.
 *
 * {@link presentSelectionsAsState} rewrites only the selection word of such `Status:` lines, to
 * `install` or `deinstall` as the state says, and leaves every other byte of the file as it is.
 * The file comes from the image: it is handled as bytes (latin1 maps each byte to one code unit
 * and back), nothing from it is echoed except validated package names.
 */

import {constants} from 'node:fs'
import {open} from 'node:fs/promises'
import {join} from 'node:path'
import {LimitExceededError} from '../errors.js'
import {DPKG_STATUS, maxStatusBytes} from './dpkg-database.js'
import type {UpperFile} from './upper-layer.js'

/** dpkg states in which libapt-pkg (and dpkg) consider the package not installed. */
const absentStates = new Set(['not-installed', 'config-files'])
/** dpkg's selection values (`dpkg-query(1)`, "Package selection states"). */
const selections = new Set(['install', 'hold', 'deinstall', 'purge', 'unknown'])
/** dpkg's package name syntax (Debian Policy 5.6.1), for names that go into a note. */
const packageName = /^[a-z0-9][a-z0-9+.-]+$/

/**
 * `Status: SELECTION FLAG STATE` as the probe reads it: exact field name, value after optional
 * blanks. Groups: 1 the text before the selection, 2 the selection, 3 the rest up to the state,
 * 4 the state.
 */
const statusLine = /^(Status:[ \t]*)([a-z]+)([ \t]+[a-z-]+[ \t]+)([a-z-]+)[ \t]*$/

export interface PresentedSelections {
  /** The rewritten file, or undefined when no line needed a change. */
  status?: Buffer
  /** Packages shown as installed although their selection is not `install` (e.g. held). */
  shownInstalled: string[]
  /** Packages shown as not installed although their selection is `install`. */
  shownAbsent: string[]
}

/**
 * Rewrites the selection of every `Status:` line whose selection and state disagree in the
 * probe's reading (see above). Stanzas are what the probe takes them to be: lines between empty
 * lines, the package named by the `Package:` line.
 */
export function presentSelectionsAsState(status: Buffer): PresentedSelections {
  const text = status.toString('latin1')
  const lines = text.split('\n')
  const shownInstalled: string[] = []
  const shownAbsent: string[] = []
  let changed = false
  let stanzaStart = 0
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i] !== '') continue
    // lines[stanzaStart, i) is one stanza.
    let name: string | undefined
    let statusAt: number | undefined
    for (let j = stanzaStart; j < i; j++) {
      const line = lines[j] as string
      if (name === undefined && line.startsWith('Package:')) name = line.slice(8).trim()
      else if (statusAt === undefined && statusLine.test(line)) statusAt = j
    }
    stanzaStart = i + 1
    if (statusAt === undefined) continue
    const match = statusLine.exec(lines[statusAt] as string) as RegExpExecArray
    const [, head, selection, middle, state] = match as unknown as [
      string,
      string,
      string,
      string,
      string
    ]
    if (!selections.has(selection)) continue
    const installed = !absentStates.has(state)
    const probeSaysInstalled = selection === 'install'
    if (installed === probeSaysInstalled) continue
    const wanted = installed ? 'install' : 'deinstall'
    const trailing = match[0].slice(head.length + selection.length + middle.length + state.length)
    lines[statusAt] = `${head}${wanted}${middle}${state}${trailing}`
    changed = true
    const shown = name !== undefined && packageName.test(name) ? name : '(unnamed)'
    ;(installed ? shownInstalled : shownAbsent).push(shown)
  }
  return {
    ...(changed ? {status: Buffer.from(lines.join('\n'), 'latin1')} : {}),
    shownInstalled,
    shownAbsent
  }
}

/** The note results.json and the summary carry when {@link presentSelectionsAsState} changed something. */
export function selectionsNote(presented: PresentedSelections, oscapVersion: string): string {
  const parts: string[] = []
  if (presented.shownInstalled.length > 0) {
    parts.push(
      `${listNames(presented.shownInstalled)} (installed, held or selected for removal) shown as selection install`
    )
  }
  if (presented.shownAbsent.length > 0) {
    parts.push(
      `${listNames(presented.shownAbsent)} (not installed, selection install) shown as selection deinstall`
    )
  }
  return (
    `OpenSCAP ${oscapVersion} reads a package's dpkg selection, not its state: ` +
    `its dpkginfo probe read a copy of /var/lib/dpkg/status with ${parts.join('; ')} ` +
    '(the image is unchanged; docs/openscap.md §5)'
  )
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 10).join(', ')
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown
}

/**
 * The upper-layer copy of the root's `/var/lib/dpkg/status` (a regular file, checked by the
 * caller) with selections that follow the states, and the note saying so; undefined when the
 * file needs no change. `oscapVersion` is named in the note.
 */
export async function selectionsCopy(
  root: string,
  oscapVersion: string
): Promise<{file: UpperFile; note: string; presented: PresentedSelections} | undefined> {
  const handle = await open(join(root, DPKG_STATUS), constants.O_RDONLY | constants.O_NOFOLLOW)
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.size > maxStatusBytes) {
      throw new LimitExceededError(
        `${DPKG_STATUS} is not a regular file of at most ${maxStatusBytes} bytes`,
        'maxStatusBytes'
      )
    }
    const presented = presentSelectionsAsState(await handle.readFile())
    if (presented.status === undefined) return undefined
    return {
      file: {path: DPKG_STATUS, content: presented.status, mode: info.mode & 0o7777},
      note: selectionsNote(presented, oscapVersion),
      presented
    }
  } finally {
    await handle.close()
  }
}
