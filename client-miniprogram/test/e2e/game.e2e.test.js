/*
 * End to end: the real GoldMiner server, real WebSockets, and the real pages driven through the
 * simulator with a `wx` shim. Two players and a spectator each get their own page instances;
 * rooms are created and joined by tapping the home page, digs by tapping cells.
 */
const config = require('../../utils/config');
const { buildServer, startServer } = require('../../../test-support/goldminer-server');
const { createWxShim } = require('../support/wx-shim');
const { loadPage, installWx, tap, input, fire, text, boardText } = require('../support/pages');

jest.setTimeout(120000);

let server;
let shim;
let restoreWx;
const pages = [];

beforeAll(async () => {
  await buildServer();
  server = await startServer({ seatHoldSeconds: 120 });
  config.use({ http: server.url, ws: server.ws });
}, 300000);

afterAll(async () => {
  if (server) await server.stop();
});

beforeEach(() => {
  shim = createWxShim();
  restoreWx = installWx(shim.wx);
  shim.state.explain = () => [
    ...pages.filter((p) => p.data.grid).map((p) => `game page: ${p.data.phase} seq=${p.data.seq} status=${p.data.status} banner="${p.data.banner.text}"`),
    'toasts: ' + JSON.stringify(shim.toasts),
    'navigations: ' + JSON.stringify(shim.navigations),
    'server log (tail):\n' + server.log().slice(-1500),
  ].join('\n');
});

afterEach(() => {
  for (const page of pages.splice(0)) page.instance.onUnload();
  shim.closeAll();
  restoreWx();
});

function track(page) {
  pages.push(page);
  return page;
}

function queryOf(url) {
  const q = {};
  new URL(url, 'http://x').searchParams.forEach((v, k) => { q[k] = v; });
  return q;
}

async function openHome(nickname) {
  const home = track(loadPage('home'));
  home.instance.onLoad({});
  await input(home, '#nickname', nickname);
  await home.instance.onShow();
  return home;
}

/** Follows the home page's latest navigateTo into a game page. */
async function followNavigation(count) {
  await shim.waitFor('a navigation to the game page', () => shim.navigations.length >= count);
  const url = shim.navigations[count - 1];
  expect(url.startsWith('/pages/game/game?')).toBe(true);
  const game = track(loadPage('game'));
  game.instance.onLoad(queryOf(url));
  return { game, query: queryOf(url) };
}

async function createRoom(home, form, navigationNumber) {
  await tap(home, '#toggle-create');
  await input(home, '#form-name', form.name);
  await input(home, '#form-rows', String(form.rows));
  await input(home, '#form-cols', String(form.cols));
  await input(home, '#form-gold', String(form.gold));
  await fire(home, '#form-rules', 'change', { value: form.rules === 'flags' ? '1' : '0' });
  await tap(home, '#create');
  return followNavigation(navigationNumber);
}

async function tapRoom(home, roomId, action, navigationNumber) {
  await home.instance.refresh();
  await shim.waitFor('room ' + roomId + ' listed for ' + action, () => {
    const room = home.data.rooms.find((r) => r.id === roomId);
    if (room && room.action === action) return true;
    home.instance.refresh();
    return false;
  });
  await tap(home, '#room-' + roomId);
  return followNavigation(navigationNumber);
}

const synced = (games) => games.every((g) => g.data.phase === 'joined' && g.data.seq === games[0].data.seq);

/** Taps one hidden cell on the page whose turn it is, and waits until every page has seen it. */
async function digOnce(games) {
  const mover = games.find((g) => g.data.myTurn);
  const cell = mover.data.grid.flatMap((r) => r.cells).find((c) => c.cls.includes('hidden'));
  const before = mover.data.seq;
  await tap(mover, '#c-' + cell.row + '-' + cell.col);
  await shim.waitFor('every page to see the dig at ' + cell.row + ',' + cell.col,
    () => synced(games) && games[0].data.seq > before && (games.some((g) => g.data.myTurn) || games[0].data.status === 'finished'));
  return mover;
}

async function playToTheEnd(games) {
  let digs = 0;
  while (games[0].data.status !== 'finished') {
    await digOnce(games);
    digs += 1;
    expect(digs).toBeLessThan(1000);
  }
  return digs;
}

function expectSameFinalView(games) {
  const board = boardText(games[0]);
  expect(board).not.toContain('#');
  for (const g of games) {
    expect(boardText(g)).toBe(board);
    expect(g.data.over.scores).toBe(games[0].data.over.scores);
    expect(g.data.players.map((p) => p.score)).toEqual(games[0].data.players.map((p) => p.score));
    expect(text(g, '#over-title')).toBe(g.data.over.title);
  }
}

test('two players and a spectator play a whole game by tapping cells', async () => {
  const homeA = await openHome('Ann');
  const { game: ann, query } = await createRoom(homeA, { name: 'E2E flags', rows: 5, cols: 5, gold: 3, rules: 'flags' }, 1);
  await shim.waitFor('Ann to be seated', () => ann.data.phase === 'joined');
  expect(text(ann, '#banner-text')).toBe('Waiting for an opponent…');
  expect(ann.data.rules).toBe('Flags');
  homeA.instance.onHide();

  const homeB = await openHome('Bea');
  const { game: bea } = await tapRoom(homeB, query.room, 'play', 2);
  await shim.waitFor('the game to start on both pages', () => synced([ann, bea]) && ann.data.status === 'playing');
  homeB.instance.onHide();

  const homeC = await openHome('Eve');
  const { game: eve, query: eveQuery } = await tapRoom(homeC, query.room, 'watch', 3);
  expect(eveQuery.spectate).toBe('1');
  await shim.waitFor('the spectator to join', () => synced([ann, bea, eve]));
  homeC.instance.onHide();

  expect(text(ann, '#banner-text')).toBe('Your turn: dig a cell!');
  expect(text(bea, '#banner-text')).toBe("Ann's turn, please wait");
  expect(text(eve, '#banner-text')).toBe('Ann is digging');
  expect(text(ann, '#player-1')).toContain('Bea');

  // A tap out of turn is not even sent.
  const beaTask = shim.tasks.find((t) => t.sent[0] && t.sent[0].name === 'Bea');
  await tap(bea, '#c-0-0');
  expect(beaTask.sent.map((m) => m.type)).toEqual(['join']);

  const digs = await playToTheEnd([ann, bea, eve]);

  expect(digs).toBeGreaterThan(0);
  expectSameFinalView([ann, bea, eve]);
  const titles = [ann.data.over.title, bea.data.over.title].sort();
  expect([['You lose', 'You win!'], ["It's a tie!", "It's a tie!"]]).toContainEqual(titles);
  const summary = await (await fetch(server.url + '/api/rooms/' + query.room)).json();
  expect(summary.status).toBe('finished');
  expect(summary.players.map((p) => p.score).join(' : ')).toBe(ann.data.players.map((p) => p.score).join(' : '));
  expect(shim.tasks.filter((t) => !t.refused)).toHaveLength(3);
});

test('a page whose socket drops mid-game reconnects, catches up and plays on', async () => {
  const homeA = await openHome('Ann');
  // Classic rules: every dig passes the turn, so Bea's turn comes after Ann's first dig whatever
  // the board. (With flags Ann digs again after gold, and three golds in a row won the game before
  // Bea ever moved on some boards.)
  const { game: ann, query } = await createRoom(homeA, { name: 'E2E classic', rows: 6, cols: 6, gold: 5, rules: 'classic' }, 1);
  await shim.waitFor('Ann to be seated', () => ann.data.phase === 'joined');
  homeA.instance.onHide();
  const homeB = await openHome('Bea');
  const { game: bea } = await tapRoom(homeB, query.room, 'play', 2);
  homeB.instance.onHide();
  await shim.waitFor('the game to start', () => synced([ann, bea]) && ann.data.status === 'playing');
  expect(ann.data.rules).toBe('Classic');

  // Ann digs, so that Bea can move while Ann is away.
  await digOnce([ann, bea]);
  expect(bea.data.myTurn).toBe(true);

  const annTask = shim.tasks.find((t) => t.sent[0] && t.sent[0].name === 'Ann');
  const tasksBefore = shim.tasks.length;
  shim.state.refuseConnections = true;
  annTask.webSocket.terminate();
  await shim.waitFor('Ann to see the connection is lost', () => ann.data.phase === 'reconnecting');
  expect(text(ann, '#banner-text')).toMatch(/^Connection lost, reconnecting/);
  await shim.waitFor('Bea to see Ann offline', () => bea.data.players[0].status === 'offline');

  // Bea digs while Ann cannot hear it.
  const seqBefore = bea.data.seq;
  const cell = bea.data.grid.flatMap((r) => r.cells).find((c) => c.cls.includes('hidden'));
  await tap(bea, '#c-' + cell.row + '-' + cell.col);
  await shim.waitFor("Bea's dig to land", () => bea.data.seq > seqBefore);
  await shim.waitFor('a refused reconnect attempt', () => shim.tasks.length > tasksBefore);

  shim.state.refuseConnections = false;
  await shim.waitFor('Ann to be back in step with Bea', () => synced([ann, bea]) && ann.data.players[0].status === '', 20000);

  const rejoin = shim.tasks.filter((t) => !t.refused && t !== annTask && t.sent[0] && t.sent[0].name === 'Ann');
  expect(rejoin).toHaveLength(1);
  expect(rejoin[0].sent[0]).toEqual({ type: 'join', room: query.room, name: 'Ann', token: expect.any(String) });
  expect(text(ann, '#player-0')).toContain('Ann (you)');
  expect(boardText(ann)).toBe(boardText(bea));
  expect(ann.data.players.map((p) => p.score)).toEqual(bea.data.players.map((p) => p.score));
  // Ann never saw Bea's dig as an event: only the welcome's lastDig can highlight it.
  expect(ann.querySelector('#c-' + cell.row + '-' + cell.col).dom.className).toContain('last');

  await playToTheEnd([ann, bea]);

  expectSameFinalView([ann, bea]);
  expect(bea.instance.client.snapshot().stats.resyncs).toBe(0);
});
