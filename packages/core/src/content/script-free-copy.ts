import {writeFile} from 'node:fs/promises'
import {ConfigurationError} from '../errors.js'
import {findScriptCheckReference, mentionsScriptChecks} from './content-safety.js'
import {stripScriptChecks} from './strip-sce.js'

export interface ScriptFreeContent {
  /** The file to give oscap: `source` itself when it never mentions SCE, else the private copy. */
  path: string
  /** The copy's text, or `source`'s when nothing was removed. */
  text: string
  /** SCE `check` elements removed (0 for content without SCE). */
  removedChecks: number
  /** SCE script components removed. */
  removedScripts: number
  /** Rules whose only evaluable check was SCE (now `notchecked`, see `strip-sce.ts`). */
  scriptOnlyRules: string[]
}

/**
 * The data stream oscap may see: `source` unchanged when its text (already read and checked by
 * `assertContentSafe`) never mentions the Script Check Engine, else a copy at `target` without SCE
 * checks and scripts. The copy is re-checked textually, independently of the tag scanner that
 * made it: any remaining reference to the SCE system refuses the content (ConfigurationError)
 * rather than risk a script running. Stripping SSG's 15 MB Debian 12 data stream costs about
 * 0.2–0.3 s of CPU, a small part of oscap's own load and validation of it, so it is redone per scan
 * rather than cached.
 */
export async function scriptFreeContent(
  source: string,
  text: string,
  target: string,
  label: string
): Promise<ScriptFreeContent> {
  if (!mentionsScriptChecks(text)) {
    return {path: source, text, removedChecks: 0, removedScripts: 0, scriptOnlyRules: []}
  }
  const stripped = stripScriptChecks(text, `${label} \`${source}\``)
  if (findScriptCheckReference(stripped.xml) !== -1) {
    throw new ConfigurationError(
      `Expected the Script Check Engine (SCE) to appear in ${label} \`${source}\` only as check systems ` +
        'and script components, which scapgate removes; found it elsewhere (prose, a malformed or ' +
        'unusual check). scapgate never runs SCE scripts and refuses content it cannot prove inert.'
    )
  }
  await writeFile(target, stripped.xml, {mode: 0o600})
  return {
    path: target,
    text: stripped.xml,
    removedChecks: stripped.removedChecks,
    removedScripts: stripped.removedScripts,
    scriptOnlyRules: stripped.scriptOnlyRules
  }
}
