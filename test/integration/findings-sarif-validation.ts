/**
 * SARIF validation for tests: the Microsoft SARIF Multitool (`validate --rule-kind "Gh;Sarif"`,
 * GitHub's ingestion rules plus the SARIF spec rules) and the official SARIF 2.1.0 JSON schema
 * (vendored at packages/core/src/report/sarif-schema-2.1.0.json, from the MIT-licensed npm package
 * @microsoft/jest-sarif 1.0.0-beta.0, lib/schemas/sarif-2.1.0-rtm.5.json: rtm.5 is the published
 * 2.1.0 schema) checked with ajv.
 */
import {execFile} from 'node:child_process'
import {chmodSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {Ajv, type ValidateFunction} from 'ajv'
import {repoRoot} from '../support/run-cli.js'

const multitool = join(
  repoRoot,
  'node_modules',
  '@microsoft',
  'sarif-multitool-linux',
  'Sarif.Multitool'
)

export interface MultitoolReport {
  errors: string[]
  warnings: string[]
  output: string
}

/**
 * Runs the multitool on an absolute path. npm does not run the package's install script, so the
 * binary's execute bit is set here; a missing binary or .NET failure throws (the test fails).
 */
export async function runMultitool(absolutePath: string): Promise<MultitoolReport> {
  chmodSync(multitool, 0o755)
  const {stdout, stderr} = await promisify(execFile)(
    multitool,
    ['validate', '--rule-kind', 'Gh;Sarif', absolutePath],
    {
      maxBuffer: 64 * 1024 * 1024,
      // The single-file .NET binary needs ICU unless told to run invariant.
      env: {...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1'}
    }
  )
  const output = `${stdout}${stderr}`
  if (!output.includes('Analysis completed successfully'))
    throw new Error(`Sarif.Multitool did not complete:\n${output.slice(-4000)}`)
  const lines = output.split('\n')
  return {
    errors: lines.filter(l => /: error /.test(l)),
    warnings: lines.filter(l => /: warning /.test(l)),
    output
  }
}

let schemaValidator: ValidateFunction | undefined

/** ajv over the vendored draft-04 schema, read as draft-07 (`id` → `$id`; it uses no other draft-04-only keyword). */
export function validateSarifSchema(log: unknown): string[] {
  if (schemaValidator === undefined) {
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'packages/core/src/report/sarif-schema-2.1.0.json'), 'utf8')
    ) as Record<string, unknown>
    const {$schema: _draft, id, ...rest} = schema
    // The schema's `language` pattern is not valid with the `u` flag ajv uses by default.
    schemaValidator = new Ajv({strict: false, allErrors: true, unicodeRegExp: false}).compile({
      ...rest,
      $id: id
    } as object)
  }
  if (schemaValidator(log)) return []
  return (schemaValidator.errors ?? []).map(e => `${e.instancePath} ${e.message ?? ''}`)
}
