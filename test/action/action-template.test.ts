/**
 * action.yml as data: runs on node24 from the committed bundle, every input and output declared
 * and described, exactly the inputs the code reads, defaults that mean what the code does when
 * an input is absent, and every input and output documented in the README.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {inputNames, readInputs} from '../../packages/github-action/src/inputs.js'
import {outputNames} from '../../packages/github-action/src/outputs.js'
import {repoRoot} from '../support/run-cli.js'

interface ActionYml {
  name: string
  description: string
  inputs: Record<string, {description?: unknown; required?: unknown; default?: unknown}>
  outputs: Record<string, {description?: unknown}>
  runs: {using: string; main: string}
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as ActionYml
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')

describe('action.yml', () => {
  it('runs the committed bundle on node24, built for node24', () => {
    expect(action.runs).toEqual({using: 'node24', main: 'dist/action/index.js'})
    const build = readFileSync(join(repoRoot, 'scripts/build.mjs'), 'utf8')
    expect(build).toMatch(/action: 'packages\/github-action\/src\/index\.ts'/)
    expect(build).toMatch(/action: 'node24'/)
  })

  it('declares exactly the inputs and outputs the code uses', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...inputNames].sort())
    expect(Object.keys(action.outputs).sort()).toEqual([...outputNames].sort())
  })

  it('describes every input and output, and requires none (image or images suffices)', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(typeof input.description === 'string' && input.description.length > 20, name).toBe(
        true
      )
      expect(input.required ?? false, name).toBe(false)
      expect(typeof input.default, `${name} default is a string`).toBe('string')
    }
    for (const [name, output] of Object.entries(action.outputs))
      expect(typeof output.description === 'string' && output.description.length > 10, name).toBe(
        true
      )
  })

  it('has defaults that mean what the code does when an input is absent', () => {
    const fromDefaults = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [
        `INPUT_${name.toUpperCase()}`,
        String(input.default)
      ])
    )
    const image = {INPUT_IMAGE: 'docker-archive:app.tar'}
    const {token, ...withDefaults} = readInputs({...fromDefaults, ...image})
    const {token: absentToken, ...absent} = readInputs(image)
    expect(withDefaults).toEqual(absent)
    expect(token).toBe('${{ github.token }}')
    expect(absentToken).toBe('')
  })

  it('documents every input and output in the README', () => {
    const start = readme.indexOf('\n## GitHub Action')
    expect(start).toBeGreaterThan(-1)
    const end = readme.indexOf('\n## ', start + 1)
    const section = readme.slice(start, end === -1 ? undefined : end)
    expect(section.length).toBeGreaterThan(1000)
    for (const name of [...inputNames, ...outputNames])
      expect(section, name).toContain(`\`${name}\``)
    for (const permission of [
      'contents: read',
      'checks: write',
      'pull-requests: write',
      'security-events: write'
    ])
      expect(section).toContain(permission)
  })
})
