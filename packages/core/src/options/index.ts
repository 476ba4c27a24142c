export {
  optionTable,
  optionKeys,
  optionDefault,
  cveFailOnValues,
  type OptionSpec,
  type OptionKey,
  type GivenOptions
} from './option-table.js'
export {
  absolutePaths,
  firstGiven,
  noOptions,
  optionsFromFlags,
  optionsFromNames,
  type Given,
  type SourceKind
} from './given-options.js'
export {
  resolveBaseline,
  resolveCveSettings,
  resolveImageSettings,
  defaultThresholds,
  type CveScanSettings,
  type ImageSettings
} from './resolve-options.js'
export {parseFeedAge} from './value-parsers.js'
export {renderOptionsTable} from './options-doc.js'
