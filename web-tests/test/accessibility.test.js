'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const b = require('../support/browser');
const { serverAndBrowser } = require('../support/suite');

const { server, person } = serverAndBrowser();

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, row: el.dataset.row, col: el.dataset.col, label: el.getAttribute('aria-label') };
});

test('the board is buttons with labels, one Tab stop, arrow keys to move and Enter to dig', { timeout: 60000 }, async () => {
  const lea = await person('Lea');
  const roomId = await b.createRoom(lea.page, { rows: 5, cols: 5, gold: 3 });
  const max = await person('Max');
  await b.openFromLobby(max.page, roomId, 'play');
  await lea.page.waitForSelector('#game[data-my-turn=true]');

  const cells = await lea.page.$$eval('#board > *', (nodes) => nodes.map((n) => ({ tag: n.tagName, label: n.getAttribute('aria-label'), tab: n.tabIndex })));
  assert.equal(cells.length, 25);
  assert.ok(cells.every((c) => c.tag === 'BUTTON'));
  assert.equal(cells[0].label, 'Row 1, column 1: not dug');
  assert.equal(cells.filter((c) => c.tab === 0).length, 1, 'the board is one Tab stop');
  assert.equal(await lea.page.getAttribute('#board', 'aria-label'), 'Board, 5 rows by 5 columns');

  // Tab from the Leave button lands on the board; arrows move inside it.
  await lea.page.focus('#leave');
  await lea.page.keyboard.press('Tab');
  assert.deepEqual(await focused(lea.page), { tag: 'BUTTON', row: '0', col: '0', label: 'Row 1, column 1: not dug' });
  await lea.page.keyboard.press('ArrowRight');
  await lea.page.keyboard.press('ArrowRight');
  await lea.page.keyboard.press('ArrowDown');
  await lea.page.keyboard.press('ArrowLeft');
  assert.deepEqual(await focused(lea.page), { tag: 'BUTTON', row: '1', col: '1', label: 'Row 2, column 2: not dug' });
  await lea.page.keyboard.press('End');
  assert.equal((await focused(lea.page)).col, '4');
  await lea.page.keyboard.press('ArrowRight');
  assert.equal((await focused(lea.page)).col, '4', 'focus stays on the board at its edge');

  const seq = Number(await b.gameAttr(lea.page, 'seq'));
  await lea.page.keyboard.press('Enter');
  await lea.page.waitForFunction((before) => Number(document.getElementById('game').dataset.seq) > before, seq);
  const dug = await focused(lea.page);
  assert.deepEqual([dug.row, dug.col], ['1', '4']);
  assert.match(dug.label, /^Row 2, column 5: (empty|\d gold nearby|gold found by Lea), last dig$/);
  assert.match(await lea.page.textContent('#announcer'), /^You dug row 2, column 5: /);

  // Not Lea's turn any more: the cells say so, and a dig attempt is explained, not sent.
  assert.equal(await lea.page.getAttribute('#board > button[data-state=hidden] >> nth=0', 'aria-disabled'), 'true');
  await lea.page.locator('#board > button[data-state=hidden]').first().click({ force: true }); // aria-disabled, yet clickable
  await lea.page.waitForSelector('#toast:not([hidden])');
  assert.equal(await lea.page.textContent('#toast'), 'It is not your turn.');
  assert.match(await max.page.textContent('#announcer'), /^Lea dug row 2, column 5: .* Your turn\.$/);
  [lea, max].forEach((p) => assert.deepEqual(p.problems, []));
});

test('on a phone-size screen the lobby and a 9 x 9 board fit without sideways scrolling, and taps dig', { timeout: 60000 }, async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  const ned = await person('Ned', phone);
  const fitsWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(await fitsWidth(ned.page), 'the lobby fits the phone width');
  await b.screenshot(ned.page, 'web-lobby-phone.png', { fullPage: true });

  const roomId = await b.createRoom(ned.page, {});
  const ola = await person('Ola');
  await b.openFromLobby(ola.page, roomId, 'play');
  await ned.page.waitForSelector('#game[data-my-turn=true]');
  assert.ok(await fitsWidth(ned.page), 'the game page fits the phone width');

  const box = await ned.page.locator('#board').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the whole board is on screen: ' + JSON.stringify(box));
  const cell = await ned.page.locator('#board > button').first().boundingBox();
  assert.ok(cell.width >= 28 && cell.height >= 28, 'cells are big enough to tap: ' + JSON.stringify(cell));

  const seq = Number(await b.gameAttr(ned.page, 'seq'));
  await ned.page.locator('#board > button').nth(40).tap();
  await ned.page.waitForFunction((before) => Number(document.getElementById('game').dataset.seq) > before, seq);
  assert.notEqual(await ned.page.getAttribute('#board > button >> nth=40', 'data-state'), 'hidden');
  await ola.page.waitForSelector('#game[data-my-turn=true]');
  await b.screenshot(ned.page, 'web-game-phone.png', { fullPage: true });
  [ned, ola].forEach((p) => assert.deepEqual(p.problems, []));
});
