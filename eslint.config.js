import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/e2e/.artifacts/**', 'tests/bench/.artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // Content scripts run in the host page: keep React, Dexie and zod out of them.
    files: ['entrypoints/*.content/**/*.ts', 'utils/sites/*/**/*.ts', 'utils/sites/*.ts', 'utils/content/**/*.ts', 'utils/messaging/wire.ts'],
    // types.ts holds the schema the extension side parses with; content scripts import its types only.
    ignores: ['**/*.test.ts', 'utils/sites/types.ts', 'utils/sites/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dexie', 'zod'],
          patterns: [
            { group: ['react-dom/*', 'zod/*', '**/db/**', '**/domain/common', '**/domain/contact'], message: 'Content scripts stay tiny.' },
          ],
        },
      ],
    },
  },
  {
    // Node scripts whose page.evaluate callbacks run in the browser (Chrome's chrome.*, Firefox's browser.*).
    files: ['tests/**/*.mjs', '*.js', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly', browser: 'readonly' } },
  },
);
