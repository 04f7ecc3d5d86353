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
  // Layers point down: entrypoints → components → utils/{messaging, transfer use cases} → utils/db → utils/domain.
  {
    files: ['utils/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['dexie', 'react', 'wxt/browser'], patterns: [{ group: ['**/sites/**', '**/i18n/**', '**/db/**', '**/messaging/**', '**/transfer/**', '**/components/**'], message: 'utils/domain is the bottom layer: pure model and rules.' }] },
      ],
    },
  },
  {
    files: ['utils/transfer/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['dexie', 'react', 'wxt/browser'], patterns: [{ group: ['**/db/**', '**/messaging/**', '**/components/**'], message: 'utils/transfer holds pure codecs; the use cases that read the database live in utils/db/repos.' }] },
      ],
    },
  },
  {
    files: ['utils/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['wxt/browser'], patterns: [{ group: ['**/messaging/**', '**/db/**', '**/components/**'], message: 'utils/i18n gets the browser API through setI18nHost.' }] }],
    },
  },
  {
    files: ['utils/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['react', 'wxt/browser'], patterns: [{ group: ['**/messaging/**', '**/components/**', '**/sites/**'], message: 'utils/db sits below messaging and the UI.' }] }],
    },
  },
  {
    // Node scripts whose page.evaluate callbacks run in the browser (Chrome's chrome.*, Firefox's browser.*).
    files: ['tests/**/*.mjs', '*.js', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly', browser: 'readonly' } },
  },
);
