declare const SCAPGATE_VERSION: string | undefined

/** Replaced by esbuild's `define` in the bundle; the source tree reads package.json's version. */
export const scapgateVersion: string =
  typeof SCAPGATE_VERSION === 'string' ? SCAPGATE_VERSION : '0.1.0-dev'
