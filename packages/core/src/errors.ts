/**
 * scapgate's two error families.
 *
 * - {@link UserError} and its subclasses: the user must act (bad input, a broken image, an unknown
 *   profile). Message text names the input, what was expected and what was found.
 * - Everything else (`InternalError`, `ScanFailedError`, unknown throws): our bug or the
 *   infrastructure (oscap crashed, the disk is full).
 *
 * Errors carry data fields; they become exit codes only at the edge (`packages/cli`, the action).
 * Every class sets `name` and restores its prototype so that `instanceof` survives down-levelled
 * builds.
 */

/** The user must fix something: configuration, arguments, content selection. CLI exit 2. */
export class ConfigurationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ConfigurationError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/**
 * The image given by the user cannot be scanned as it is: unreadable archive, digest mismatch,
 * unsafe tar entry, no matching platform. The scan did not complete: CLI exit 3.
 */
export class InvalidImageError extends Error {
  constructor(
    message: string,
    /** Which part of the image: a layer digest, a blob path, `manifest.json` … */
    readonly component?: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'InvalidImageError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** An unsafe or malformed tar entry in a layer. */
export class UnsafeLayerEntryError extends InvalidImageError {
  constructor(
    message: string,
    readonly layer: string,
    /** The entry name, sanitised for display (control characters escaped). */
    readonly entry: string,
    options?: ErrorOptions
  ) {
    super(message, layer, options)
    this.name = 'UnsafeLayerEntryError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** A limit was hit (bytes, entries, depth, time). The scan did not complete: CLI exit 3. */
export class LimitExceededError extends Error {
  constructor(
    message: string,
    readonly limit: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'LimitExceededError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** oscap ran but did not produce trustworthy results (exit 1, crash, timeout, a silent-failure signal). */
export class ScanFailedError extends Error {
  constructor(
    message: string,
    readonly details: {
      exitCode?: number | null
      signal?: string | null
      stderrExcerpt?: string
      reason: 'oscap-error' | 'timeout' | 'silent-failure' | 'sandbox' | 'no-applicable-rules'
    },
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'ScanFailedError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** The ARF (or another XML/JSON document) failed validation. */
export class InvalidArfError extends Error {
  constructor(
    message: string,
    readonly source: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'InvalidArfError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** The machine lacks something scapgate needs (oscap, root, unshare). The scan cannot run: exit 3. */
export class EnvironmentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'EnvironmentError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

/** The run was cancelled (SIGINT/SIGTERM). */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message)
    this.name = 'CancelledError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

export function wrapError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

export function getErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Renders untrusted bytes (tar names, XML text) for an error message: control chars escaped, capped. */
export function sanitizeForDisplay(value: string | Buffer, max = 200): string {
  const text = typeof value === 'string' ? value : value.toString('latin1')
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
  })
  return escaped.length > max ? `${escaped.slice(0, max)}…` : escaped
}
