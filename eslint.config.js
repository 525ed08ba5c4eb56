// Flat config: typescript-eslint with type information, React hooks rules, and layer boundaries
// (renderer never imports main/, shared/ never imports node:* or electron).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'http',
  'https',
  'crypto',
  'os',
  'child_process',
  'worker_threads',
  'stream',
  'zlib',
  'net',
  'tls',
  'url',
  'util',
  'events',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'coverage/',
      '**/*.cjs',
      'bench/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '../main/*', '../../main/*'],
              message:
                'The renderer never imports main/: go through the HTTP API or the preload bridge.',
            },
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node built-ins.' },
            {
              group: ['electron'],
              message: 'The renderer never imports electron: use the preload bridge.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeBuiltins,
              message: 'shared/ runs in host and browser alike: no Node built-ins.',
            },
            { group: ['electron'], message: 'shared/ never imports electron.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ is the bottom layer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'The host runs headless too: electron belongs in main/electron only.',
            },
            { group: ['**/renderer/**'], message: 'The host never imports the renderer.' },
          ],
        },
      ],
    },
  },
);
