'use strict';

/*
 * What every test file sets up: its own server and one headless Chromium, started before its
 * tests and closed after them, and the people (browser contexts) its tests open on that server.
 */
const { before, after } = require('node:test');
const { startServer } = require('../../test-support/goldminer-server');
const b = require('./browser');

/**
 * Registers the file's before/after hooks. Returns `server` (its `url` is there once the tests
 * run), `people` (everyone opened so far) and `person(name, options)`, which opens one more.
 */
function serverAndBrowser() {
  let running;
  let browser;
  const people = [];

  before(async () => {
    running = await startServer();
    browser = await b.launch();
  });

  after(async () => {
    for (const p of people) await p.context.close();
    if (browser) await browser.close();
    if (running) await running.stop();
  });

  const server = {
    get url() {
      return running.url;
    },
  };

  async function person(name, options) {
    const p = await b.person(browser, server.url, name, options);
    people.push(p);
    return p;
  }

  return { server, people, person };
}

module.exports = { serverAndBrowser };
