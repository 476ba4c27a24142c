/**
 * gitlab/templates/scan.yml as data: the spec (every input described and typed, defaults that
 * match package.json), the job (no global keywords, inputs only through `expand: false`
 * variables), and the job's shell run with hostile input values, which must reach the CLI as
 * the exact strings given and never run.
 */
import {execFileSync} from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
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
    // Records its argv, one NUL-terminated argument each, and "fails the gate".
    writeFileSync(
      join(bin, 'scapgate'),
      '#!/bin/sh\nprintf "%s\\0" "$@" >> "$ARGV_LOG"\nprintf "%s" "${SCAPGATE_REGISTRY_USERNAME-unset}" > "$ARGV_LOG.user"\nexit 1\n'
    )
    chmodSync(join(bin, 'scapgate'), 0o755)
    execFileSync('cp', [join(repoRoot, 'scanner/bin/scapgate-gitlab-scan'), bin])
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

  function runJob(given: Record<string, unknown>, extraEnv: Record<string, string> = {}): string[] {
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
    // The runner writes each script line into a bash script; a failing line fails the job.
    let status = 0
    try {
      execFileSync('bash', ['-e', '-c', job.script.join('\n')], {cwd: work, env, stdio: 'pipe'})
    } catch (error) {
      status = (error as {status: number}).status
    }
    expect(status, 'the fake CLI exits 1').toBe(1)
    expect(readdirSync(work).filter(name => name.startsWith('pwned'))).toEqual([])
    expect(readdirSync(dir).filter(name => name.startsWith('pwned'))).toEqual([])
    const argv = readFileSync(argvLog, 'utf8').split('\0')
    argv.pop()
    return argv
  }

  for (const payload of payloads) {
    it(`keeps ${JSON.stringify(payload)} as one literal argument`, () => {
      const given = {
        image: `docker-archive:${payload}`,
        dockerfile: payload,
        profile: payload,
        content: payload,
        tailoring: payload,
        policy: payload,
        baseline: payload
      }
      const argv = runJob(given)
      expect(argv?.slice(0, 4)).toEqual([
        'scan',
        `docker-archive:${payload}`,
        '--out',
        'scapgate-out'
      ])
      const value = (flag: string) => argv?.[argv.indexOf(flag) + 1]
      for (const flag of [
        '--dockerfile',
        '--content',
        '--tailoring',
        '--policy',
        '--baseline',
        '--profile'
      ]) {
        expect(value(flag), flag).toBe(payload)
      }
    })
  }

  it('expands $NAME references in path inputs the way the runner would, and nothing else', () => {
    const [, job] = jobWith({image: '$CI_REGISTRY_IMAGE:${CI_COMMIT_SHA}', profile: '$PROFILE'})
    const work = mkdtempSync(join(dir, 'job-'))
    const env: Record<string, string> = {
      PATH: `${bin}:/usr/bin:/bin`,
      ARGV_LOG: join(work, '.argv'),
      CI_REGISTRY_IMAGE: 'registry.example/group/app',
      CI_COMMIT_SHA: 'abc123',
      PROFILE: 'expanded'
    }
    for (const [name, variable] of Object.entries(job.variables)) {
      env[name] = typeof variable === 'string' ? variable : String(variable.value)
    }
    expect(() =>
      execFileSync('bash', ['-e', '-c', job.script.join('\n')], {cwd: work, env, stdio: 'pipe'})
    ).toThrow()
    const argv = readFileSync(join(work, '.argv'), 'utf8').split('\0')
    expect(argv[1]).toBe('registry.example/group/app:abc123')
    // profile is an id, never expanded
    expect(argv[argv.indexOf('--profile') + 1]).toBe('$PROFILE')
  })

  it('turns the cves boolean into the --cves flag', () => {
    expect(runJob({image: 'i', cves: true, cve_fail_on: 'critical'}).slice(4)).toEqual([
      '--cves',
      '--cve-fail-on',
      'critical'
    ])
    expect(runJob({image: 'i', cves: false})).not.toContain('--cves')
  })

  it('turns attest and a variable reference into --attest --attest-key env://NAME', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n'
    const argv = runJob({image: 'i', attest: true, attest_key: '$SIGNING_KEY'}, {SIGNING_KEY: pem})
    expect(argv.slice(4)).toEqual(['--attest', '--attest-key', 'env://SIGNING_KEY'])
    expect(argv.join(' ')).not.toContain('abc')
    // a file-type variable holds the key file's path; a plain value is a key file in the project
    expect(
      runJob({image: 'i', attest: true, attest_key: '${KEY_FILE}'}, {KEY_FILE: '/tmp/k.pem'}).slice(
        4
      )
    ).toEqual(['--attest', '--attest-key', '/tmp/k.pem'])
    expect(runJob({image: 'i', attest: true, attest_key: 'ci/key.pem'}).slice(4)).toEqual([
      '--attest',
      '--attest-key',
      'ci/key.pem'
    ])
    expect(runJob({image: 'i', attest: true}).slice(4)).toEqual(['--attest', '--keyless'])
    expect(runJob({image: 'i', attest: false})).not.toContain('--attest')
  })

  it('leaves out flags whose inputs are empty, so the CLI defaults apply', () => {
    const argv = runJob({image: 'docker-archive:app.tar'})
    expect(argv).toEqual(['scan', 'docker-archive:app.tar', '--out', 'scapgate-out'])
  })

  it('offers the job registry credentials to the project registry only', () => {
    const ci = {
      CI_REGISTRY: 'registry.example',
      CI_REGISTRY_USER: 'gitlab-ci-token',
      CI_REGISTRY_PASSWORD: 'job-token'
    }
    const userFor = (image: string): string => {
      const argv = runJob({image}, ci)
      expect(argv[1]).toBe(image)
      const logs = readdirSync(dir).filter(name => name.startsWith('job-'))
      const newest = logs
        .map(name => join(dir, name, '.argv.user'))
        .filter(existsSync)
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
      return readFileSync(newest as string, 'utf8')
    }
    expect(userFor('registry.example/group/app:1')).toBe('gitlab-ci-token')
    expect(userFor('docker://registry.example/group/app:1')).toBe('gitlab-ci-token')
    expect(userFor('registry.example.evil/group/app:1')).toBe('unset')
    expect(userFor('other.example/registry.example/app:1')).toBe('unset')
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
