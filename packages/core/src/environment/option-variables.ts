import {optionsFromNames, type Given} from '../options/given-options.js'

/**
 * The `SCAPGATE_*` variables of the option table (docs/options.md), parsed. `env` is injected: the
 * CLI passes its process environment. A variable set to an empty string counts as unset; a bad
 * value is a ConfigurationError naming the variable.
 */
export function optionsFromEnvironment(env: Readonly<Record<string, string | undefined>>): Given {
  return optionsFromNames('env', name => env[name])
}
