'use strict';

const { test } = require('node:test');
const assert = require('node:assert/strict');
const b = require('../support/browser');
const { serverAndBrowser } = require('../support/suite');

const { server, person } = serverAndBrowser();

async function createRoomOverHttp(body) {
  const res = await fetch(server.url + '/api/rooms', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 201);
  return res.json();
}

function expectedTitles(s) {
  if (s[0] === s[1]) return ["It's a tie!", "It's a tie!", "It's a tie!"];
  return s[0] > s[1] ? ['You win!', 'You lose', 'Alice wins!'] : ['You lose', 'You win!', 'Bob wins!'];
}

test('two players play a whole game by clicking while a third watches; a reload mid-game resumes the seat', { timeout: 180000 }, async () => {
  // Other rooms, so the lobby looks lived in.
  await createRoomOverHttp({ name: 'Friday night', rows: 9, cols: 9, gold: 10 });
  await createRoomOverHttp({ name: 'Big board, flags rules', rows: 16, cols: 16, gold: 40, rules: 'flags' });

  const alice = await person('Alice');
  const roomId = await b.createRoom(alice.page, { name: 'Alice & Bob', rows: 8, cols: 8, gold: 10 });
  await alice.page.waitForSelector('#game[data-status=waiting]');
  assert.equal(await alice.page.textContent('#banner'), 'Waiting for an opponent…');
  assert.equal(await b.gameAttr(alice.page, 'seat'), '0');

  const bob = await person('Bob');
  await b.openFromLobby(bob.page, roomId, 'play');
  assert.equal(await b.gameAttr(bob.page, 'seat'), '1');
  await alice.page.waitForSelector('#game[data-status=playing][data-my-turn=true]');
  assert.match(await alice.page.textContent('#banner'), /Your turn/);
  assert.equal(await bob.page.textContent('#banner'), "Alice's turn, please wait");

  const carol = await person('Carol');
  const watchButton = carol.page.locator('li[data-room-id="' + roomId + '"][data-status=playing] button[data-action=watch]');
  await watchButton.waitFor();
  await carol.page.locator('#nickname').blur();
  await b.screenshot(carol.page, 'web-lobby.png', { publish: true });
  await watchButton.click();
  await carol.page.waitForSelector('#game[data-phase=joined][data-seat=""]');
  assert.equal(await carol.page.textContent('#banner'), 'Alice is digging');

  const players = [alice, bob];
  let turn = 0;
  let digs = 0;
  let reloaded = false;
  for (;;) {
    const page = players[turn].page;
    await page.waitForSelector('#game[data-my-turn=true], #game[data-status=finished]');
    if (await b.gameAttr(page, 'status') === 'finished') break;

    if (!reloaded && turn === 1 && digs >= 3) {
      const token = await page.evaluate((id) => sessionStorage.getItem('goldminer.seat.' + id), roomId);
      const before = await b.boardPicture(page);
      const scoresBefore = await b.scores(page);
      await page.reload();
      await page.waitForSelector('#game[data-phase=joined][data-seat="1"][data-my-turn=true]');
      assert.ok(token, 'the seat token is kept in sessionStorage');
      assert.equal(await page.evaluate((id) => sessionStorage.getItem('goldminer.seat.' + id), roomId), token);
      assert.equal(await b.boardPicture(page), before);
      assert.deepEqual(await b.scores(page), scoresBefore);
      assert.match(await page.textContent('.player[data-seat="1"] .player-name'), /^Bob \(you\)$/);
      assert.ok(await page.$('#board > button.last'), 'the last dig is still highlighted after the reload');
      reloaded = true;
      await b.screenshot(page, 'web-your-turn.png', { fullPage: true });
    }

    await b.digFirstHidden(page);
    digs += 1;
    turn = 1 - turn; // classic rules: the turn always passes
    assert.ok(digs <= 64, 'the game ends before every cell is dug');
  }
  assert.ok(reloaded, 'Bob reloaded during the game');

  const everyone = [alice, bob, carol];
  for (const p of everyone) await p.page.waitForSelector('#game[data-status=finished] #over:not([hidden])');
  const [finalBoard, ...otherBoards] = await Promise.all(everyone.map((p) => b.boardPicture(p.page)));
  const [finalScores, ...otherScores] = await Promise.all(everyone.map((p) => b.scores(p.page)));
  otherBoards.forEach((board) => assert.equal(board, finalBoard));
  otherScores.forEach((s) => assert.deepEqual(s, finalScores));
  assert.ok(!finalBoard.includes('.'), 'the finished board is fully revealed:\n' + finalBoard);
  assert.equal((finalBoard.match(/a/g) || []).length, finalScores[0]);
  assert.equal((finalBoard.match(/b/g) || []).length, finalScores[1]);
  assert.equal(finalScores[0] + finalScores[1], 10);

  const titles = await Promise.all(everyone.map((p) => p.page.textContent('#over-title')));
  assert.deepEqual(titles, expectedTitles(finalScores));
  assert.equal(await alice.page.textContent('#over-detail'), 'All the gold has been found.');

  const summary = await (await fetch(server.url + '/api/rooms/' + roomId)).json();
  assert.equal(summary.status, 'finished');
  assert.deepEqual(summary.players.map((p) => p.score), finalScores);

  await b.screenshot(alice.page, 'web-game-over.png', { publish: true, fullPage: true });
  everyone.forEach((p) => assert.deepEqual(p.problems, []));
});

test('leaving a game in play asks first, then forfeits to the opponent', { timeout: 60000 }, async () => {
  const ann = await person('Ann');
  const roomId = await b.createRoom(ann.page, { rows: 5, cols: 5, gold: 3 });
  const ben = await person('Ben');
  await b.openFromLobby(ben.page, roomId, 'play');
  await ann.page.waitForSelector('#game[data-my-turn=true]');

  await ann.page.click('#leave');
  await ann.page.waitForSelector('#leave-dialog[open]');
  await ann.page.click('#leave-dialog button[value=stay]');
  await ann.page.waitForFunction(() => !document.getElementById('leave-dialog').open);
  assert.equal(await b.gameAttr(ann.page, 'status'), 'playing');
  assert.equal(await b.gameAttr(ann.page, 'phase'), 'joined');

  await ann.page.click('#leave');
  await ann.page.click('#leave-dialog button[value=leave]');
  await ann.page.waitForURL((url) => url.pathname === '/');
  assert.equal(await ann.page.evaluate((id) => sessionStorage.getItem('goldminer.seat.' + id), roomId), null);

  await ben.page.waitForSelector('#game[data-status=finished] #over:not([hidden])');
  assert.equal(await ben.page.textContent('#over-title'), 'You win!');
  assert.equal(await ben.page.textContent('#over-detail'), 'Ann left the game.');
  assert.equal(await ben.page.textContent('.player[data-seat="0"] .player-status'), 'left');
  [ann, ben].forEach((p) => assert.deepEqual(p.problems, []));
});
