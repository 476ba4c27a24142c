/**
 * gitlab/templates/scan.yml as data: the spec (every input described and typed, defaults that
 * match package.json), the job (no global keywords, inputs only through `expand: false`
 * variables), and the job's shell run with hostile input values, which must reach the CLI as
 * the exact strings given and never run.
 */
import {execFileSync} from 'node:child_process'
import {chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parseAllDocuments} from 'yaml'
import {repoRoot} from '../support/run-cli.js'

interface InputSpec {
  description?: unknown
  type?: unknown
  default?: unknown
  options?: unknown
  regex?: unknown
}
type Job = Record<string, unknown> & {
  variables: Record<string, {value: string; expand: boolean} | string>
  script: string[]
}

const templatePath = join(repoRoot, 'gitlab/templates/scan.yml')
const templateText = readFileSync(templatePath, 'utf8')
const docs = parseAllDocuments(templateText).map(doc => doc.toJS() as Record<string, unknown>)
const inputs = (docs[0]?.['spec'] as {inputs: Record<string, InputSpec>}).inputs
const jobs = docs[1] ?? {}
const version = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string}
).version

/** GitLab's interpolation: a value that is exactly one reference takes the input's type. */
function interpolate(value: unknown, given: Record<string, unknown>): unknown {
  const valueOf = (name: string): unknown => {
    if (name in given) return given[name]
    const spec = inputs[name]
    if (spec === undefined) throw new Error(`unknown input ${name}`)
    if (!('default' in spec)) throw new Error(`input ${name} is required`)
    return spec.default
  }
  if (typeof value === 'string') {
    const whole = /^\$\[\[ inputs\.([a-z_]+) \]\]$/.exec(value)
    if (whole !== null) return valueOf(whole[1] as string)
    return value.replace(/\$\[\[ inputs\.([a-z_]+) \]\]/g, (_, name: string) =>
      String(valueOf(name))
    )
  }
  if (Array.isArray(value)) return value.map(item => interpolate(item, given))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        interpolate(key, given) as string,
        interpolate(item, given)
      ])
    )
  }
  return value
}

function jobWith(given: Record<string, unknown>): [string, Job] {
  const [entry] = Object.entries(interpolate(jobs, given) as Record<string, Job>)
  if (entry === undefined) throw new Error('no job in the template')
  return entry
}

describe('the GitLab component spec', () => {
  it('describes every input', () => {
    for (const [name, spec] of Object.entries(inputs)) {
      expect(typeof spec.description, name).toBe('string')
      expect((spec.description as string).length, name).toBeGreaterThan(15)
      expect(name, 'snake_case input names').toMatch(/^[a-z][a-z0-9_]*$/)
    }
  })

  it('has the inputs the issue asks for', () => {
    for (const name of [
      'image',
      'dockerfile',
      'profile',
      'content',
      'policy',
      'fail_on',
      'baseline',
      'stage',
      'job_name',
      'scanner_image',
      'scanner_image_digest',
      'allow_failure',
      'token'
    ]) {
      expect(inputs, name).toHaveProperty(name)
    }
  })

  it('types closed sets with options that include the default', () => {
    expect(inputs['fail_on']?.options).toEqual(['', 'low', 'medium', 'high', 'never'])
    expect(inputs['mode']?.options).toEqual(['', 'absolute', 'ratchet'])
    expect(inputs['allow_failure']).toMatchObject({type: 'boolean', default: false})
    expect(inputs['rules']?.type).toBe('array')
    for (const [name, spec] of Object.entries(inputs)) {
      if (Array.isArray(spec.options)) expect(spec.options, name).toContain(spec.default)
      if (spec.type === undefined || spec.type === 'string') {
        if ('default' in spec) expect(typeof spec.default, name).toBe('string')
      }
    }
  })

  it('requires the image and defaults everything else', () => {
    expect(
      Object.entries(inputs)
        .filter(([, spec]) => !('default' in spec))
        .map(([name]) => name)
    ).toEqual(['image'])
  })

  it('runs the scanner image of this release, pinnable by digest', () => {
    expect(inputs['scanner_version']?.default).toBe(version)
    const regex = new RegExp(inputs['scanner_image_digest']?.regex as string)
    expect(regex.test('')).toBe(true)
    expect(regex.test(`@sha256:${'a'.repeat(64)}`)).toBe(true)
    expect(regex.test('sha256:abc')).toBe(false)
    expect(regex.test(`@sha256:${'a'.repeat(64)} ; x`)).toBe(false)
    const [, job] = jobWith({image: 'x', scanner_image_digest: `@sha256:${'b'.repeat(64)}`})
    expect(job['image']).toEqual({
      name: `ghcr.io/scapgate/scanner:${version}@sha256:${'b'.repeat(64)}`,
      entrypoint: ['']
    })
  })
})

describe('the GitLab component job', () => {
  it('is one job named by an input, with no global keywords', () => {
    expect(Object.keys(jobs)).toEqual(['$[[ inputs.job_name ]]'])
    const [name, job] = jobWith({image: 'x', job_name: 'compliance', stage: 'verify'})
    expect(name).toBe('compliance')
    expect(job['stage']).toBe('verify')
    expect(job['allow_failure']).toBe(false)
    expect(job['rules']).toEqual([{when: 'on_success'}])
  })

  it('uses every input, and none inside script', () => {
    const [, job] = Object.entries(jobs)[0] as [string, Record<string, unknown>]
    const jobText = JSON.stringify(jobs)
    for (const name of Object.keys(inputs)) expect(jobText, name).toContain(`$[[ inputs.${name} ]]`)
    for (const key of ['script', 'before_script', 'after_script']) {
      expect(JSON.stringify(job[key] ?? []), key).not.toContain('$[[')
    }
    expect(templateText).not.toMatch(/gitlab\.com/)
  })

  it('passes every input to the shell as a variable that the runner does not expand', () => {
    const [, job] = Object.entries(jobs)[0] as [string, Job]
    for (const [name, variable] of Object.entries(job.variables)) {
      if (typeof variable === 'string') {
        expect(variable, name).not.toContain('$[[')
        continue
      }
      expect(variable.expand, name).toBe(false)
      expect(variable.value, name).toMatch(/^\$\[\[ inputs\.[a-z_]+ \]\]$/)
    }
  })

  it('publishes Code Quality, JUnit and SARIF reports and keeps the evidence even when it fails', () => {
    const [, job] = jobWith({image: 'x'})
    expect(job['artifacts']).toMatchObject({
      when: 'always',
      paths: ['scapgate-out/'],
      reports: {
        codequality: 'scapgate-out/codequality.json',
        junit: 'scapgate-out/junit.xml',
        sarif: 'scapgate-out/results.sarif'
      }
    })
  })
})

describe('the GitLab job shell with hostile input values', () => {
  let dir: string
  let bin: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scapgate-template-'))
    bin = join(dir, 'bin')
    execFileSync('mkdir', ['-p', bin])
    // Records each call: its argv and every SCAPGATE_* variable (NUL-separated), and "fails the
    // gate" for `scan`.
    writeFileSync(
      join(bin, 'scapgate'),
      [
        '#!/bin/sh',
        'printf "%s\\0" "$@" >> "$ARGV_LOG"',
        'printf "\\n" >> "$ARGV_LOG"',
        'env -0 | grep -z "^SCAPGATE_" > "$ARGV_LOG.env.$1"',
        'if [ "$1" = scan ]; then exit 1; fi',
        ''
      ].join('\n')
    )
    chmodSync(join(bin, 'scapgate'), 0o755)
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  const payloads = [
    '$(touch pwned-subst)',
    '`touch pwned-tick`',
    'x; touch pwned-semi',
    'x && touch pwned-and | cat',
    'x\ntouch pwned-newline',
    'x\r\ntouch pwned-crlf',
    '"; touch pwned-dq; "',
    "'; touch pwned-sq; '",
    '<<EOF\ntouch pwned-heredoc\nEOF',
    '-x --out /tmp/elsewhere',
    '$((6*7)) $$ $? $@ ${!x}'
  ]

  interface JobRun {
    /** The argv of each call of the CLI, in order. */
    calls: string[][]
    /** The SCAPGATE_* variables the `scan` call saw. */
    variables: Record<string, string>
  }

  /** Runs `script` then `after_script` as the runner does (each a bash script; -e). */
  function runJob(given: Record<string, unknown>, extraEnv: Record<string, string> = {}): JobRun {
    const [, job] = jobWith(given)
    const work = mkdtempSync(join(dir, 'job-'))
    const argvLog = join(work, '.argv')
    const env: Record<string, string> = {
      PATH: `${bin}:/usr/bin:/bin`,
      HOME: work,
      ARGV_LOG: argvLog,
      ...extraEnv
    }
    for (const [name, variable] of Object.entries(job.variables)) {
      env[name] = typeof variable === 'string' ? variable : String(variable.value)
    }
    let status = 0
    try {
      execFileSync('bash', ['-e', '-c', job.script.join('\n')], {cwd: work, env, stdio: 'pipe'})
    } catch (error) {
      status = (error as {status: number}).status
    }
    expect(status, 'the fake CLI exits 1').toBe(1)
    const after = (job['after_script'] as string[] | undefined) ?? []
    execFileSync('bash', ['-e', '-c', after.join('\n')], {cwd: work, env, stdio: 'pipe'})
    expect(readdirSync(work).filter(name => name.startsWith('pwned'))).toEqual([])
    expect(readdirSync(dir).filter(name => name.startsWith('pwned'))).toEqual([])
    const calls = readFileSync(argvLog, 'utf8')
      .split('\0\n')
      .filter(line => line !== '')
      .map(line => line.split('\0'))
    const variables = Object.fromEntries(
      readFileSync(`${argvLog}.env.scan`, 'utf8')
        .split('\0')
        .filter(entry => entry !== '')
        .map(entry => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
    )
    return {calls, variables}
  }

  for (const payload of payloads) {
    it(`keeps ${JSON.stringify(payload)} as one literal variable value`, () => {
      const given = {
        image: `docker-archive:${payload}`,
        dockerfile: payload,
        profile: payload,
        content: payload,
        tailoring: payload,
        policy: payload,
        baseline: payload
      }
      const {calls, variables} = runJob(given)
      // The CLI gets no arguments from inputs: it reads its SCAPGATE_* variables itself.
      expect(calls[0]).toEqual(['scan'])
      expect(variables['SCAPGATE_IMAGE']).toBe(`docker-archive:${payload}`)
      expect(variables['SCAPGATE_OUT']).toBe('scapgate-out')
      for (const name of [
        'SCAPGATE_DOCKERFILE',
        'SCAPGATE_CONTENT',
        'SCAPGATE_TAILORING',
        'SCAPGATE_POLICY',
        'SCAPGATE_BASELINE',
        'SCAPGATE_PROFILE'
      ]) {
        expect(variables[name], name).toBe(payload)
      }
    })
  }

  it('passes the cves boolean as true or false, which the CLI reads as SCAPGATE_CVES', () => {
    const on = runJob({image: 'i', cves: true, cve_fail_on: 'critical'}).variables
    expect([on['SCAPGATE_CVES'], on['SCAPGATE_CVE_FAIL_ON']]).toEqual(['true', 'critical'])
    expect(runJob({image: 'i', cves: false}).variables['SCAPGATE_CVES']).toBe('false')
  })

  it('leaves empty inputs empty, so the CLI defaults (and the policy) apply', () => {
    const {calls, variables} = runJob({image: 'docker-archive:app.tar'})
    expect(calls[0]).toEqual(['scan'])
    expect(variables['SCAPGATE_FAIL_ON']).toBe('')
    expect(variables['SCAPGATE_DOCKERFILE']).toBe('')
  })

  it('passes attest, keyless and the key as a reference, never the key itself', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n'
    const {calls, variables} = runJob(
      {image: 'i', attest: true, attest_key: '$SIGNING_KEY'},
      {SIGNING_KEY: pem}
    )
    expect(calls[0]).toEqual(['scan'])
    // The CLI resolves `$SIGNING_KEY` (docs/attestations.md); the runner does not expand it.
    expect(variables['SCAPGATE_ATTEST']).toBe('true')
    expect(variables['SCAPGATE_ATTEST_KEY']).toBe('$SIGNING_KEY')
    expect(variables['SCAPGATE_KEYLESS']).toBe('false')
    expect(Object.values(variables).filter(value => value.includes('abc'))).toEqual([])
    const keyless = runJob({image: 'i', attest: true, keyless: true}).variables
    expect([keyless['SCAPGATE_ATTEST'], keyless['SCAPGATE_KEYLESS']]).toEqual(['true', 'true'])
    expect(keyless['SCAPGATE_ATTEST_KEY']).toBe('')
    expect(runJob({image: 'i'}).variables['SCAPGATE_ATTEST']).toBe('false')
  })

  it('posts the merge-request note after the scan, as an optional step that cannot change the result', () => {
    const {calls} = runJob({image: 'i', token: '$SCAPGATE_NOTE_TOKEN'})
    expect(calls[1]).toEqual(['gitlab-note', '--optional', '--summary', 'scapgate-out/summary.md'])
  })
})

describe('the GitLab mirror project files', () => {
  it('documents every input in gitlab/README.md', () => {
    const readme = readFileSync(join(repoRoot, 'gitlab/README.md'), 'utf8')
    for (const name of Object.keys(inputs)) expect(readme, name).toContain(`| \`${name}\` |`)
    expect(readme).toContain('## Components')
    expect(readme).not.toMatch(/@latest|:latest/)
  })

  it('tests the component at the pipeline commit and releases only on semver tags', () => {
    const ci = parseAllDocuments(
      readFileSync(join(repoRoot, 'gitlab/.gitlab-ci.yml'), 'utf8')
    )[0]?.toJS() as {
      include: {component: string; inputs: Record<string, unknown>}[]
      release: {rules: {if: string}[]; release: {tag_name: string}}
    }
    expect(ci.include[0]?.component).toBe('$CI_SERVER_FQDN/$CI_PROJECT_PATH/scan@$CI_COMMIT_SHA')
    for (const name of Object.keys(ci.include[0]?.inputs ?? {}))
      expect(inputs, name).toHaveProperty(name)
    expect(ci.release.rules).toEqual([{if: '$CI_COMMIT_TAG =~ /^\\d+\\.\\d+\\.\\d+$/'}])
    expect(ci.release.release.tag_name).toBe('$CI_COMMIT_TAG')
  })
})
