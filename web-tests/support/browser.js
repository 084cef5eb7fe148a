'use strict';

/*
 * Headless Debian Chromium through playwright-core, and the few page helpers every test uses.
 * Helpers wait for conditions the page exposes (data-* attributes on #game), never for time.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1200, height: 860 };
const WAIT_MS = 15000;

function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/**
 * A person in their own browser context (own storage, own sockets). Uncaught page errors and
 * Content-Security-Policy violations are collected in `problems` for the test to check.
 */
async function person(browser, baseUrl, name, options) {
  const context = await browser.newContext(Object.assign({ viewport: DESKTOP, baseURL: baseUrl }, options));
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push('CSP: ' + m.text());
  });
  // A reload in the middle of a game asks "leave site?" first (beforeunload): say yes.
  page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()));
  await page.goto('/');
  await page.locator('#nickname').fill(name);
  await page.locator('#nickname').dispatchEvent('change');
  return { name, context, page, problems };
}

/** Fills and sends the lobby's create form; resolves to the new room's id once its page is up. */
async function createRoom(page, room) {
  const form = page.locator('#create-form');
  if (room.name !== undefined) await form.locator('input[name=name]').fill(room.name);
  if (room.rows !== undefined) await form.locator('input[name=rows]').fill(String(room.rows));
  if (room.cols !== undefined) await form.locator('input[name=cols]').fill(String(room.cols));
  if (room.gold !== undefined) await form.locator('input[name=gold]').fill(String(room.gold));
  if (room.rules) await form.locator('input[name=rules][value=' + room.rules + ']').check();
  await form.locator('button[type=submit]').click();
  await page.waitForURL(/\/game\.html\?room=/);
  await page.waitForSelector('#game[data-phase=joined]');
  return new URL(page.url()).searchParams.get('room');
}

/** Opens a room from the lobby list (waiting for the list to show it) as a player or a watcher. */
async function openFromLobby(page, roomId, action) {
  await page.goto('/');
  await page.locator('li[data-room-id="' + roomId + '"] button[data-action=' + action + ']').click();
  await page.waitForSelector('#game[data-phase=joined]');
}

/** The board as the page shows it, one text line per row: `.` hidden, digits, `a`/`b` gold by seat, `g` gold nobody found. */
function boardPicture(page) {
  return page.$$eval('#board > button', (cells) => {
    const code = (s) => (s === 'hidden' ? '.' : s === 'gold-p0' ? 'a' : s === 'gold-p1' ? 'b' : s === 'gold-none' ? 'g' : s.slice(1));
    const cols = Number(getComputedStyle(document.getElementById('board')).getPropertyValue('--cols'));
    const lines = [];
    cells.forEach((cell, i) => {
      const r = Math.floor(i / cols);
      lines[r] = (lines[r] || '') + code(cell.dataset.state);
    });
    return lines.join('\n');
  });
}

async function scores(page) {
  return page.$$eval('.player .score-value', (nodes) => nodes.map((n) => Number(n.textContent)));
}

function gameAttr(page, name) {
  return page.getAttribute('#game', 'data-' + name);
}

/** Digs the first hidden cell (the page must be on its turn) and waits for the dig to come back. */
async function digFirstHidden(page) {
  await page.waitForSelector('#game[data-my-turn=true]');
  const seq = Number(await gameAttr(page, 'seq'));
  await page.locator('#board > button[data-state=hidden]').first().click();
  await page.waitForFunction((before) => Number(document.getElementById('game').dataset.seq) > before, seq);
}

const ARTIFACTS = path.resolve(__dirname, '..', 'screenshots');
const PUBLISH = process.env.GOLDMINER_SCREENSHOTS ? path.resolve(__dirname, '..', process.env.GOLDMINER_SCREENSHOTS) : null;

/**
 * Saves a screenshot in web-tests/screenshots/. With `publish`, and $GOLDMINER_SCREENSHOTS set
 * (`npm run screenshots` sets ../docs/images), it is also written there for the README.
 */
async function screenshot(page, name, options) {
  const opts = Object.assign({ publish: false, fullPage: false }, options);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: opts.fullPage, animations: 'disabled', caret: 'hide' });
  if (opts.publish && PUBLISH) {
    fs.mkdirSync(PUBLISH, { recursive: true });
    fs.copyFileSync(file, path.join(PUBLISH, name));
  }
  return file;
}

module.exports = { launch, person, createRoom, openFromLobby, boardPicture, scores, gameAttr, digFirstHidden, screenshot, DESKTOP };
