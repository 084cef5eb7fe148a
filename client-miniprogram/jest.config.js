// Three suites: utils in plain Node, pages in jsdom (miniprogram-simulate needs a DOM), and the
// end-to-end game against the real server (jsdom plus Node's network: see test/support).
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.js'],
    },
    {
      displayName: 'pages',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/pages/**/*.test.js'],
    },
    {
      displayName: 'e2e',
      testEnvironment: '<rootDir>/test/support/e2e-environment.js',
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      testMatch: ['<rootDir>/test/e2e/**/*.test.js'],
    },
  ],
};
