// Public surface of @scapgate/core: the API and the error classes. Everything else is internal.
export * from './errors.js'
export * from './logging.js'
export type * from './image/types.js'
export type * from './layers/types.js'
export * from './results/model.js'
