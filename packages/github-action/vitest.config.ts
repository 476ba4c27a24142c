import {defineProject} from 'vitest/config'

export default defineProject({
  test: {
    name: 'github-action',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000
  }
})
