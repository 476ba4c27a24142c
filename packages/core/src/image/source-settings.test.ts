import {describe, expect, it} from 'vitest'
import {ConfigurationError} from '../errors.js'
import {dockerSocketPath} from './daemon/docker-daemon.js'
import {sourceSettings} from './source-settings.js'

describe('sourceSettings', () => {
  it('takes credentials from flags before the environment, and docker config from DOCKER_CONFIG or HOME', () => {
    const env = {
      HOME: '/home/u',
      SCAPGATE_REGISTRY_USERNAME: 'env',
      SCAPGATE_REGISTRY_PASSWORD: 'envpw',
      PATH: '/bin'
    }
    expect(sourceSettings({username: 'flag', password: 'flagpw'}, env).registry).toMatchObject({
      credentials: {username: 'flag', password: 'flagpw'},
      dockerConfigDir: '/home/u/.docker',
      helperEnv: {HOME: '/home/u', PATH: '/bin'}
    })
    expect(sourceSettings({}, env).registry.credentials).toEqual({
      username: 'env',
      password: 'envpw'
    })
    expect(
      sourceSettings({}, {DOCKER_CONFIG: '/etc/dc', REGISTRY_AUTH_FILE: '/run/auth.json'}).registry
    ).toMatchObject({
      dockerConfigDir: '/etc/dc',
      authFile: '/run/auth.json'
    })
  })

  it('refuses a username without a password and a malformed --insecure-registry', () => {
    expect(() => sourceSettings({username: 'u'}, {})).toThrow(ConfigurationError)
    expect(() => sourceSettings({username: 'u'}, {})).toThrow(
      'Expected a registry password with the username'
    )
    expect(() => sourceSettings({insecureRegistries: ['http://x']}, {})).toThrow(
      'Expected `--insecure-registry` to be HOST[:PORT], got `http://x`'
    )
  })

  it('passes DOCKER_HOST and the podman environment through', () => {
    const {daemon} = sourceSettings(
      {},
      {DOCKER_HOST: 'unix:///run/d.sock', XDG_RUNTIME_DIR: '/run/user/1', SECRET: 'x'}
    )
    expect(daemon).toEqual({
      dockerHost: 'unix:///run/d.sock',
      podmanEnv: {XDG_RUNTIME_DIR: '/run/user/1'}
    })
  })
})

describe('dockerSocketPath', () => {
  it('accepts unix:// only, defaulting to /var/run/docker.sock', () => {
    expect(dockerSocketPath(undefined)).toBe('/var/run/docker.sock')
    expect(dockerSocketPath('unix:///run/podman/podman.sock')).toBe('/run/podman/podman.sock')
    expect(() => dockerSocketPath('tcp://1.2.3.4:2375')).toThrow(
      'tcp:// and ssh:// are not supported'
    )
  })
})
