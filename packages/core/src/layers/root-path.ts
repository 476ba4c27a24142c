/**
 * A path recorded as bookkeeping: the in-root absolute path (`/etc/passwd`) as a latin1-safe
 * string. A leaf, so that the applier's record (`layer-record.ts`) and its result type
 * (`types.ts`) can both name it without importing each other.
 */
export type RootPath = string
