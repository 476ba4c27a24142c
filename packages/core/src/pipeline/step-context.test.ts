import {afterAll, describe, expect, it, vi} from 'vitest'
import {debian11Base, scanDirs, writeImage} from '../../../../test/support/scan-fixtures.js'
import {loadEnvironment} from '../environment/index.js'
import {nullLogger, nullProgress} from '../logging.js'
import {preflightScanner} from '../scan/preflight.js'
import {scanImage} from './scan-image.js'
import type {ScanImageOptions} from './scan-options.js'
import {scanSettings} from './step-context.js'

vi.mock('../scan/preflight.js', async importOriginal => {
  const real = await importOriginal<typeof import('../scan/preflight.js')>()
  return {...real, preflightScanner: vi.fn(real.preflightScanner)}
})

const dirs = scanDirs('scapgate-step-context')
afterAll(() => dirs.cleanup())

function options(outDir: string): ScanImageOptions {
  return {
    image: `docker-archive:${writeImage(dirs.dir, 'app', [debian11Base])}`,
    contentPath: '/usr/share/xml/scap/ssg/content/ssg-debian11-ds.xml',
    outDir,
    failOn: 'never',
    timeoutMs: 600_000,
    environment: loadEnvironment(),
    cwd: dirs.dir,
    toolVersion: '0.0.0-test',
    logger: nullLogger,
    progress: nullProgress,
    evaluate: () => Promise.reject(new Error('not a setting'))
  }
}

describe('the step context', () => {
  it('carries the settings only, frozen', () => {
    const settings = scanSettings(options('/tmp/unused'))
    expect(Object.keys(settings).sort()).toEqual(
      ['contentPath', 'cwd', 'environment', 'image', 'timeoutMs', 'toolVersion'].sort()
    )
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('runs the scanner preflight once per scan (before: once in scanImage, again in the scan and CVE steps)', async () => {
    vi.mocked(preflightScanner).mockClear()
    const outcome = await scanImage({...options(dirs.out('once')), evaluate: undefined})
    expect(outcome.verdict.status).toBe('pass')
    expect(vi.mocked(preflightScanner)).toHaveBeenCalledTimes(1)
  }, 300_000)
})
