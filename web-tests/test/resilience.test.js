'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const b = require('../support/browser');
const { serverAndBrowser } = require('../support/suite');

const { server, person } = serverAndBrowser();

/**
 * Puts every WebSocket of the page through a route the test can cut, and records what the page
 * sends on each one (frames from the server pass through untouched). `opened(n)` resolves once
 * the page has opened its n-th socket.
 */
async function routeSockets(page) {
  const sockets = [];
  const waiters = [];
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const upstream = ws.connectToServer();
    const sent = [];
    ws.onMessage((message) => {
      sent.push(JSON.parse(message));
      upstream.send(message);
    });
    sockets.push({ ws, upstream, sent });
    waiters.filter((w) => w.n === sockets.length).forEach((w) => w.resolve());
  });
  sockets.opened = (n) => (sockets.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })));
  return sockets;
}

const token = (page, roomId) => page.evaluate((id) => sessionStorage.getItem('goldminer.seat.' + id), roomId);

test('a dropped connection comes back by itself with the seat token, and play goes on', { timeout: 60000 }, async () => {
  const ivy = await person('Ivy');
  const sockets = await routeSockets(ivy.page);
  const roomId = await b.createRoom(ivy.page, { rows: 6, cols: 6, gold: 6 });
  const jon = await person('Jon');
  await b.openFromLobby(jon.page, roomId, 'play');
  await b.digFirstHidden(ivy.page);
  const seatToken = await token(ivy.page, roomId);
  const board = await b.boardPicture(ivy.page);
  assert.equal(sockets.length, 1);

  // The network goes: both ends see the connection drop.
  await sockets[0].upstream.close({ code: 1001, reason: 'network gone' });
  await sockets[0].ws.close({ code: 1001, reason: 'network gone' });

  // The page opens a new socket by itself (it only does so once it saw the old one close), joins
  // with its seat token and is back once the new welcome is in.
  await sockets.opened(2);
  await ivy.page.waitForSelector('#game[data-phase=joined][data-seat="0"]');
  assert.deepEqual(sockets[1].sent[0], { type: 'join', room: roomId, name: 'Ivy', token: seatToken });
  assert.equal(await b.boardPicture(ivy.page), board);
  assert.equal(sockets.length, 2);

  // The game goes on across the new connection, both ways.
  await b.digFirstHidden(jon.page);
  await ivy.page.waitForSelector('#game[data-my-turn=true]');
  assert.equal(await b.boardPicture(ivy.page), await b.boardPicture(jon.page));
  await jon.page.waitForSelector('.player[data-seat="0"] .player-status:empty', { state: 'attached' });
  [ivy, jon].forEach((p) => assert.deepEqual(p.problems, []));
});

test('a seat taken over in another tab stops there instead of fighting back, until asked', { timeout: 60000 }, async () => {
  const kim = await person('Kim');
  const sockets = await routeSockets(kim.page);
  const roomId = await b.createRoom(kim.page, { rows: 5, cols: 5, gold: 3 });
  const seatToken = await token(kim.page, roomId);

  // The same seat in a second tab (as "duplicate tab" would do: it copies sessionStorage).
  const copy = await kim.context.newPage();
  await copy.addInitScript(([id, t]) => sessionStorage.setItem('goldminer.seat.' + id, t), [roomId, seatToken]);
  await copy.goto('/game.html?room=' + roomId);
  await copy.waitForSelector('#game[data-phase=joined][data-seat="0"]');

  await kim.page.waitForSelector('#game[data-phase=takenOver] #retry:not([hidden])');
  assert.equal(await kim.page.textContent('#banner'), 'This seat is now being played in another tab or window.');
  assert.equal(await kim.page.textContent('#retry'), 'Play here');
  assert.equal(await kim.page.textContent('#leave'), 'Back to the lobby');
  assert.equal(await b.gameAttr(kim.page, 'connection'), 'ended', 'no reconnect is scheduled in the first tab');
  // Coming back to the tab, or the network coming back, resumes the client; resume() connects at
  // once when it would, so a reconnect would already show in the attribute read right after.
  const afterResume = await kim.page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    return document.getElementById('game').dataset.connection;
  });
  assert.equal(afterResume, 'ended', 'resuming does not take the seat back');
  assert.equal(sockets.length, 1);

  await kim.page.click('#retry');
  await kim.page.waitForSelector('#game[data-phase=joined][data-seat="0"]');
  await copy.waitForSelector('#retry:not([hidden])');
  assert.equal(sockets.length, 2);
  assert.equal(sockets[1].sent[0].token, seatToken);
  assert.deepEqual(kim.problems, []);
});
