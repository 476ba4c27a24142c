import {execFile} from 'node:child_process'
import {resolve as resolvePath} from 'node:path'
import {ConfigurationError, EnvironmentError} from '../errors.js'

/**
 * Writes a pretty-printed copy of a tailoring file to `target` and returns `target`.
 *
 * oscap 1.3.7 ignores every second `<select>` of a tailoring written on one line, without any
 * error (`docs/reference/openscap.md` §11, https://github.com/OpenSCAP/openscap/issues/1817, fixed in 1.3.9).
 * Pretty-printing is harmless for later versions. Uses `xmllint --format --nonet` with an empty
 * environment (the path is made absolute so it cannot read as an option); the caller has already refused DOCTYPE/ENTITY (`assertContentSafe`).
 */
export function prettyPrintTailoring(
  source: string,
  target: string,
  signal?: AbortSignal,
  label = 'tailoring file'
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'xmllint',
      ['--nonet', '--nocatalogs', '--format', '--output', target, resolvePath(source)],
      {
        env: {PATH: '/usr/bin:/bin'},
        timeout: 60_000,
        maxBuffer: 1024 * 1024,
        ...(signal ? {signal} : {})
      },
      (error, _stdout, stderr) => {
        if (error === null) return resolve(target)
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(
            new EnvironmentError(
              'xmllint is not installed; it is needed to work around an oscap 1.3.7 tailoring bug. ' +
                'Install `libxml2-utils` (Debian/Ubuntu) or `libxml2` (Fedora/RHEL).'
            )
          )
        }
        // xmllint quotes the offending line of the file: only its line number is repeated.
        const line = /:(\d+): (?:parser|namespace) error/.exec(String(stderr))?.[1]
        reject(
          new ConfigurationError(
            `Expected the ${label} \`${source}\` to be well-formed XML, found an XML error${line === undefined ? '' : ` at line ${line}`} (xmllint --noout shows it)`
          )
        )
      }
    )
  })
}

/**
 * True when a `<select>` follows another element with no whitespace between them: the layout that
 * triggers the 1.3.7 select-parsing bug above. The bug is in profile parsing, so it hits compact
 * data streams exactly like compact tailoring files; SSG's own content is pretty-printed.
 */
export function hasCompactSelects(xml: string): boolean {
  return /\/><(?:[A-Za-z][\w.-]*:)?select[\s/>]/.test(xml)
}
