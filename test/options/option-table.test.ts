/**
 * The option table (packages/core/src/options/option-table.ts) against everything that names its
 * options: docs/options.md (generated from it), action.yml, the GitLab component's inputs and
 * job variables, and the Jenkins step's parameters and variables. Any drift fails here.
 * `SCAPGATE_UPDATE_GOLDEN=1` rewrites the generated table of docs/options.md.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse, parseAllDocuments} from 'yaml'
import {renderOptionsTable} from '../../packages/core/src/options/options-doc.js'
import {
  optionKeys,
  optionTable,
  type OptionSpec
} from '../../packages/core/src/options/option-table.js'
import {inputNames} from '../../packages/github-action/src/inputs.js'
import {repoRoot} from '../support/run-cli.js'

const rows = optionKeys.map(key => [key, optionTable[key] as OptionSpec<unknown>] as const)
const named = (field: 'action' | 'gitlab' | 'jenkins' | 'env') =>
  rows.flatMap(([key, spec]) => (spec[field] === undefined ? [] : [[key, spec] as const]))

describe('docs/options.md', () => {
  it('holds the table generated from the option table', () => {
    const path = join(repoRoot, 'docs/options.md')
    const text = readFileSync(path, 'utf8')
    const section =
      /(<!-- options-table:begin[^\n]*-->\n)([\s\S]*?)(<!-- options-table:end -->)/.exec(text)
    expect(section, 'the options-table markers').not.toBeNull()
    const table = `${renderOptionsTable()}\n`
    if (process.env['SCAPGATE_UPDATE_GOLDEN'] === '1' && section !== null && section[2] !== table)
      writeFileSync(path, text.replace(section[0], `${section[1]}${table}${section[3]}`))
    else expect(section?.[2]).toBe(table)
  })

  it('names every variable the table defines', () => {
    const text = readFileSync(join(repoRoot, 'docs/options.md'), 'utf8')
    for (const [, spec] of named('env')) expect(text).toContain(`\`${spec.env ?? ''}\``)
  })
})

describe('the option table and each names they go by', () => {
  it('gives every option a distinct flag, variable and adapter names', () => {
    for (const field of ['flag', 'env', 'action', 'gitlab', 'jenkins'] as const) {
      const names = rows.flatMap(([, spec]) => (spec[field] === undefined ? [] : [spec[field]]))
      expect(new Set(names).size, field).toBe(names.length)
    }
    for (const [key, spec] of named('env')) expect(spec.env, key).toMatch(/^SCAPGATE_[A-Z_]+$/)
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  it("declares every action input of the table, and the action's code reads it", () => {
    for (const [key, spec] of named('action')) {
      expect(Object.keys(action.inputs), key).toContain(spec.action)
      expect(inputNames, key).toContain(spec.action)
    }
  })
})

describe('the GitLab component', () => {
  const text = readFileSync(join(repoRoot, 'gitlab/templates/scan.yml'), 'utf8')
  const docs = parseAllDocuments(text).map(doc => doc.toJS() as Record<string, unknown>)
  const inputs = (docs[0]?.['spec'] as {inputs: Record<string, {options?: unknown[]}>}).inputs
  const job = Object.values(docs[1] ?? {})[0] as {
    variables: Record<string, {value: string; expand: boolean} | string>
  }
  const gitlabOnly = [
    'token',
    'allow_failure',
    'job_name',
    'stage',
    'rules',
    'scanner_image',
    'scanner_version',
    'scanner_image_digest'
  ]

  it("passes each of the table's GitLab inputs as the option's variable, unexpanded", () => {
    for (const [key, spec] of named('gitlab')) {
      expect(Object.keys(inputs), key).toContain(spec.gitlab)
      expect(job.variables[spec.env ?? ''], key).toEqual({
        value: `$[[ inputs.${spec.gitlab ?? ''} ]]`,
        expand: false
      })
    }
  })

  it('has no scan input the table does not know, and no variable the CLI would not read', () => {
    const known = [...named('gitlab').map(([, spec]) => spec.gitlab), ...gitlabOnly]
    expect(Object.keys(inputs).filter(name => !known.includes(name))).toEqual([])
    const variables = Object.keys(job.variables).filter(
      name => name !== 'SCAPGATE_GITLAB_TOKEN' && name !== 'SCAPGATE_OUT'
    )
    const env = named('env').map(([, spec]) => spec.env)
    expect(variables.filter(name => !env.includes(name))).toEqual([])
  })

  it('offers exactly the closed set of an option, plus empty for "the default"', () => {
    for (const [key, spec] of named('gitlab')) {
      if (spec.values === undefined) continue
      expect(inputs[spec.gitlab ?? '']?.options, key).toEqual(['', ...spec.values])
    }
  })
})

describe('the Jenkins step', () => {
  const groovy = readFileSync(join(repoRoot, 'jenkins/vars/scapgateScan.groovy'), 'utf8')
  const defaults = /def defaultConfig = \[([\s\S]*?)\n {2}\]/.exec(groovy)?.[1] ?? ''
  const parameters = [...defaults.matchAll(/^\s{4}([A-Za-z]+):/gm)].map(m => m[1] as string)
  const mapping = /Map scanVariables = \[([\s\S]*?)\]/.exec(groovy)?.[1] ?? ''
  const variables = Object.fromEntries(
    [...mapping.matchAll(/([A-Za-z]+): '(SCAPGATE_[A-Z_]+)'/g)].map(m => [m[1], m[2]])
  )
  // Credential ids: Jenkins binds them (the key file as SCAPGATE_ATTEST_KEY, COSIGN_PASSWORD).
  const jenkinsOnly = [
    'attestKeyCredentialsId',
    'attestPasswordCredentialsId',
    'scannerImage',
    'containerRuntime',
    'containerOptions',
    'scapgateCommand',
    'unstableOnGateFailure',
    'archive',
    'recordIssues',
    'publishHTML',
    // Whether to continue the archived score history (docs/trend.md); the step finds the file.
    'history'
  ]

  it("has each of the table's Jenkins parameters, passed as the option's variable", () => {
    expect(parameters.length).toBeGreaterThan(10)
    for (const [key, spec] of named('jenkins')) {
      expect(parameters, key).toContain(spec.jenkins)
      expect(variables[spec.jenkins ?? ''], key).toBe(spec.env)
    }
  })

  it('has no parameter the table does not know besides its own, and checks closed sets', () => {
    const known = [...named('jenkins').map(([, spec]) => spec.jenkins), ...jenkinsOnly]
    expect(parameters.filter(name => !known.includes(name))).toEqual([])
    expect(Object.keys(variables).sort()).toEqual(
      named('jenkins')
        .map(([, spec]) => spec.jenkins)
        .sort()
    )
    for (const [key, spec] of named('jenkins')) {
      if (spec.values === undefined) continue
      const list = `[${['', ...spec.values].map(v => `'${v}'`).join(', ')}]`
      expect(groovy, key).toContain(`config.${spec.jenkins ?? ''} in ${list}`)
    }
  })
})
