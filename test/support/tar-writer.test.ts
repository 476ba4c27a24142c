import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {writeTar} from './tar-writer.js'

describe('writeTar', () => {
  it('writes archives that GNU tar lists with the same names, owners and link targets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarw-'))
    try {
      const long = `usr/share/${'x'.repeat(120)}/file`
      const tar = writeTar([
        {name: 'etc/', type: 'dir'},
        {name: 'etc/shadow', content: 'root:*:1::::::\n', mode: 0o640, gid: 42},
        {name: 'etc/issue', type: 'symlink', linkname: '/etc/issue.net'},
        {name: long, content: 'long'},
        {name: 'bin/su', content: 'x', mode: 0o4755}
      ])
      writeFileSync(join(dir, 'a.tar'), tar)
      const listing = execFileSync('tar', ['-tvf', join(dir, 'a.tar'), '--numeric-owner'], {
        encoding: 'utf8'
      })
      expect(listing).toContain('-rw-r----- 0/42')
      expect(listing).toContain('etc/issue -> /etc/issue.net')
      expect(listing).toContain(long)
      expect(listing).toContain('-rwsr-xr-x 0/0')
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
