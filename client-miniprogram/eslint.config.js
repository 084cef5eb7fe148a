const js = require('@eslint/js');
const globals = require('globals');

const miniProgram = {
  wx: 'readonly',
  App: 'readonly',
  Page: 'readonly',
  Component: 'readonly',
  Behavior: 'readonly',
  getApp: 'readonly',
  getCurrentPages: 'readonly',
};

module.exports = [
  { ignores: ['node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'commonjs',
      globals: { ...globals.es2021, ...globals.commonjs, console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', ...miniProgram },
    },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
    },
  },
  {
    // utils/ must also load in a plain browser page: no wx, no Node-only globals.
    files: ['utils/**/*.js'],
    languageOptions: {
      globals: { ...globals.es2021, ...globals.commonjs, setTimeout: 'readonly', clearTimeout: 'readonly', globalThis: 'readonly' },
    },
    rules: {
      'no-restricted-globals': ['error', 'wx', 'process', 'Buffer', '__dirname', '__filename'],
    },
  },
  {
    files: ['test/**/*.js', 'jest.config.js', 'eslint.config.js'],
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
    },
  },
  {
    // The repository's shared ../test-support/ (the e2e test's server). ESLint ignores files outside
    // this folder, so `npm run lint` lints it in a second run from the repository root, where this
    // pattern is relative to.
    files: ['test-support/**/*.js'],
    languageOptions: {
      globals: globals.node,
    },
  },
  {
    // Page and end-to-end tests run in jsdom (miniprogram-simulate renders into it).
    files: ['test/support/pages.js', 'test/pages/**/*.js', 'test/e2e/**/*.js'],
    languageOptions: {
      globals: { document: 'readonly', window: 'readonly' },
    },
  },
];
