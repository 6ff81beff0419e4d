// Lint runs inside `npm test`: recommended rules, type-aware where it is cheap.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'web/dist/', 'artifacts/', 'coverage/', 'bench/.build/'] },
  js.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/spf/**', 'src/dmarc/**', 'src/dkim/**', 'src/record/**', 'src/audit/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      // Protocol code gets time, host and DNS from options (STYLE.md: the I/O boundary).
      'no-restricted-imports': ['error', { patterns: ['node:dns', 'node:process', 'node:os', 'node:fs'] }],
      'no-restricted-globals': ['error', 'process', 'console'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now' }],
    },
  },
);
