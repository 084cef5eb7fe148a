'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const b = require('../support/browser');
const { serverAndBrowser } = require('../support/suite');

const { server, people, person } = serverAndBrowser();

test('the lobby shows rooms created elsewhere without a reload, and follows their status', { timeout: 60000 }, async () => {
  const dora = await person('Dora');
  await dora.page.waitForSelector('#rooms-empty:not([hidden])');

  const res = await fetch(server.url + '/api/rooms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Made over HTTP', rows: 5, cols: 6, gold: 4, rules: 'flags' }) });
  const room = await res.json();
  const row = dora.page.locator('li[data-room-id="' + room.id + '"]');
  await row.waitFor();
  assert.equal(await row.locator('.room-name').textContent(), 'Made over HTTP');
  assert.equal(await row.locator('.room-meta').textContent(), '5 × 6 · 4 gold · Flags');
  assert.equal(await row.getAttribute('data-status'), 'waiting');
  assert.ok(await row.locator('button[data-action=play]').isVisible());
  assert.equal(await row.locator('button[data-action=play]').getAttribute('aria-label'), 'Play in Made over HTTP');

  // Two players take the room elsewhere: the list turns it into one to watch.
  const eve = await person('Eve');
  await b.openFromLobby(eve.page, room.id, 'play');
  const fay = await person('Fay');
  await b.openFromLobby(fay.page, room.id, 'play');
  await dora.page.locator('li[data-room-id="' + room.id + '"][data-status=playing]').waitFor();
  assert.equal(await row.locator('.room-players').textContent(), 'Eve vs Fay  (0 : 0)');
  assert.ok(await row.locator('button[data-action=play]').isHidden());
  assert.ok(await row.locator('button[data-action=watch]').isVisible());
  people.forEach((p) => assert.deepEqual(p.problems, []));
});

test('the create form checks its fields, then creates the room with the chosen size, gold and rules', { timeout: 60000 }, async () => {
  const gus = await person('Gus');
  const form = gus.page.locator('#create-form');

  await form.locator('input[name=gold]').fill('81');
  await form.locator('button[type=submit]').click();
  assert.equal(await gus.page.textContent('#err-gold'), 'Gold must be between 1 and 80.');
  assert.equal(await form.locator('input[name=gold]').getAttribute('aria-invalid'), 'true');
  assert.equal(await gus.page.evaluate(() => document.activeElement.name), 'gold');
  assert.equal(new URL(gus.page.url()).pathname, '/');

  await form.locator('input[name=rows]').fill('3');
  await form.locator('button[type=submit]').click();
  assert.equal(await gus.page.textContent('#err-rows'), 'Rows must be a whole number between 4 and 30.');

  const roomId = await b.createRoom(gus.page, { name: 'Gus’s flags', rows: 6, cols: 7, gold: 5, rules: 'flags' });
  assert.equal(await gus.page.textContent('#room-title'), 'Gus’s flags');
  assert.equal(await gus.page.textContent('#room-meta'), 'Flags · 6 × 7 · 5 of 5 gold left');
  assert.equal(await gus.page.locator('#board > button').count(), 42);
  assert.equal(await gus.page.textContent('#banner'), 'Waiting for an opponent…');
  assert.equal(await gus.page.textContent('.player[data-seat="0"] .player-name'), 'Gus (you)');

  const summary = await (await fetch(server.url + '/api/rooms/' + roomId)).json();
  assert.deepEqual([summary.rows, summary.cols, summary.gold, summary.rules, summary.name], [6, 7, 5, 'flags', 'Gus’s flags']);
  assert.deepEqual(gus.problems, []);
});

test('a room that does not exist says so and offers the way back', { timeout: 30000 }, async () => {
  const hal = await person('Hal');
  await hal.page.goto('/game.html?room=no-such-room');
  await hal.page.waitForSelector('#game[data-phase=failed]');
  assert.equal(await hal.page.textContent('#banner'), 'This room does not exist any more.');
  assert.equal(await hal.page.textContent('#leave'), 'Back to the lobby');
  await hal.page.click('#leave');
  await hal.page.waitForURL((url) => url.pathname === '/');
  assert.deepEqual(hal.problems, []);
});
