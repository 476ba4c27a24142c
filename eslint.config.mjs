// Lint: typescript-eslint's strict rules, kebab-case file names, and the core's isolation from
// CI SDKs (packages/core must never import @actions/* or read process.env outside environment/).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** A tiny local rule: file names are kebab-case (`foo-bar.ts`, `foo-bar.test.ts`). */
const fileNames = {
  meta: {type: 'suggestion', schema: []},
  create(context) {
    const base = context.filename.split('/').pop() ?? ''
    const stem = base.replace(/\.(test\.)?(ts|mjs|js)$/, '')
    if (
      !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem) &&
      stem !== 'vitest.config' &&
      stem !== 'eslint.config'
    ) {
      return {
        Program(node) {
          context.report({node, message: `File name \`${base}\` is not kebab-case`})
        }
      }
    }
    return {}
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test/fixtures/**',
      'test-artifacts/**',
      'coverage/**',
      '**/*.d.ts'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: {scapgate: {rules: {'file-names': fileNames}}},
    rules: {
      'scapgate/file-names': 'error',
      // Escaping untrusted text (tar names, XML, workflow commands) means matching control
      // characters on purpose, all over the codebase.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}
      ],
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  },
  {
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {patterns: [{group: ['@actions/*'], message: 'packages/core must not import CI SDKs'}]}
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'read the environment only in src/environment/'
        }
      ]
    }
  },
  {
    files: ['packages/core/src/environment/**/*.ts', '**/*.test.ts'],
    rules: {'no-restricted-properties': 'off'}
  }
)
