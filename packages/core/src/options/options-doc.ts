import {optionKeys, optionTable, type OptionSpec} from './option-table.js'

const code = (text: string | undefined): string =>
  text === undefined ? '' : `\`${text.replace(/\|/g, '\\|')}\``
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

/**
 * The reference table of docs/options.md, rendered from the option table: the docs are checked
 * against it (test/options/option-table.test.ts; `SCAPGATE_UPDATE_GOLDEN=1` rewrites them).
 */
export function renderOptionsTable(): string {
  const rows = optionKeys.map(key => {
    const spec = optionTable[key] as OptionSpec<unknown>
    const flag =
      spec.flag === undefined ? '' : spec.flag.startsWith('--') ? code(spec.flag) : spec.flag
    const values = spec.values === undefined ? '' : ` One of ${spec.values.map(code).join(', ')}.`
    return [
      flag,
      code(spec.env),
      code(spec.action),
      code(spec.gitlab),
      code(spec.jenkins),
      code(spec.policy),
      cell(spec.defaultText),
      cell(`${spec.doc}${values}`)
    ].join(' | ')
  })
  return [
    '| Flag | Variable | Action input | GitLab input | Jenkins parameter | Policy key | Default | Meaning |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(row => `| ${row} |`)
  ].join('\n')
}
