import {optionsFromNames, type Given} from './given-options.js'
import {optionTable, type OptionKey, type OptionSpec} from './option-table.js'

type Env = Readonly<Record<string, string | undefined>>

/**
 * `$NAME` and `${NAME}` references replaced by the variable's value, once, as a GitLab runner does
 * for a variable with `expand: true`: `$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA` works. Nothing else is
 * interpreted (`$(…)`, backticks, `$$`, quotes stay literal), and a value brought in is not
 * expanded again. An unset name expands to nothing.
 */
export function expandReferences(value: string, env: Env): string {
  return value.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_match, braced: string | undefined, bare: string | undefined) =>
      env[braced ?? bare ?? ''] ?? ''
  )
}

/**
 * The `SCAPGATE_*` variables of the option table (docs/options.md), parsed. `env` is injected: the
 * CLI passes its process environment. A variable set to an empty string counts as unset; a bad
 * value is a ConfigurationError naming the variable. In the variables of options marked
 * `expandsReferences` (paths and image references) `$NAME` references are expanded first, so that
 * the GitLab component can pass its inputs unexpanded (as data) and still take
 * `$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA`.
 */
export function optionsFromEnvironment(env: Env): Given {
  const expanding = new Set(
    (Object.keys(optionTable) as OptionKey[])
      .filter(key => (optionTable[key] as OptionSpec<unknown>).expandsReferences === true)
      .map(key => optionTable[key].env)
  )
  return optionsFromNames('env', name => {
    const value = env[name]
    return value !== undefined && expanding.has(name) ? expandReferences(value, env) : value
  })
}
