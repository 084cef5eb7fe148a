/* Helpers for driving pages in miniprogram-simulate (jsdom). */
const path = require('path');
const simulate = require('miniprogram-simulate');

const ROOT = path.resolve(__dirname, '../..');

const loaded = {};

/**
 * Renders a fresh instance of a page written with Component({...}); its WXML goes through
 * WeChat's compiler. A page's definition is loaded once per test file: jest keeps its own module
 * registry, so the simulator cannot re-run the page's js for a second load.
 */
function loadPage(name) {
  if (!loaded[name]) loaded[name] = simulate.load(path.join(ROOT, 'pages', name, name), { rootPath: ROOT });
  const page = simulate.render(loaded[name]);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** Replaces some wx APIs; the answer puts the originals back. */
function installWx(overrides) {
  const saved = {};
  for (const key of Object.keys(overrides)) {
    saved[key] = wx[key];
    wx[key] = overrides[key];
  }
  return () => Object.assign(wx, saved);
}

function node(page, selector) {
  const found = page.querySelector(selector);
  if (!found) throw new Error('nothing matches ' + selector);
  return found;
}

const exists = (page, selector) => !!page.querySelector(selector);
const text = (page, selector) => node(page, selector).dom.textContent;

/** Dispatches like a finger would; the simulator delivers events on a microtask, so wait one. */
async function fire(page, selector, event, detail) {
  node(page, selector).dispatchEvent(event, detail === undefined ? {} : { detail });
  await Promise.resolve();
}

/** Lets every promise already queued settle (no clock involved: it only drains microtasks). */
async function flush() {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const tap = (page, selector) => fire(page, selector, 'tap');
const input = (page, selector, value) => fire(page, selector, 'input', { value });

/** Every cell of a rendered board as text lines: '#' hidden, ' ' zero, digits, '*' gold. */
function boardText(page) {
  const lines = [];
  for (const cell of page.querySelectorAll('.cell')) {
    const row = Number(cell.dom.getAttribute('data-row'));
    const cls = cell.dom.className;
    const t = cell.dom.textContent;
    let ch = t === '' ? ' ' : t;
    if (/\bhidden\b/.test(cls)) ch = '#';
    else if (t === '★') ch = '*';
    lines[row] = (lines[row] || '') + ch;
  }
  return lines.join('\n');
}

module.exports = { ROOT, loadPage, installWx, node, exists, text, fire, flush, tap, input, boardText };
