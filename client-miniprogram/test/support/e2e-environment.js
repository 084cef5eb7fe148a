/*
 * jsdom for miniprogram-simulate, plus the Node networking the end-to-end test needs: jsdom has
 * no fetch, and jest-environment-jsdom would resolve the `ws` package to its browser stub
 * (jest.config.js sets node export conditions for this project).
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'AbortController', 'AbortSignal',
  'setImmediate', 'clearImmediate', 'TextEncoder', 'TextDecoder', 'structuredClone'];

class E2EEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
  }
}

module.exports = E2EEnvironment;
