import {describe, expect, it} from 'vitest'
import {elevatedMarker, planPrivileges} from './privileges.js'

describe('planPrivileges', () => {
  it('runs directly as root', () => {
    expect(planPrivileges(0, {}, '/node', '/a/index.js')).toEqual({kind: 'run'})
  })

  it('re-executes once with sudo -E -n when not root', () => {
    expect(planPrivileges(1001, {}, '/node', '/a/index.js')).toEqual({
      kind: 'sudo',
      command: 'sudo',
      args: ['-E', '-n', `${elevatedMarker}=1`, '/node', '/a/index.js']
    })
  })

  it('never re-executes the re-executed child, nor when told not to', () => {
    expect(planPrivileges(1001, {[elevatedMarker]: '1'}, '/node', '/a')).toEqual({kind: 'run'})
    expect(planPrivileges(1001, {SCAPGATE_NO_SUDO: 'true'}, '/node', '/a')).toEqual({kind: 'run'})
  })
})
