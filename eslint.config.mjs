import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-*/**', 'cloud/console/dist/**', 'cloud/screen/dist/**', 'release/**', '.data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Only storage code knows the database library (DESIGN.md): everything else calls the
    // storage helpers of its domain.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['cloud/storage/**', '**/*.storage.ts', 'bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'Only storage code (cloud/storage/, *.storage.ts) may import kysely.' },
            { name: 'better-sqlite3', message: 'Only cloud/storage/dialect.ts picks the database.' },
            { name: 'pg', message: 'Only cloud/storage/dialect.ts picks the database.' },
          ],
        },
      ],
    },
  },
  {
    // Text handed to Taro's own UI goes through src/platform/ui-text.ts: on H5 the router
    // writes the navigation-bar title as HTML (issue 12).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/ui-text.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['setNavigationBarTitle', 'showToast', 'showModal', 'showActionSheet', 'showLoading', 'setTopBarText'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Use src/platform/ui-text.ts (setPageTitle, showToastText, showModalText): stored text must never become HTML.',
        })),
      ],
    },
  },
);
