import {ConfigurationError} from '../errors.js'

/**
 * A policy file problem, located: `scapgate.yml:12: waivers[0].expires: expected …, got …`.
 * A {@link ConfigurationError}, so the CLI exits 2.
 */
export class PolicyError extends ConfigurationError {
  constructor(
    readonly file: string,
    /** 1-based; 0 when the problem has no line (an unreadable file). */
    readonly line: number,
    /** Dotted key path (`thresholds.max.high`, `waivers[2].rule`); empty for the whole file. */
    readonly keyPath: string,
    readonly detail: string
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}: ${keyPath === '' ? '' : `${keyPath}: `}${detail}`)
    this.name = 'PolicyError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}
