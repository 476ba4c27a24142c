export {loadEnvironment, type ScanEnvironment} from './scan-environment.js'
export {readScannerOverrides, type ScannerOverrides} from './scanner-overrides.js'
export {readTestHooks, testHooks, type TestHooks} from './test-hooks.js'
export {defaultContentStoreDir, SYSTEM_CONTENT_STORE} from './content-store-dir.js'
