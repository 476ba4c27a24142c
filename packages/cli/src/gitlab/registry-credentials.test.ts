import {describe, expect, it} from 'vitest'
import {gitlabRegistryCredentials} from './registry-credentials.js'

const ci = {
  CI_REGISTRY: 'registry.example',
  CI_REGISTRY_USER: 'gitlab-ci-token',
  CI_REGISTRY_PASSWORD: 'job-token'
}
const job = {username: 'gitlab-ci-token', password: 'job-token'}

describe('gitlabRegistryCredentials', () => {
  it('offers the job registry credentials to the project registry only', () => {
    const user = (image: string) => gitlabRegistryCredentials(ci, [image], undefined)
    expect(user('registry.example/group/app:1')).toEqual(job)
    expect(user('docker://registry.example/group/app:1')).toEqual(job)
    expect(user('registry.example.evil/group/app:1')).toBeUndefined()
    expect(user('other.example/registry.example/app:1')).toBeUndefined()
    expect(
      gitlabRegistryCredentials(ci, ['registry.example/a:1', 'other.example/b:1'], undefined)
    ).toBeUndefined()
  })

  it('leaves credentials the user gave, and jobs outside GitLab, alone', () => {
    expect(gitlabRegistryCredentials(ci, ['registry.example/a:1'], 'me')).toBeUndefined()
    expect(gitlabRegistryCredentials({}, ['registry.example/a:1'], undefined)).toBeUndefined()
  })
})
