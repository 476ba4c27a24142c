import {describe, expect, it} from 'vitest'
import {readScannerOverrides} from './scanner-overrides.js'

describe('readScannerOverrides', () => {
  it('reads SCAPGATE_OSCAP and SCAPGATE_CONTENT_DIR from the given environment', () => {
    expect(
      readScannerOverrides({SCAPGATE_OSCAP: '/usr/sbin/oscap', SCAPGATE_CONTENT_DIR: ' /opt/ssg '})
    ).toEqual({
      oscapPath: '/usr/sbin/oscap',
      contentDir: '/opt/ssg'
    })
  })

  it('treats empty values as unset and ignores unrelated variables', () => {
    expect(readScannerOverrides({SCAPGATE_OSCAP: '', GITHUB_TOKEN: 'x'})).toEqual({})
  })
})
